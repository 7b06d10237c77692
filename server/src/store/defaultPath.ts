import * as os from 'node:os';
import * as path from 'node:path';

export const DB_FILE = 'podflow.db';
/** The extension's id, which names its global storage folder. */
const EXTENSION_ID = 'podflow.podflow';

/**
 * Where the extension keeps its database: VS Code's global storage for the extension, one file
 * per user for all workspaces. PODFLOW_DB overrides it (tests, other editors, a shared folder).
 */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string {
  if (env.PODFLOW_DB) return env.PODFLOW_DB;
  const userDir =
    platform === 'win32'
      ? path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Code', 'User')
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support', 'Code', 'User')
        : path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Code', 'User');
  return path.join(userDir, 'globalStorage', EXTENSION_ID, DB_FILE);
}

/**
 * The language server's database: PODFLOW_DB, else `podflow.db` in the storage folder the client
 * passes (its global storage); undefined with neither. The mode clock and the learnings share it.
 */
export function serverDatabasePath(storageDir: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.PODFLOW_DB || (storageDir ? path.join(storageDir, DB_FILE) : undefined);
}
