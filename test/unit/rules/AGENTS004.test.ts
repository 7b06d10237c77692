import assert from 'node:assert/strict';
import { lintOne, md, rangeOf } from '../helpers';

const RULE = 'AGENTS004';

describe('AGENTS004 no boundaries', () => {
  it('flags a file that never says what not to do', () => {
    const text = md('# Contributor guide', '', '## Commands', '', '- `npm test`', '', '## Style', '', '- Prefer small functions.');
    const [f, ...rest] = lintOne(RULE, text, 'AGENTS.md');
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [0, 0, 0, 19]);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^No boundaries found: add a section on what the agent must never do/);
  });

  it('does not count boundary words inside code', () => {
    const text = md('# A', '', '- Run `git push --never` then:', '', '```sh', '# do not run this', '```', '', '- Keep going.', '- More.', '- Even more.', '- Done.');
    assert.equal(lintOne(RULE, text, 'AGENTS.md').length, 1);
  });

  it('flags a nested file whose parent has no boundaries either', () => {
    const files = { 'AGENTS.md': md('# Root', '', '- Use `npm test`.', '- a', '- b', '- c', '- d', '- e', '- f'), 'web/AGENTS.md': md('# Web', '', '- Components live in `src`.') };
    assert.equal(lintOne(RULE, files, 'web/AGENTS.md').length, 1);
  });

  describe('does not fire', () => {
    for (const heading of ['## Boundaries', "## Don'ts", '## 3) Security', '## Guardrails', '# Rules', '## Never do this']) {
      it(`with a "${heading}" heading`, () => {
        assert.deepEqual(lintOne(RULE, md('# A', '', heading, '', '- Ask a human first.'), 'AGENTS.md'), []);
      });
    }

    for (const line of ['Never commit secrets.', 'Do not edit generated files.', "Don't touch `dist/`.", 'Avoid network calls in tests.', 'Force-pushing is forbidden.']) {
      it(`with "${line}" in the text`, () => {
        assert.deepEqual(lintOne(RULE, md('# A', '', line), 'AGENTS.md'), []);
      });
    }

    it('in a nested AGENTS.md that inherits the boundaries of a parent', () => {
      const files = { 'AGENTS.md': md('# Root', '', '## Boundaries', '', '- Never commit secrets.'), 'web/AGENTS.md': md('# Web', '', '- Components live in `src`.') };
      assert.deepEqual(lintOne(RULE, files, 'web/AGENTS.md'), []);
    });

    it('in a pointer-only or empty AGENTS.md', () => {
      assert.deepEqual(lintOne(RULE, md('# Agents', '', 'See [CLAUDE.md](CLAUDE.md).'), 'AGENTS.md'), []);
      assert.deepEqual(lintOne(RULE, '', 'AGENTS.md'), []);
    });
  });
});
