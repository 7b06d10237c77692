import assert from 'node:assert/strict';
import { lintAll, rangeOf } from '../helpers';
import { fileNotLintedCases } from './fileNotLinted';

fileNotLintedCases('AGENTS000', 'AGENTS.md', 'agents');

describe('AGENTS000 with a huge AGENTS.md', () => {
  it('still checks the chain size (AGENTS001) and nothing else', () => {
    const text = `# Agents\n${'Be careful. '.repeat(100)}\n`;
    const found = lintAll(text, 'AGENTS.md', { maxFileBytes: 1000, 'agents.maxChainBytes': 1024 });
    assert.deepEqual(found.map((f) => [f.ruleId, rangeOf(f)]), [
      ['AGENTS000', [0, 0, 0, 0]],
      ['AGENTS001', [0, 0, 0, 8]],
    ]);
    assert.match(found[1].message, /^Instructions are 1\.2 KiB, over the 1\.0 KiB agents read/);
  });
});
