#!/usr/bin/env node
// npm run test:vscode: the API-level scenarios (test/vscode/suite) inside VS Code desktop.
//
//   VSCODE_EXECUTABLE=/path/to/code npm run test:vscode
//
// VS Code is never downloaded unless you ask for it (VSCODE_TEST_DOWNLOAD=1, which needs
// the @vscode/test-electron package). Without an executable the runner says it skipped and
// exits 0. The same suite also runs inside code-server's extension host in `npm run test:e2e`.
//
// With @vscode/test-electron installed its runTests() launches VS Code; without it the
// runner starts the executable itself with the same arguments.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSuite } from './bundle.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const executable = process.env.VSCODE_EXECUTABLE;
const wantDownload = process.env.VSCODE_TEST_DOWNLOAD === '1';

function loadTestElectron() {
  try {
    return createRequire(path.join(REPO, 'package.json'))('@vscode/test-electron');
  } catch {
    return undefined;
  }
}

const testElectron = loadTestElectron();
if (!executable && !(wantDownload && testElectron)) {
  console.log(
    'test:vscode skipped: set VSCODE_EXECUTABLE to a VS Code desktop executable to run the API scenarios inside VS Code\n' +
      '  (e.g. VSCODE_EXECUTABLE=/usr/share/code/code, or ".../Visual Studio Code.app/Contents/MacOS/Electron"; on a\n' +
      '  Linux machine without a display, run it under xvfb-run). With @vscode/test-electron installed,\n' +
      '  VSCODE_TEST_DOWNLOAD=1 downloads VS Code instead. The same scenarios run in code-server in `npm run test:e2e`.',
  );
  process.exit(0);
}
if (executable && !existsSync(executable)) {
  console.error(`test:vscode: VSCODE_EXECUTABLE=${executable} does not exist`);
  process.exit(1);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.warn('test:vscode: no DISPLAY; VS Code desktop needs one (try `xvfb-run -a npm run test:vscode`)');
}

const build = spawnSync(process.execPath, [path.join(REPO, 'esbuild.mjs')], { cwd: REPO, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'podflow-vscode-')));
let code = 1;
try {
  const workspace = path.join(tmp, 'workspace');
  cpSync(path.join(REPO, 'examples'), workspace, { recursive: true });
  const suite = await bundleSuite(path.join(tmp, 'suite', 'suite.js'));
  for (const d of ['ud', 'ext']) mkdirSync(path.join(tmp, d));
  const results = path.join(tmp, 'results.json');
  const launchArgs = [
    workspace,
    '--disable-extensions', // other installed extensions; built-in ones (markdown) stay
    '--disable-workspace-trust',
    '--skip-welcome',
    '--skip-release-notes',
    '--disable-telemetry',
    `--user-data-dir=${path.join(tmp, 'ud')}`,
    `--extensions-dir=${path.join(tmp, 'ext')}`,
  ];
  const extensionTestsEnv = { PODFLOW_TEST_RESULTS: results };
  if (testElectron) {
    code = await testElectron.runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version: 'stable' }),
      extensionDevelopmentPath: REPO,
      extensionTestsPath: suite,
      launchArgs,
      extensionTestsEnv,
    }).then(
      () => 0,
      (err) => {
        console.error(`test:vscode: ${err instanceof Error ? err.message : String(err)}`);
        return 1;
      },
    );
  } else {
    // What runTests() does when given an executable.
    const args = [...launchArgs, `--extensionDevelopmentPath=${REPO}`, `--extensionTestsPath=${suite}`];
    code = await new Promise((resolve) => {
      const child = spawn(executable, args, { stdio: 'inherit', env: { ...process.env, ...extensionTestsEnv } });
      child.on('error', (err) => {
        console.error(`test:vscode: cannot start ${executable}: ${err.message}`);
        resolve(1);
      });
      child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
    });
  }
  if (existsSync(results)) {
    const r = JSON.parse(readFileSync(results, 'utf8'));
    console.log(`test:vscode: ${r.passed.length} passed, ${r.failed.length} failed`);
    if (r.failed.length) code = code || 1;
  } else if (code === 0) {
    console.error('test:vscode: VS Code exited without running the suite (no results written)');
    code = 1;
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
