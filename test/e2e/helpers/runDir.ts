import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../toolchain.mjs';

/**
 * A temporary folder that holds everything one e2e run writes: code-server's config,
 * user data and extensions, HOME/TMPDIR/XDG_* for every process, Chromium's profile
 * and the workspace copies. Removed by `remove()`, whatever happened.
 */
export class RunDir {
  readonly root: string;
  private workspaces = 0;

  constructor(prefix = 'podflow-e2e-') {
    // realpath: code-server and VS Code report real paths; /tmp may be a symlink elsewhere.
    this.root = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
    live.add(this);
    this.writeOwner({ pid: process.pid });
    for (const d of ['home', 'tmp', 'xdg-config', 'xdg-data', 'xdg-cache', 'ud/User', 'ext', 'workspaces', 'chromium']) {
      mkdirSync(path.join(this.root, d), { recursive: true });
    }
  }

  /** Who uses this folder: the test process and, once started, code-server's process group. */
  writeOwner(owner: { pid: number; codeServerGroup?: number }): void {
    writeFileSync(path.join(this.root, OWNER_FILE), JSON.stringify(owner));
  }

  dir(...parts: string[]): string {
    return path.join(this.root, ...parts);
  }

  /** Environment that keeps a process (code-server, its extension hosts, Chromium) inside the run folder. */
  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    // Drop what could make code-server or the extension host talk to a parent VS Code.
    for (const key of Object.keys(env)) {
      if (key.startsWith('VSCODE_') || key.startsWith('ELECTRON_') || key === 'NODE_OPTIONS') delete env[key];
    }
    return {
      ...env,
      HOME: this.dir('home'),
      TMPDIR: this.dir('tmp'),
      XDG_CONFIG_HOME: this.dir('xdg-config'),
      XDG_DATA_HOME: this.dir('xdg-data'),
      XDG_CACHE_HOME: this.dir('xdg-cache'),
      XDG_RUNTIME_DIR: this.dir('tmp'),
      ...extra,
    };
  }

  /** A fresh copy of examples/ (or another folder of the repo), so the repository is never dirtied. */
  copyWorkspace(from = 'examples', name?: string): string {
    const dest = this.dir('workspaces', name ?? `${path.basename(from)}-${++this.workspaces}`);
    cpSync(path.join(REPO_ROOT, from), dest, { recursive: true });
    return dest;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    live.delete(this);
  }
}

const live = new Set<RunDir>();
const OWNER_FILE = 'owner.json';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Run folders left by a test process that was killed outright (SIGKILL: no handler runs):
 * kill the code-server group it recorded, if that is still code-server, and remove the folder.
 * Folders of test processes still alive (another run in parallel) are left alone.
 */
export function sweepStaleRunDirs(prefix = 'podflow-e2e-'): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(os.tmpdir())) {
    if (!name.startsWith(prefix)) continue;
    const root = path.join(os.tmpdir(), name);
    let owner: { pid?: number; codeServerGroup?: number } = {};
    try {
      owner = JSON.parse(readFileSync(path.join(root, OWNER_FILE), 'utf8'));
    } catch {
      continue; // not ours, or still being created
    }
    if (!owner.pid || alive(owner.pid)) continue;
    const group = owner.codeServerGroup;
    if (group && existsSync(`/proc/${group}/cmdline`) && readFileSync(`/proc/${group}/cmdline`, 'utf8').includes('code-server')) {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // gone
      }
    }
    rmSync(root, { recursive: true, force: true });
    removed.push(root);
  }
  return removed;
}

/** For signal and exit handlers: removes every run folder not removed yet. */
export function removeAllRunDirs(): void {
  for (const run of [...live]) {
    try {
      run.remove();
    } catch {
      // best effort
    }
  }
}
