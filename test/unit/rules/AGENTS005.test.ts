import assert from 'node:assert/strict';
import { crlf, lintOne, md, rangeOf } from '../helpers';

const RULE = 'AGENTS005';
const PKG = JSON.stringify({ name: 'app', scripts: { build: 'tsc', test: 'mocha', 'e2e:ci': 'playwright test' } });

describe('AGENTS005 unknown script', () => {
  it('flags npm, pnpm and yarn scripts missing from package.json, naming the scripts it has', () => {
    const files = { 'package.json': JSON.stringify({ scripts: { build: 'tsc' } }), 'AGENTS.md': md('# A', '', '- Lint: `npm run lint` and `pnpm typecheck`; test: `yarn test`.') };
    const found = lintOne(RULE, files, 'AGENTS.md');
    assert.deepEqual(
      found.map((f) => [rangeOf(f), f.message]),
      [
        [[2, 17, 2, 21], 'Script "lint" is not defined in package.json (it has: build).'],
        [[2, 33, 2, 42], 'Script "typecheck" is not defined in package.json (it has: build).'],
        [[2, 57, 2, 61], 'Script "test" is not defined in package.json (it has: build).'],
      ],
    );
    assert.ok(found.every((f) => f.severity === 'warning'));
  });

  it('flags `npm test` and `npm t` when there is no test script', () => {
    const files = { 'package.json': '{"scripts":{}}', 'AGENTS.md': md('Run `npm test` and `npm t`.') };
    const found = lintOne(RULE, files, 'AGENTS.md');
    assert.deepEqual(found.map(rangeOf), [
      [0, 9, 0, 13],
      [0, 24, 0, 25],
    ]);
    assert.equal(found[1].message, 'Script "test" is not defined in package.json (it has no scripts).');
  });

  it('flags commands in shell code blocks, skipping comments', () => {
    const files = { 'package.json': PKG, 'AGENTS.md': md('# A', '', '```bash', '# npm run nope', 'npm ci && npm run e2e:ci -- --headed', 'npm run deploy', '```') };
    const [f, ...rest] = lintOne(RULE, files, 'AGENTS.md');
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [5, 8, 5, 14]);
    assert.match(f.message, /"deploy".*\(it has: build, test, e2e:ci\)/);
  });

  it('flags make targets missing from the Makefile', () => {
    const files = { Makefile: '.PHONY: lint\nbuild: deps\n\tgo build ./...\n%.o: %.c\n\tcc $<\nVERSION := 1\n', 'AGENTS.md': md('Run `make build`, `make lint` and `make check`.') };
    const [f, ...rest] = lintOne(RULE, files, 'AGENTS.md');
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [0, 40, 0, 45]);
    assert.equal(f.message, 'make target "check" is not defined in Makefile.');
  });

  it('reads the package.json nearest to a nested AGENTS.md', () => {
    const files = {
      'package.json': PKG,
      'packages/web/package.json': JSON.stringify({ scripts: { dev: 'vite' } }),
      'packages/web/AGENTS.md': md('Run `npm run dev` and `npm run build`.'),
    };
    const [f, ...rest] = lintOne(RULE, files, 'packages/web/AGENTS.md');
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [0, 31, 0, 36]);
    assert.match(f.message, /not defined in packages\/web\/package\.json \(it has: dev\)/);
  });

  it('keeps exact columns with CRLF', () => {
    const files = { 'package.json': PKG, 'AGENTS.md': crlf(md('# A', '```sh', 'npm run nope', '```')) };
    assert.deepEqual(lintOne(RULE, files, 'AGENTS.md').map(rangeOf), [[2, 8, 2, 12]]);
  });

  describe('does not fire', () => {
    it('on scripts that exist', () => {
      const files = { 'package.json': PKG, 'AGENTS.md': md('Run `npm run build`, `npm test`, `pnpm e2e:ci`, `yarn build`, `bun run test`.') };
      assert.deepEqual(lintOne(RULE, files, 'AGENTS.md'), []);
    });

    it('on package-manager built-ins', () => {
      const files = { 'package.json': PKG, 'AGENTS.md': md('Run `npm install`, `npm ci`, `pnpm add -D zod`, `yarn install --frozen-lockfile`, `pnpm dlx tsx x.ts`, `bun x.ts`.') };
      assert.deepEqual(lintOne(RULE, files, 'AGENTS.md'), []);
    });

    it('on binaries run without `run`: a dependency\'s (`pnpm eslint .`) or a common one (`pnpm tsx x.ts`, `yarn vitest`)', () => {
      const pkg = JSON.stringify({ scripts: { build: 'tsc' }, devDependencies: { eslint: '9.0.0' } });
      const files = { 'package.json': pkg, 'AGENTS.md': md('Run `pnpm eslint .`, `pnpm tsx scripts/gen.ts`, `yarn vitest run`, `pnpm exec prettier -w .`, `bun tsc`.') };
      assert.deepEqual(lintOne(RULE, files, 'AGENTS.md'), []);
      // With `run` it must be a script: `pnpm run eslint` is still flagged.
      const run = { 'package.json': pkg, 'AGENTS.md': md('Run `pnpm run eslint`.') };
      assert.deepEqual(lintOne(RULE, run, 'AGENTS.md').map((f) => f.message), ['Script "eslint" is not defined in package.json (it has: build).']);
    });

    it('on commands aimed at another package (pnpm --filter x build, npm run build -w web, make -C api test)', () => {
      const files = {
        'package.json': JSON.stringify({ scripts: {} }),
        Makefile: 'all:\n',
        'AGENTS.md': md(
          '- `pnpm --filter x build`',
          '- `pnpm -r lint`',
          '- `npm --prefix web run dev`',
          '- `npm run build --workspace=packages/web`',
          '- `npm run lint -w web`',
          '- `yarn workspace web build`',
          '- `make -C api test`',
          '- `make test -C api`',
        ),
      };
      assert.deepEqual(lintOne(RULE, files, 'AGENTS.md'), []);
    });

    it('on placeholders and make variables', () => {
      const files = { 'package.json': PKG, Makefile: 'all:\n', 'AGENTS.md': md('Run `npm run <script>`, `pnpm ${TASK}` and `make VERBOSE=1`.') };
      assert.deepEqual(lintOne(RULE, files, 'AGENTS.md'), []);
    });

    it('when there is no package.json or Makefile, or package.json does not parse', () => {
      assert.deepEqual(lintOne(RULE, md('Run `npm run lint` and `make check`.'), 'AGENTS.md'), []);
      assert.deepEqual(lintOne(RULE, { 'package.json': '{ nope', 'AGENTS.md': md('Run `npm run lint`.') }, 'AGENTS.md'), []);
    });

    it('in code blocks of other languages', () => {
      const files = { 'package.json': PKG, 'AGENTS.md': md('```json', '{ "cmd": "npm run nope" }', '```') };
      assert.deepEqual(lintOne(RULE, files, 'AGENTS.md'), []);
    });

    it('on commands written in prose', () => {
      assert.deepEqual(lintOne(RULE, { 'package.json': PKG, 'AGENTS.md': md('Then npm run nope to finish.') }, 'AGENTS.md'), []);
    });
  });
});
