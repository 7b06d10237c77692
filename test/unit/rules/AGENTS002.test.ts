import assert from 'node:assert/strict';
import { crlf, lintOne, rangeOf } from '../helpers';

const RULE = 'AGENTS002';
const numbered = (n: number): string[] => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

describe('AGENTS002 too many lines', () => {
  it('flags the first line past the budget', () => {
    const text = `${numbered(6).join('\n')}\n`;
    const [f, ...rest] = lintOne(RULE, text, 'AGENTS.md', { 'agents.maxLines': 4 });
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [4, 0, 4, 6]);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, 'AGENTS.md has 6 lines, over the 4 budget; move detail into nested AGENTS.md files or linked docs.');
  });

  it('uses the default budget of 300 lines', () => {
    const [f] = lintOne(RULE, `${numbered(301).join('\n')}\n`, 'AGENTS.md');
    assert.deepEqual(rangeOf(f), [300, 0, 300, 8]);
    assert.match(f.message, /has 301 lines, over the 300 budget/);
  });

  it('counts a last line without a newline, and CRLF lines', () => {
    assert.equal(lintOne(RULE, numbered(5).join('\n'), 'AGENTS.md', { 'agents.maxLines': 4 }).length, 1);
    const [f] = lintOne(RULE, crlf(`${numbered(5).join('\n')}\n`), 'AGENTS.md', { 'agents.maxLines': 4 });
    assert.deepEqual(rangeOf(f), [4, 0, 4, 6]);
  });

  describe('does not fire', () => {
    it('at exactly the budget, final newline or not', () => {
      assert.deepEqual(lintOne(RULE, `${numbered(4).join('\n')}\n`, 'AGENTS.md', { 'agents.maxLines': 4 }), []);
      assert.deepEqual(lintOne(RULE, numbered(4).join('\n'), 'AGENTS.md', { 'agents.maxLines': 4 }), []);
      assert.deepEqual(lintOne(RULE, `${numbered(300).join('\n')}\n`, 'AGENTS.md'), []);
    });
  });
});
