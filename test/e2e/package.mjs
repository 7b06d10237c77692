#!/usr/bin/env node
// The packaging step of `npm run test:e2e`: the project's own `npm run package`, run in a
// snapshot of the working tree, writing podflow.vsix at the repository root.
//
// Why a snapshot: `npm run package` builds dist/ for production, then vsce packs dist/. On a
// working tree where others run `npm test` or `npm run build` (development builds of dist/),
// dist/ can be rewritten between the two and the package ends up with a development build.
// The snapshot has its own dist/; node_modules is a symlink to the repository's. The result
// is checked: production bundles only (no sourceMappingURL), size printed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './toolchain.mjs';
import { developmentBundles, readVsix } from './vsix.mjs';

/** Top-level entries that are build output, tools or caches, never sources. */
const SKIP = new Set(['node_modules', '.git', '.e2e', 'dist', 'out', 'test-results', '.bench']);

const vsix = path.join(REPO_ROOT, 'podflow.vsix');
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
  const r = spawnSync('npm', ['run', 'package'], { cwd: stage, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[e2e:package] npm run package failed (${r.status ?? r.signal})`);
  } else {
    const built = path.join(stage, 'podflow.vsix');
    const dev = developmentBundles(built);
    if (dev.length) {
      console.error(`[e2e:package] ${dev.join(', ')} in podflow.vsix is a development build: check the "package" script`);
    } else {
      copyFileSync(built, vsix);
      const entries = readVsix(vsix);
      console.log(
        `[e2e:package] podflow.vsix: ${(statSync(vsix).size / 1024).toFixed(0)} KB, ${entries.length} entries: ` +
          entries.map((e) => e.name.replace(/^extension\//, '')).join(', '),
      );
      status = 0;
    }
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}
process.exit(status);
