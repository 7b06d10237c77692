#!/usr/bin/env node
// Installs the peer tools the tests and benchmarks compare podflow with, into the git-ignored
// .tools/peers/ folder: ccusage 20.0.24 (exact: 20.0.26 has no linux-x64 native package).
// Not a devDependency: ccusage lists native packages for other platforms that this machine's
// registry does not serve, so the lock file could not record them and `npm ci` would refuse it.
// Idempotent: does nothing when the pinned version and its native package are present.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PEER_DIR = path.join(REPO, '.tools', 'peers');
export const CCUSAGE_VERSION = '20.0.24';
export const CCUSAGE_BIN = path.join(PEER_DIR, 'node_modules', '.bin', process.platform === 'win32' ? 'ccusage.cmd' : 'ccusage');

function installedVersion(pkg) {
  try {
    return JSON.parse(fs.readFileSync(path.join(PEER_DIR, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

export function peersReady() {
  const native = `@ccusage/ccusage-${process.platform}-${process.arch}`;
  return installedVersion('ccusage') === CCUSAGE_VERSION && installedVersion(native) === CCUSAGE_VERSION && fs.existsSync(CCUSAGE_BIN);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (peersReady()) {
    console.log(`[peers] ccusage ${CCUSAGE_VERSION} present in ${path.relative(REPO, PEER_DIR)}`);
  } else {
    fs.mkdirSync(PEER_DIR, { recursive: true });
    fs.writeFileSync(path.join(PEER_DIR, 'package.json'), JSON.stringify({ name: 'podflow-peers', private: true }, null, 2) + '\n');
    console.log(`[peers] installing ccusage ${CCUSAGE_VERSION} into ${path.relative(REPO, PEER_DIR)}`);
    const r = spawnSync('npm', ['install', `ccusage@${CCUSAGE_VERSION}`, '--no-audit', '--no-fund', '--no-package-lock', '--save-exact'], { cwd: PEER_DIR, stdio: 'inherit' });
    if (r.status !== 0 || !peersReady()) {
      console.error(`[peers] could not install ccusage ${CCUSAGE_VERSION} (exit ${r.status ?? r.signal}); the ccusage cross-check and bench:tokens need it`);
      process.exit(1);
    }
  }
}
