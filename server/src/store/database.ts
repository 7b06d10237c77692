import * as fs from 'node:fs';
import * as path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, migrate, readSchemaVersion } from './migrations';
import { loadSqlite } from './nativeBinding';

export type OpenedDatabase =
  | { kind: 'sqlite'; db: BetterSqlite3.Database; notices: string[] }
  | { kind: 'unavailable'; reason: string };

export interface OpenDatabaseOptions {
  /** Clock for the name a damaged file is moved to; Date.now by default. */
  now?: () => number;
  /** Create the file (and its folder) when missing; default true. False: a missing file is 'unavailable'. */
  create?: boolean;
  /** Move a damaged file aside and start a new one; default true. False: a damaged file is 'unavailable'. */
  repair?: boolean;
}

const MEMORY = ':memory:';

/**
 * Opens podflow's history database: WAL (so several editor windows and the CLI can share it),
 * a 5 s busy timeout, synchronous NORMAL, foreign keys on, migrated to the latest schema.
 *
 * Never throws for a bad file. A damaged file (not a database, or failing `PRAGMA quick_check`) is
 * moved aside to `<file>.corrupt-<YYYYMMDDTHHMMSS>` (with its -wal and -shm), a new one is started
 * and one notice says so. Anything else that stops it (no native module, a folder that cannot be
 * created, a file that cannot be written) gives `kind: 'unavailable'` with a reason.
 *
 * A file written by a newer podflow (schema_version above what this one knows) is left untouched
 * and reported 'unavailable': opening it read-write could corrupt what the newer schema relies
 * on, and a read-only view could silently misread it. Nothing is written to it, not even the
 * journal mode, so the newer podflow finds it exactly as it left it.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): OpenedDatabase {
  const sqlite = loadSqlite();
  if (!sqlite.ok) return { kind: 'unavailable', reason: sqlite.error };
  const create = options.create ?? true;
  const repair = options.repair ?? true;

  if (file !== MEMORY) {
    if (!create && !fs.existsSync(file)) {
      return { kind: 'unavailable', reason: `there is no history database at ${file}` };
    }
    const folder = path.dirname(file);
    try {
      fs.mkdirSync(folder, { recursive: true });
    } catch (err) {
      return { kind: 'unavailable', reason: `cannot create the folder ${folder} for the history database: ${describe(err)}` };
    }
  }

  // SQLite deletes a -wal and -shm it cannot use when the connection closes, so they are copied
  // to the name the file will be moved to before that (a WAL may hold the latest history).
  let moved: string | undefined;
  const keepSidecars = () => {
    moved = freeName(file, stamp((options.now ?? Date.now)()));
    for (const suffix of SIDECARS) if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, moved + suffix);
  };
  const canRepair = repair && file !== MEMORY;
  const first = withBusyRetry(() => tryOpen(sqlite.open, file, canRepair ? keepSidecars : undefined));
  if (first.kind !== 'damaged') return first;
  if (!canRepair) {
    return { kind: 'unavailable', reason: `the history database ${file} is damaged (${first.detail})` };
  }
  try {
    if (first.keepError !== undefined) throw first.keepError;
    if (moved === undefined) throw new Error('no name was chosen for it');
    fs.renameSync(file, moved);
    for (const suffix of SIDECARS) fs.rmSync(file + suffix, { force: true });
  } catch (err) {
    return {
      kind: 'unavailable',
      reason: `the history database ${file} is damaged (${first.detail}) and could not be moved aside: ${describe(err)}`,
    };
  }
  const second = withBusyRetry(() => tryOpen(sqlite.open, file));
  if (second.kind === 'damaged') {
    return { kind: 'unavailable', reason: `a new history database at ${file} could not be started (${second.detail})` };
  }
  if (second.kind === 'sqlite') {
    second.notices.push(
      `podflow: the history database ${file} was damaged (${first.detail}); it was moved to ${moved} and a new one was started. ` +
        'The mode clock history recorded before now stays in the moved file.',
    );
  }
  return second;
}

type Attempt = OpenedDatabase | { kind: 'damaged'; detail: string; keepError?: unknown };

/** How long opening waits, in all, for another process that holds the file (a window starting at the same moment). */
const OPEN_RETRY_MS = 10_000;

/**
 * Opening touches the file in ways SQLite's busy timeout does not always cover (switching a new
 * file to WAL, the first schema read while another process migrates it): such an attempt comes
 * back "database is locked" at once. It is tried again after a short sleep until OPEN_RETRY_MS.
 */
function withBusyRetry(attempt: () => Attempt): Attempt {
  const until = Date.now() + OPEN_RETRY_MS;
  let wait = 20;
  for (;;) {
    const r = attempt();
    if (r.kind !== 'unavailable' || !/SQLITE_BUSY|SQLITE_LOCKED|database is locked/.test(r.reason) || Date.now() >= until) return r;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    wait = Math.min(wait * 2, 250);
  }
}

const SIDECARS = ['-wal', '-shm'];

/** Opens, checks, sets up and migrates `file`; on damage calls `beforeClose` while the connection is still open. */
function tryOpen(open: (file: string) => BetterSqlite3.Database, file: string, beforeClose?: () => void): Attempt {
  let db: BetterSqlite3.Database | undefined;
  const damaged = (detail: string): Attempt => {
    let keepError: unknown;
    try {
      beforeClose?.();
    } catch (err) {
      keepError = err ?? new Error('unknown error');
    }
    closeQuietly(db);
    return keepError === undefined ? { kind: 'damaged', detail } : { kind: 'damaged', detail, keepError };
  };
  try {
    db = open(file);
    db.pragma('busy_timeout = 5000');
    // quick_check reads every page (milliseconds for a year of history) and is the first
    // statement that touches the file, so a file that is not a database fails here too.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return damaged(`integrity check: ${String(check)}`);
    const version = readSchemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) {
      db.close();
      return {
        kind: 'unavailable',
        reason:
          `the history database ${file} was written by a newer podflow (schema version ${version}; this podflow knows up to ${LATEST_SCHEMA_VERSION}). ` +
          'It is left untouched; update podflow to use it',
      };
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return { kind: 'sqlite', db, notices: [] };
  } catch (err) {
    if (isDamage(err)) return damaged(describe(err));
    closeQuietly(db);
    // Includes NewerSchemaError from migrate(): a newer podflow migrated it after the check above.
    return { kind: 'unavailable', reason: `cannot use the history database ${file}: ${describe(err)}` };
  }
}

function isDamage(err: unknown): boolean {
  const code = errorCode(err);
  return code === 'SQLITE_NOTADB' || (code?.startsWith('SQLITE_CORRUPT') ?? false);
}

function errorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = errorCode(err);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

function closeQuietly(db: BetterSqlite3.Database | undefined): void {
  try {
    db?.close();
  } catch {
    // Already closed, or closing failed on a broken file: nothing more to do with it.
  }
}

/** Local time as YYYYMMDDTHHMMSS. */
export function stamp(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}` +
    `T${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`
  );
}

/** `<file>.corrupt-<time>`, or with -2, -3, ... when that is taken. */
function freeName(file: string, time: string): string {
  const base = `${file}.corrupt-${time}`;
  let target = base;
  for (let n = 2; SIDECARS.concat('').some((suffix) => fs.existsSync(target + suffix)); n++) target = `${base}-${n}`;
  return target;
}
