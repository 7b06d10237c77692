import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase, OpenDatabaseOptions } from '../../../server/src/store/database';
import { loadSqlite, resetSqliteLoad } from '../../../server/src/store/nativeBinding';

/** A fresh folder under the OS temp folder; remove it with removeTempDir. */
export function makeTempDir(prefix = 'podflow-store-'): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

export function removeTempDir(dir: string | undefined): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

/** A raw connection (no pragmas, no migrations), for building and inspecting files by hand. */
export function rawOpen(file: string): BetterSqlite3.Database {
  const sqlite = loadSqlite();
  if (!sqlite.ok) throw new Error(sqlite.error);
  return sqlite.open(file);
}

/** openDatabase that must succeed. */
export function openOk(file: string, options?: OpenDatabaseOptions): { db: BetterSqlite3.Database; notices: string[] } {
  const opened = openDatabase(file, options);
  if (opened.kind !== 'sqlite') throw new Error(`expected a database, got: ${opened.reason}`);
  return opened;
}

export function names(db: BetterSqlite3.Database, type: 'table' | 'index' | 'trigger'): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name").all(type) as {
    name: string;
  }[];
  return rows.map((r) => r.name);
}

/**
 * Registers hooks that make better-sqlite3 unloadable for each test of the enclosing suite (a
 * binding path that does not exist) and restore it afterwards. `dir` gives the test's temp folder.
 */
export function withoutNativeModule(dir: () => string): void {
  const saved = process.env.PODFLOW_SQLITE_BINDING;
  beforeEach(() => {
    process.env.PODFLOW_SQLITE_BINDING = path.join(dir(), 'no-such', 'better_sqlite3.node');
    resetSqliteLoad();
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.PODFLOW_SQLITE_BINDING;
    else process.env.PODFLOW_SQLITE_BINDING = saved;
    resetSqliteLoad();
  });
}
