import assert from 'node:assert/strict';
import { lintOne, md, rangeOf } from '../helpers';

const RULE = 'AGENTS003';

describe('AGENTS003 no build or test command', () => {
  it('flags a file whose commands are only in prose', () => {
    const text = md('# Agents guide', '', 'Run npm test before you push. Never push to main.');
    const [f, ...rest] = lintOne(RULE, text, 'AGENTS.md');
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [0, 0, 0, 14]);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /^No build or test command found: add the exact commands/);
  });

  it('flags an empty file with its own message', () => {
    const [f] = lintOne(RULE, '', 'AGENTS.md');
    assert.deepEqual(rangeOf(f), [0, 0, 0, 0]);
    assert.equal(f.message, 'AGENTS.md is empty: say how to build and test the project.');
  });

  it('flags a nested file when no parent has a command either', () => {
    const files = { 'AGENTS.md': md('# Root', '', 'Be kind.', 'Write tests.', 'Keep PRs small.', 'Use TypeScript.', 'Document APIs.', 'Review code.', 'Ask first.', 'Ship it.'), 'api/AGENTS.md': md('# API', '', 'Handlers live in src.') };
    assert.equal(lintOne(RULE, files, 'api/AGENTS.md').length, 1);
  });

  it('does not count a code span that is not a command', () => {
    assert.equal(lintOne(RULE, md('# A', '', 'Edit `src/index.ts` and the `README`.'), 'AGENTS.md').length, 1);
  });

  describe('does not fire', () => {
    for (const [what, line] of [
      ['npm test in a code span', 'Run `npm test`.'],
      ['pnpm with an env var', 'Run `CI=1 pnpm -r build`.'],
      ['cargo', 'Use `cargo test --workspace`.'],
      ['a ./script', 'Run `./gradlew check`.'],
      ['pytest via uv', 'Run `uv run pytest -q`.'],
      ['make', 'Run `make`.'],
    ] as const) {
      it(`with ${what}`, () => {
        assert.deepEqual(lintOne(RULE, md('# A', '', line), 'AGENTS.md'), []);
      });
    }

    it('with a command in a fenced block, after a prompt', () => {
      assert.deepEqual(lintOne(RULE, md('# A', '', '```console', '$ go test ./...', '```'), 'AGENTS.md'), []);
    });

    it('in a nested AGENTS.md that inherits the commands of a parent', () => {
      const files = {
        'AGENTS.md': md('# Root', '', '## Commands', '', '- Test: `npm test`'),
        'packages/api/AGENTS.md': md('# API package', '', 'Handlers live in `src/routes`.'),
      };
      assert.deepEqual(lintOne(RULE, files, 'packages/api/AGENTS.md'), []);
    });

    it('in a pointer-only AGENTS.md', () => {
      assert.deepEqual(lintOne(RULE, md('# Agents Documentation', '', 'Read CLAUDE.md and CLAUDE.local.md.'), 'AGENTS.md'), []);
      assert.deepEqual(lintOne(RULE, md('@CLAUDE.md'), 'AGENTS.md'), []);
    });
  });
});
