import assert from 'node:assert/strict';
import { lintOne, md, rangeOf } from '../helpers';

const RULE = 'AGENTS001';

describe('AGENTS001 chain too large', () => {
  it('flags a file over the budget on its first line', () => {
    const text = `# Agents\n${'x'.repeat(2100)}\n`;
    const [f, ...rest] = lintOne(RULE, text, 'AGENTS.md', { 'agents.maxChainBytes': 2048 });
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [0, 0, 0, 8]);
    assert.equal(f.severity, 'error');
    assert.equal(
      f.message,
      'Instructions are 2.1 KiB, over the 2.0 KiB agents read; text past the limit is silently dropped. This file is 2.1 KiB.',
    );
  });

  it('adds up the parents: a small nested file over budget names every file of the chain', () => {
    const files = {
      'AGENTS.md': `# Root\n${'r'.repeat(1500)}\n`,
      'packages/AGENTS.md': `# Packages\n${'p'.repeat(400)}\n`,
      'packages/api/AGENTS.md': md('# API', '', 'Small.'),
    };
    const [f] = lintOne(RULE, files, 'packages/api/AGENTS.md', { 'agents.maxChainBytes': 1024 * 1.5 });
    assert.deepEqual(rangeOf(f), [0, 0, 0, 5]);
    assert.equal(
      f.message,
      'Instructions are 1.9 KiB (AGENTS.md 1.5 KiB + packages/AGENTS.md 0.4 KiB + packages/api/AGENTS.md 0.0 KiB), ' +
        'over the 1.5 KiB agents read; text past the limit is silently dropped. This file is 0.0 KiB.',
    );
  });

  it('counts a lowercase agents.md parent', () => {
    const files = { 'agents.md': 'y'.repeat(3000), 'src/AGENTS.md': md('# Src') };
    const [f] = lintOne(RULE, files, 'src/AGENTS.md', { 'agents.maxChainBytes': 2048 });
    assert.match(f.message, /\(agents\.md 2\.9 KiB \+ src\/AGENTS\.md 0\.0 KiB\)/);
  });

  it('counts bytes, not characters', () => {
    const text = 'é'.repeat(600); // 1200 bytes
    assert.equal(lintOne(RULE, text, 'AGENTS.md', { 'agents.maxChainBytes': 1000 }).length, 1);
  });

  describe('does not fire', () => {
    it('at or under the budget (default 32 KiB)', () => {
      const text = 'z'.repeat(2048);
      assert.deepEqual(lintOne(RULE, text, 'AGENTS.md', { 'agents.maxChainBytes': 2048 }), []);
      assert.deepEqual(lintOne(RULE, `# A\n${'z'.repeat(30_000)}\n`, 'AGENTS.md'), []);
    });

    it('for files in sibling folders, which are not parents', () => {
      const files = { 'a/AGENTS.md': 'x'.repeat(5000), 'b/AGENTS.md': md('# B') };
      assert.deepEqual(lintOne(RULE, files, 'b/AGENTS.md', { 'agents.maxChainBytes': 1024 }), []);
    });
  });
});
