import * as fs from 'node:fs';
import * as path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/**
 * better-sqlite3 is a native module: its `.node` binary must match the ABI of the Node that loads
 * it (plain Node 20 for the CLI and tests, Electron's Node in VS Code desktop, code-server's Node).
 * A packaged extension carries binaries under dist/native/<platform>-<arch>-abi<modules>/ (built by
 * `npm run package`, see scripts/package.mjs); a development checkout uses node_modules' own build.
 * PODFLOW_SQLITE_BINDING names a binary explicitly (tests use it to exercise the failure path).
 */
export type SqliteLoad =
  | { ok: true; open: (file: string) => BetterSqlite3.Database; binding: string }
  | { ok: false; error: string };

export const BINDING_FILE = 'better_sqlite3.node';

/** The folder name a packaged binary for this runtime lives in. */
export function runtimeTag(platform = process.platform, arch = process.arch, abi = process.versions.modules): string {
  return `${platform}-${arch}-abi${abi}`;
}

/**
 * node_modules' own build of better-sqlite3 (a development checkout). Located explicitly: in the
 * bundles, better-sqlite3's default lookup (the `bindings` package) searches from the bundle's
 * project root (the repository), never node_modules/better-sqlite3/build. A packaged extension has
 * no node_modules, so nothing is found there.
 */
function nodeModulesBinding(): string | undefined {
  try {
    const pkg = require.resolve('better-sqlite3/package.json');
    return path.join(path.dirname(pkg), 'build', 'Release', BINDING_FILE);
  } catch {
    return undefined;
  }
}

function candidates(): string[] {
  const explicit = process.env.PODFLOW_SQLITE_BINDING;
  if (explicit) return [explicit];
  // __dirname is dist/ in the bundles; in tests (tsx) it is this source folder, where nothing is found.
  const out = [path.join(__dirname, 'native', runtimeTag(), BINDING_FILE)];
  const dev = nodeModulesBinding();
  if (dev) out.push(dev);
  return out;
}

let cached: SqliteLoad | undefined;

export function loadSqlite(): SqliteLoad {
  if (cached) return cached;
  const errors: string[] = [];
  for (const binding of candidates()) {
    if (!fs.existsSync(binding)) {
      errors.push(`${binding} does not exist`);
      continue;
    }
    try {
      // Loading the binary once here surfaces an ABI mismatch now, not at the first query.
      const addon: unknown = require(binding);
      // The typings only allow a path, but the library also takes the loaded addon object.
      const options = { nativeBinding: addon } as unknown as BetterSqlite3.Options;
      const open = (file: string) => new BetterSqlite3(file, options);
      open(':memory:').close();
      return (cached = { ok: true, open, binding });
    } catch (err) {
      errors.push(`${binding}: ${err instanceof Error ? err.message.replace(/\s+/g, ' ') : String(err)}`);
    }
  }
  return (cached = {
    ok: false,
    error:
      `the SQLite module (better-sqlite3) could not be loaded for ${runtimeTag()} (Node ${process.versions.node}): ${errors.join('; ')}. ` +
      'Install a podflow build packaged for this editor (see "Native module (better-sqlite3)" in the README).',
  });
}

/** Forgets the cached result (tests switch PODFLOW_SQLITE_BINDING). */
export function resetSqliteLoad(): void {
  cached = undefined;
}
