/**
 * One e2e session per mocha run: a temporary run folder, code-server with
 * podflow.vsix installed the way a user installs it, and a headless Chromium.
 * Each scenario gets its own copy of examples/ and its own browser tab
 * (see scenario.ts). Everything is torn down in `stopSession`, and, if the run
 * is interrupted, by the signal and exit handlers installed here.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CHROMIUM, REPO_ROOT } from '../toolchain.mjs';
import { VSIX_LIMIT_BYTES } from '../vsix.mjs';
import { CodeServer, killAllGroupsNow } from './codeServer';
import { launchChromium, type BrowserContext } from './playwright';
import { removeAllRunDirs, RunDir, sweepStaleRunDirs } from './runDir';

export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
export const VSIX = process.env.PODFLOW_VSIX ? path.resolve(process.env.PODFLOW_VSIX) : path.join(REPO_ROOT, 'podflow.vsix');
export { VSIX_LIMIT_BYTES };
const EXTENSION_ID = 'podflow.podflow';

export interface Session {
  run: RunDir;
  server: CodeServer;
  browser: BrowserContext;
  /** Folder code-server unpacked podflow.vsix into. */
  extensionDir: string;
  /** The mode clock's history database every language server of the run writes (PODFLOW_DB). */
  modeClockDb: string;
}

/**
 * The mode clock's timer in the language servers of the run (PODFLOW_CLOCK_TICK_MS): the status
 * bar's split follows counted time within a couple of seconds instead of 15.
 */
export const MODE_CLOCK_TICK_MS = 2000;

let current: Session | undefined;
let pendingRun: RunDir | undefined;
let pendingServer: CodeServer | undefined;

export function session(): Session {
  if (!current) throw new Error('the e2e session is not started (test/e2e/hooks.ts)');
  return current;
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

export async function startSession(): Promise<Session> {
  installEmergencyCleanup();
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium libkrb5-dev`);
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` (npm run test:e2e does)`);
  const size = statSync(VSIX).size;
  console.log(`      podflow.vsix: ${kb(size)} (${size} bytes; limit ${kb(VSIX_LIMIT_BYTES)})`);
  if (size >= VSIX_LIMIT_BYTES) throw new Error(`podflow.vsix is ${kb(size)}, over the ${kb(VSIX_LIMIT_BYTES)} budget: check .vscodeignore`);

  for (const stale of sweepStaleRunDirs()) console.log(`      removed ${stale}, left by a test run that was killed`);
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  const run = (pendingRun = new RunDir());
  const modeClockDb = run.dir('podflow.db');
  const agents = agentLogDirs(run);
  const server = (pendingServer = new CodeServer(run, [], {
    PODFLOW_DB: modeClockDb,
    PODFLOW_CLOCK_TICK_MS: String(MODE_CLOCK_TICK_MS),
    CODEX_HOME: agents.codexHome,
    CLAUDE_CONFIG_DIR: agents.claudeConfigDir,
  }));
  const t0 = Date.now();
  server.installExtension(VSIX);
  const installed = server.listExtensions();
  if (!installed.some((l) => l.startsWith(`${EXTENSION_ID}@`))) throw new Error(`podflow is not listed after install: ${installed.join(', ')}`);
  const extensionDir = readdirSync(run.dir('ext'))
    .filter((d) => d.startsWith(`${EXTENSION_ID}-`))
    .map((d) => run.dir('ext', d))[0];
  if (!extensionDir) throw new Error(`no ${EXTENSION_ID}-* folder in ${run.dir('ext')}`);
  await server.start();
  const browser = await launchChromium(run.dir('chromium'), run.env());
  console.log(`      code-server ${CodeServer.expectedVersion} on ${server.url}, podflow installed, Chromium up (${Date.now() - t0} ms)`);
  current = { run, server, browser, extensionDir, modeClockDb };
  return current;
}

export async function stopSession(): Promise<void> {
  const s = current;
  current = undefined;
  const run = s?.run ?? pendingRun;
  const server = s?.server ?? pendingServer;
  const errors: unknown[] = [];
  try {
    await s?.browser.close();
  } catch (err) {
    errors.push(err);
  }
  try {
    await server?.stop();
  } catch (err) {
    errors.push(err);
  }
  try {
    run?.remove();
  } catch (err) {
    errors.push(err);
  }
  pendingRun = undefined;
  pendingServer = undefined;
  if (errors.length) throw new Error(`e2e cleanup failed: ${errors.map(String).join('; ')}`);
}

let installed = false;
/** Ctrl+C, SIGTERM or a crash: kill code-server's process group and remove the run folder, synchronously. */
function installEmergencyCleanup(): void {
  if (installed) return;
  installed = true;
  const emergency = () => {
    killAllGroupsNow();
    removeAllRunDirs();
  };
  process.once('exit', emergency);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\ne2e: ${signal}, cleaning up`);
      emergency();
      // Playwright has its own handler that closes Chromium and exits; exit ourselves if it has none.
      if (process.listenerCount(signal) === 0) process.exit(130);
    });
  }
}

/**
 * The agents' log folders every code-server process of the run gets (CODEX_HOME, CLAUDE_CONFIG_DIR;
 * Gemini CLI's default ~/.gemini is under the run's HOME). They do not exist at start: the token
 * meter scenario (tokens.e2e.ts) puts its copies of the agent-log fixtures there.
 */
export function agentLogDirs(run: RunDir): { codexHome: string; claudeConfigDir: string } {
  return { codexHome: run.dir('agent-logs', 'codex'), claudeConfigDir: run.dir('agent-logs', 'claude') };
}
