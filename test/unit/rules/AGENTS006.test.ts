import assert from 'node:assert/strict';
import { crlf, lintOne, md, rangeOf } from '../helpers';

const RULE = 'AGENTS006';

describe('AGENTS006 broken path', () => {
  it('flags relative links and backticked paths that do not exist', () => {
    const files = {
      'src/index.ts': '',
      'web/AGENTS.md': md('# Web', '', 'See [setup](docs/setup.md#install), [api](../api/README.md) and `src/missing.ts`.'),
    };
    const found = lintOne(RULE, files, 'web/AGENTS.md');
    assert.deepEqual(
      found.map((f) => [rangeOf(f), f.severity, f.message]),
      [
        [[2, 12, 2, 33], 'warning', 'Link target "docs/setup.md#install" does not exist.'],
        [[2, 42, 2, 58], 'warning', 'Link target "../api/README.md" does not exist.'],
        [[2, 65, 2, 79], 'warning', 'Path "src/missing.ts" does not exist in the workspace.'],
      ],
    );
  });

  it('points at the target of a reference definition, not at its label', () => {
    const [f] = lintOne(RULE, md('# A', '', 'Read the [guide][g].', '', '[docs/guide.md]: docs/guide.md'), 'AGENTS.md');
    assert.deepEqual(rangeOf(f), [4, 17, 4, 30]);
    assert.equal(f.message, 'Link target "docs/guide.md" does not exist.');
  });

  it('flags ./ paths and paths with a known extension even when their folder is missing', () => {
    const found = lintOne(RULE, md('Edit `./scripts/release.sh` or `config/app.yaml`.'), 'AGENTS.md');
    assert.deepEqual(found.map(rangeOf), [
      [0, 6, 0, 26],
      [0, 32, 0, 47],
    ]);
  });

  it('resolves a link relative to the file, not the root', () => {
    const files = { 'README.md': '', 'web/AGENTS.md': md('[readme](README.md)') };
    assert.deepEqual(lintOne(RULE, files, 'web/AGENTS.md').map(rangeOf), [[0, 9, 0, 18]]);
  });

  it('keeps exact columns with CRLF', () => {
    assert.deepEqual(lintOne(RULE, crlf(md('# A', '', 'See [x](nope.md).')), 'AGENTS.md').map(rangeOf), [[2, 8, 2, 15]]);
  });

  describe('does not fire', () => {
    it('on links and paths that exist (files and folders, relative, root-relative, encoded, with anchors)', () => {
      const files = {
        'docs/setup guide.md': '',
        'docs/api.md': '',
        'src/index.ts': '',
        'packages/api/src/app.ts': '',
        'web/AGENTS.md': md(
          '# Web',
          '',
          '- [setup](../docs/setup%20guide.md#install) and [api](/docs/api.md?plain=1)',
          '- [docs](../docs/) and [root](../)',
          '- Code: `src/index.ts`, `packages/api/`, `packages/api/src/app.ts`, `./AGENTS.md`',
          '',
          '[api]: ../docs/api.md',
        ),
      };
      assert.deepEqual(lintOne(RULE, files, 'web/AGENTS.md'), []);
    });

    it('on URLs, anchors and mail links', () => {
      const text = md('[site](https://example.com/a.md), [top](#boundaries), [mail](mailto:a@b.c), [proto](//cdn.x/y.js)', '', '[ref]: https://x.y/z.md');
      assert.deepEqual(lintOne(RULE, text, 'AGENTS.md'), []);
    });

    it('on placeholders and globs', () => {
      const text = md('Put specs in `specs/NNN-feature/spec.md`, `src/<module>/index.ts`, `src/**/*.test.ts`, `packages/{a,b}`, `path/to/foo`, `$HOME/.config/x.json`, [x](docs/<name>.md).');
      assert.deepEqual(lintOne(RULE, text, 'AGENTS.md'), []);
    });

    it('on code spans that are not paths', () => {
      const text = md('Use `npm test`, `true`, `a/b` (no such folder), `@scope/pkg`, `--out-dir=x/y`, `/usr/local/bin/node`, `feat/x`.');
      assert.deepEqual(lintOne(RULE, text, 'AGENTS.md'), []);
    });

    it('in fenced code blocks', () => {
      assert.deepEqual(lintOne(RULE, md('```', '[x](nope.md) `src/nope.ts`', '```'), 'AGENTS.md'), []);
    });

    it('on git-ignored paths, by the root .gitignore and by one in a folder above the path', () => {
      const files = {
        '.gitignore': 'coverage-report/\n.env\n*.log\n',
        'web/.gitignore': '/generated/\n',
        'web/AGENTS.md': md('Reports go to `coverage-report/index.html`; logs to `server.log`.', 'Never commit `.env`; codegen writes `web/generated/api.ts` and `./generated/types.ts`.'),
      };
      assert.deepEqual(lintOne(RULE, files, 'web/AGENTS.md'), []);
    });

    it('on paths in build output folders, git-ignored or not', () => {
      const text = md('The CLI builds to `dist/cli.js`; the worker to `./wrangler-dist/index.js`; CI uploads `./artifacts/report.json` and `target/release/app`.');
      assert.deepEqual(lintOne(RULE, text, 'AGENTS.md'), []);
    });

    it('on a path relative to a folder the line or its heading names, or to a package the file sits in', () => {
      const files = {
        'codex-rs/core/src/lib.rs': '',
        'packages/web/src/app.ts': '',
        'packages/web/package.json': '{}',
        'packages/web/docs/AGENTS.md': md('See `src/app.ts` for the entry point.'),
        'AGENTS.md': md('# Repo', '', 'In `codex-rs`, run `cargo test`; the core lives in `core/src/lib.rs`.', '', '| Package | Entry |', '| --- | --- |', '| web | `src/app.ts` |', '', '## packages/web', '', 'Start at `src/app.ts`.'),
      };
      assert.deepEqual(lintOne(RULE, files, 'AGENTS.md'), []);
      assert.deepEqual(lintOne(RULE, files, 'packages/web/docs/AGENTS.md'), []);
    });

    it('on a path shown as what not to create', () => {
      const text = md('- Do not create files like `notes/scratch.md` or `docs/TODO.md`.', '- Never add a `src/utils/helpers.ts` catch-all.');
      assert.deepEqual(lintOne(RULE, text, 'AGENTS.md'), []);
    });
  });

  it('still flags a missing path that nothing above explains, on a line that says not to edit it', () => {
    const files = { '.gitignore': 'dist/\n', 'AGENTS.md': md('Do not edit `src/generated/schema.ts` by hand.', 'The core is in `core/src/lib.rs`.') };
    assert.deepEqual(
      lintOne(RULE, files, 'AGENTS.md').map((f) => f.message),
      ['Path "src/generated/schema.ts" does not exist in the workspace.', 'Path "core/src/lib.rs" does not exist in the workspace.'],
    );
  });
});
