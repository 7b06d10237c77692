import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { CODE_SERVER_VERSION, toolPaths } from '../toolchain.mjs';
import type { RunDir } from './runDir';

/** Workbench settings that keep the UI quiet and deterministic. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.editor.enablePreview': false,
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  // Markdown wraps by default; unwrapped lines map one-to-one to what the tests read on screen.
  '[markdown]': { 'editor.wordWrap': 'off' },
  'window.restoreWindows': 'none',
  'security.workspace.trust.enabled': false,
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * code-server 4.139.1 on Node 24, bound to 127.0.0.1, in its own process group so
 * that its extension hosts and the language servers they start all go with it.
 */
export class CodeServer {
  port = 0;
  private child: ChildProcess | undefined;
  private readonly tools = toolPaths();
  readonly logFile: string;

  /**
   * `extraArgs` go to code-server as they are, e.g. ['--vscode-option', 'enable-smoke-test-driver'].
   * `extraEnv` is added to the environment of code-server and so of its extension hosts and the
   * language servers they fork (e.g. PODFLOW_DB).
   */
  constructor(
    private readonly run: RunDir,
    private readonly extraArgs: string[] = [],
    private readonly extraEnv: Record<string, string> = {},
  ) {
    this.logFile = run.dir('code-server.log');
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The environment every code-server process gets: Node 24 first on PATH, everything under the run folder. */
  private env(): NodeJS.ProcessEnv {
    const env = this.run.env(this.extraEnv);
    env.PATH = `${path.dirname(this.tools.nodeBin)}${path.delimiter}${env.PATH ?? ''}`;
    return env;
  }

  private baseArgs(): string[] {
    return [
      this.tools.codeServerEntry,
      '--config', this.run.dir('config.yaml'),
      '--user-data-dir', this.run.dir('ud'),
      '--extensions-dir', this.run.dir('ext'),
    ];
  }

  /** `code-server --install-extension x.vsix`, the way a user installs a .vsix. */
  installExtension(vsix: string): void {
    const r = spawnSync(this.tools.nodeBin, [...this.baseArgs(), '--force', '--install-extension', vsix], {
      env: this.env(),
      encoding: 'utf8',
      timeout: 120_000,
      cwd: this.run.root,
    });
    if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
      throw new Error(`code-server --install-extension ${vsix} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
    }
  }

  listExtensions(): string[] {
    const r = spawnSync(this.tools.nodeBin, [...this.baseArgs(), '--list-extensions', '--show-versions'], {
      env: this.env(),
      encoding: 'utf8',
      timeout: 60_000,
      cwd: this.run.root,
    });
    return r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  }

  async start(): Promise<void> {
    if (!existsSync(this.tools.codeServerEntry)) throw new Error('code-server is not installed: run `npm run e2e:setup`');
    writeFileSync(this.run.dir('config.yaml'), 'auth: none\ncert: false\n');
    writeFileSync(this.run.dir('ud', 'User', 'settings.json'), `${JSON.stringify(USER_SETTINGS, null, 2)}\n`);
    for (let attempt = 1; ; attempt++) {
      this.port = await freePort();
      const log = openSync(this.logFile, 'a');
      try {
        this.child = spawn(
          this.tools.nodeBin,
          [
            ...this.baseArgs(),
            '--bind-addr', `127.0.0.1:${this.port}`,
            '--auth', 'none',
            '--disable-telemetry',
            '--disable-update-check',
            '--disable-workspace-trust',
            '--disable-getting-started-override',
            '--disable-proxy',
            '--reconnection-grace-time', '5',
            // If the test process is killed outright, an orphaned code-server exits once nobody is connected.
            '--idle-timeout-seconds', '120',
            '--ignore-last-opened',
            ...this.extraArgs,
          ],
          // detached: setsid(), so the whole tree can be signalled with kill(-pid).
          { detached: true, stdio: ['ignore', log, log], env: this.env(), cwd: this.run.root },
        );
      } finally {
        closeSync(log);
      }
      this.child.unref();
      if (this.child.pid) {
        groups.add(this.child.pid);
        this.run.writeOwner({ pid: process.pid, codeServerGroup: this.child.pid });
      }
      if (await this.waitHealthy(30_000)) return;
      await this.stop();
      if (attempt >= 3) throw new Error(`code-server did not become healthy on port ${this.port}:\n${this.logTail()}`);
    }
  }

  private async waitHealthy(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null && this.child?.exitCode !== undefined) return false;
      try {
        const res = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) return true;
      } catch {
        // not listening yet
      }
      await sleep(150);
    }
    return false;
  }

  logTail(lines = 40): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no code-server log)';
    }
  }

  /** TERM to the process group, then KILL after a grace period; waits until the group is gone. */
  async stop(graceMs = 5000): Promise<void> {
    const pid = this.child?.pid;
    this.child = undefined;
    if (!pid) return;
    killGroup(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
    if (groupAlive(pid)) {
      killGroup(pid, 'SIGKILL');
      const killDeadline = Date.now() + 3000;
      while (groupAlive(pid) && Date.now() < killDeadline) await sleep(100);
    }
    unregisterGroup(pid);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  static expectedVersion = CODE_SERVER_VERSION;
}

// Process groups still to be killed if the test process dies abruptly (Ctrl+C, uncaught error).
const groups = new Set<number>();
function killGroup(pid: number, signal: NodeJS.Signals): void {
  groups.add(pid);
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
function unregisterGroup(pid: number): void {
  groups.delete(pid);
}
/** Kills every code-server process group still running; for signal and exit handlers. */
export function killAllGroupsNow(): void {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}
process.once('exit', killAllGroupsNow);
