import assert from 'node:assert/strict';
import { crlf, lintOne, md, rangeOf } from '../helpers';

const RULE = 'AGENTS007';

describe('AGENTS007 vague directive', () => {
  it('flags each vague phrase, whatever its case, longest phrase first', () => {
    const found = lintOne(RULE, md('# A', '', '- Be careful with migrations; try to keep PRs small and Follow Best Practices.'), 'AGENTS.md');
    assert.deepEqual(
      found.map((f) => [rangeOf(f), f.severity, f.message]),
      [
        [[2, 2, 2, 12], 'information', 'Vague directive "Be careful": say exactly what to do or not do.'],
        [[2, 30, 2, 36], 'information', 'Vague directive "try to": say exactly what to do or not do.'],
        [[2, 56, 2, 77], 'information', 'Vague directive "Follow Best Practices": say exactly what to do or not do.'],
      ],
    );
  });

  it('flags several phrases on one line, with CRLF', () => {
    const found = lintOne(RULE, crlf(md('x', 'Use common sense when appropriate.')), 'AGENTS.md');
    assert.deepEqual(found.map(rangeOf), [
      [1, 0, 1, 16],
      [1, 17, 1, 33],
    ]);
  });

  it('uses podflow.agents.vaguePhrases; an empty list turns it off', () => {
    const text = md('Be careful. Keep it tidy.');
    assert.deepEqual(lintOne(RULE, text, 'AGENTS.md', { 'agents.vaguePhrases': ['keep it tidy'] }).map(rangeOf), [[0, 12, 0, 24]]);
    assert.deepEqual(lintOne(RULE, text, 'AGENTS.md', { 'agents.vaguePhrases': [] }), []);
  });

  describe('does not fire', () => {
    it('in code spans, code blocks or comments', () => {
      const text = md('Run `be careful` here.', '', '```', 'try to connect', '```', '<!-- be careful -->');
      assert.deepEqual(lintOne(RULE, text, 'AGENTS.md'), []);
    });

    it('on words that contain a phrase, or precise directives', () => {
      assert.deepEqual(lintOne(RULE, md('Entry to the API is `src/api.ts`. Never commit `.env`. Run `npm test` before every push.'), 'AGENTS.md'), []);
    });

    it('in specs', () => {
      assert.deepEqual(lintOne(RULE, md('Be careful.'), 'SPEC.md'), []);
    });
  });
});
