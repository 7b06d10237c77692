import type BetterSqlite3 from 'better-sqlite3';

/**
 * The schema of podflow's history database, as an ordered list of steps. Each step runs once, in
 * order, inside the transaction that also records the new version in `schema_version` (one row).
 * Add new steps at the end with the next version number; never edit a released step.
 */
export interface Migration {
  version: number;
  description: string;
  up(db: BetterSqlite3.Database): void;
}

/** The local calendar date (YYYY-MM-DD) of an epoch-milliseconds instant, in this process's time zone. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'mode clock intervals (the previous schema)',
    up(db) {
      // IF NOT EXISTS: a file from before `schema_version` existed already has this table.
      db.exec(`CREATE TABLE IF NOT EXISTS intervals (
        id INTEGER PRIMARY KEY,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL,
        mode TEXT NOT NULL,
        workspace TEXT NOT NULL,
        file TEXT NOT NULL
      )`);
    },
  },
  {
    version: 2,
    description: 'intervals.day (local calendar date), per-day totals for the reports, and their indexes',
    up(db) {
      db.exec('ALTER TABLE intervals ADD COLUMN day TEXT');
      // Old rows get the date of start_ms in the time zone of the process that migrates, which
      // is the zone the clock was running in unless the user moved since. Intervals never cross
      // a local midnight, so start_ms decides the whole row.
      db.function('podflow_local_day', { deterministic: true }, (ms: unknown) => localDay(Number(ms)));
      db.exec('UPDATE intervals SET day = podflow_local_day(start_ms) WHERE day IS NULL');
      // Per-day reads of the raw intervals (a day's timeline, pruning old days).
      db.exec('CREATE INDEX intervals_day ON intervals (day)');

      // The reports read this rollup, not the intervals: a year is ~200,000 intervals but only
      // tens of thousands of (day, mode, workspace, file) groups, and the primary key hands
      // them to GROUP BY day, mode already sorted. Triggers keep it equal to
      // SUM(end_ms - start_ms) over the intervals of each group, whoever writes them.
      db.exec(`CREATE TABLE day_totals (
        day TEXT NOT NULL,
        mode TEXT NOT NULL,
        workspace TEXT NOT NULL,
        file TEXT NOT NULL,
        ms INTEGER NOT NULL,
        PRIMARY KEY (day, mode, workspace, file)
      ) WITHOUT ROWID`);
      // Reports and totals restricted to one workspace folder.
      db.exec('CREATE INDEX day_totals_workspace ON day_totals (workspace, day)');
      db.exec(`INSERT INTO day_totals (day, mode, workspace, file, ms)
        SELECT day, mode, workspace, file, SUM(end_ms - start_ms) FROM intervals GROUP BY day, mode, workspace, file`);
      db.exec(`CREATE TRIGGER intervals_insert_totals AFTER INSERT ON intervals WHEN NEW.day IS NOT NULL BEGIN
        INSERT INTO day_totals (day, mode, workspace, file, ms)
          VALUES (NEW.day, NEW.mode, NEW.workspace, NEW.file, NEW.end_ms - NEW.start_ms)
          ON CONFLICT (day, mode, workspace, file) DO UPDATE SET ms = ms + excluded.ms;
      END`);
      db.exec(`CREATE TRIGGER intervals_delete_totals AFTER DELETE ON intervals WHEN OLD.day IS NOT NULL BEGIN
        UPDATE day_totals SET ms = ms - (OLD.end_ms - OLD.start_ms)
          WHERE day = OLD.day AND mode = OLD.mode AND workspace = OLD.workspace AND file = OLD.file;
        DELETE FROM day_totals
          WHERE day = OLD.day AND mode = OLD.mode AND workspace = OLD.workspace AND file = OLD.file AND ms = 0;
      END`);
      db.exec(`CREATE TRIGGER intervals_update_totals AFTER UPDATE ON intervals BEGIN
        UPDATE day_totals SET ms = ms - (OLD.end_ms - OLD.start_ms)
          WHERE OLD.day IS NOT NULL AND day = OLD.day AND mode = OLD.mode AND workspace = OLD.workspace AND file = OLD.file;
        INSERT INTO day_totals (day, mode, workspace, file, ms)
          SELECT NEW.day, NEW.mode, NEW.workspace, NEW.file, NEW.end_ms - NEW.start_ms WHERE NEW.day IS NOT NULL
          ON CONFLICT (day, mode, workspace, file) DO UPDATE SET ms = ms + excluded.ms;
      END`);
    },
  },
  {
    version: 3,
    description: 'agent sessions and token use per day (token meter), budget notices shown, codified learnings',
    up(db) {
      // One row per agent session and model: the totals last read from its log. Never prompt text.
      db.exec(`CREATE TABLE agent_sessions (
        agent TEXT NOT NULL,
        session_id TEXT NOT NULL,
        model TEXT NOT NULL,
        workspace TEXT NOT NULL,
        first_ms INTEGER,
        last_ms INTEGER,
        input INTEGER NOT NULL,
        cached_input INTEGER NOT NULL,
        cache_write INTEGER NOT NULL,
        output INTEGER NOT NULL,
        reasoning INTEGER NOT NULL,
        total INTEGER NOT NULL,
        cost_usd REAL,
        PRIMARY KEY (agent, session_id, model)
      ) WITHOUT ROWID`);
      db.exec('CREATE INDEX agent_sessions_workspace ON agent_sessions (workspace, last_ms)');
      // Token use as it grew, per local day, workspace, agent, model and the mode the clock was in.
      // cost_usd sums priced use only; unpriced_tokens counts tokens of models with no price.
      db.exec(`CREATE TABLE token_days (
        day TEXT NOT NULL,
        workspace TEXT NOT NULL,
        agent TEXT NOT NULL,
        model TEXT NOT NULL,
        mode TEXT NOT NULL,
        input INTEGER NOT NULL DEFAULT 0,
        cached_input INTEGER NOT NULL DEFAULT 0,
        cache_write INTEGER NOT NULL DEFAULT 0,
        output INTEGER NOT NULL DEFAULT 0,
        reasoning INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL DEFAULT 0,
        cost_usd REAL NOT NULL DEFAULT 0,
        unpriced_tokens INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, workspace, agent, model, mode)
      ) WITHOUT ROWID`);
      db.exec('CREATE INDEX token_days_workspace ON token_days (workspace, day)');
      // Budget messages already shown ("day:2026-11-30:usd:90"), so each shows once per period.
      db.exec('CREATE TABLE budget_notices (key TEXT PRIMARY KEY, shown_ms INTEGER NOT NULL) WITHOUT ROWID');
      // Learnings put into AGENTS.md by the Codify learning command, with where they came from.
      db.exec(`CREATE TABLE learnings (
        id INTEGER PRIMARY KEY,
        created_ms INTEGER NOT NULL,
        text TEXT NOT NULL,
        workspace TEXT NOT NULL,
        target TEXT NOT NULL,
        section TEXT NOT NULL,
        line INTEGER,
        source_file TEXT,
        commit_sha TEXT,
        requirement_id TEXT
      )`);
      db.exec('CREATE INDEX learnings_created ON learnings (created_ms)');
    },
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The version recorded in the file; 0 when it has no `schema_version` table (new or pre-versioning file). */
export function readSchemaVersion(db: BetterSqlite3.Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get();
  if (!table) return 0;
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_version').get() as { version: number | null };
  return row.version ?? 0;
}

/** Thrown when the file was written by a newer podflow: it is left as it is. */
export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`schema version ${found} is newer than this podflow knows (${known})`);
    this.name = 'NewerSchemaError';
  }
}

/**
 * Brings the file up to the last migration. Runs in one IMMEDIATE transaction (the write lock is
 * taken first, then the version re-read), so two processes opening a new file at once migrate it
 * once. Returns the versions before and after.
 */
export function migrate(
  db: BetterSqlite3.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  const run = db.transaction(() => {
    const from = readSchemaVersion(db);
    if (from > latest) throw new NewerSchemaError(from, latest);
    if (from === latest) return { from, to: from };
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    for (const m of migrations) if (m.version > from) m.up(db);
    db.exec('DELETE FROM schema_version');
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(latest);
    return { from, to: latest };
  });
  return run.immediate();
}
