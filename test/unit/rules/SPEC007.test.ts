import assert from 'node:assert/strict';
import { crlf, lintOne, md, rangeOf } from '../helpers';

const RULE = 'SPEC007';

describe('SPEC007 needs clarification', () => {
  it('flags a [NEEDS CLARIFICATION: ...] marker and quotes its question', () => {
    const [f, ...rest] = lintOne(RULE, md('# Spec', '', '- **FR-006**: Names MUST follow a pattern [NEEDS CLARIFICATION: per-team prefix?].'), 'SPEC.md');
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [2, 42, 2, 81]);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, 'Unresolved clarification: per-team prefix?');
  });

  it('flags a bare marker with a generic message', () => {
    const [f] = lintOne(RULE, md('Owner: [NEEDS CLARIFICATION] (see below)'), 'SPEC.md');
    assert.deepEqual(rangeOf(f), [0, 7, 0, 28]);
    assert.equal(f.message, 'Unresolved [NEEDS CLARIFICATION] marker.');
  });

  it('flags an unclosed marker up to the end of the line', () => {
    const [f] = lintOne(RULE, md('Auth uses [NEEDS CLARIFICATION: auth method not specified - SSO, email?', 'more text'), 'SPEC.md');
    assert.deepEqual(rangeOf(f), [0, 10, 0, 71]);
    assert.equal(f.message, 'Unresolved clarification: auth method not specified - SSO, email?');
  });

  it('flags markers in PLANS.md too', () => {
    const [f] = lintOne(RULE, md('## Progress', '', '- [ ] Pick a store [NEEDS CLARIFICATION: sqlite or postgres?]'), 'PLANS.md');
    assert.deepEqual(rangeOf(f), [2, 19, 2, 61]);
    assert.match(f.message, /sqlite or postgres\?/);
  });

  it('flags several markers on one line, with CRLF', () => {
    const found = lintOne(RULE, crlf(md('x', '[NEEDS CLARIFICATION: a] and [NEEDS CLARIFICATION: b]')), 'SPEC.md');
    assert.deepEqual(found.map(rangeOf), [
      [1, 0, 1, 24],
      [1, 29, 1, 53],
    ]);
  });

  describe('does not fire', () => {
    it('in code spans, code blocks and HTML comments', () => {
      const text = md('Write `[NEEDS CLARIFICATION: x]` for open questions.', '', '```', '[NEEDS CLARIFICATION: y]', '```', '', '<!-- [NEEDS CLARIFICATION: z] -->');
      assert.deepEqual(lintOne(RULE, text, 'SPEC.md'), []);
    });

    it('on other bracketed notes or lowercase text', () => {
      assert.deepEqual(lintOne(RULE, md('[NEEDS REVIEW] and needs clarification later.'), 'SPEC.md'), []);
    });

    it('in AGENTS.md', () => {
      assert.deepEqual(lintOne(RULE, md('# A', '[NEEDS CLARIFICATION: x]', 'Run `npm test`. Never push.'), 'AGENTS.md'), []);
    });
  });
});
