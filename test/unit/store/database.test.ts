import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SqliteIntervalStore } from '../../../server/src/modeClock/sqliteIntervalStore';
import { openDatabase, stamp } from '../../../server/src/store/database';
import { LATEST_SCHEMA_VERSION, localDay, MIGRATIONS } from '../../../server/src/store/migrations';
import { makeTempDir, names, openOk, rawOpen, removeTempDir } from './storeHelpers';

const MIN = 60_000;
const hash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const version = (db: ReturnType<typeof rawOpen>) => (db.prepare('SELECT version FROM schema_version').all() as { version: number }[]).map((r) => r.version);

/** A version-1 file as the previous podflow wrote it: the intervals table without `day`. */
function makeVersion1File(file: string, rows: [start: number, minutes: number, mode: string, workspace: string, f: string][]): void {
  const db = rawOpen(file);
  db.exec(`CREATE TABLE intervals (id INTEGER PRIMARY KEY, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,
    mode TEXT NOT NULL, workspace TEXT NOT NULL, file TEXT NOT NULL)`);
  db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1)');
  const insert = db.prepare('INSERT INTO intervals (start_ms, end_ms, mode, workspace, file) VALUES (?, ?, ?, ?, ?)');
  for (const [start, minutes, mode, ws, f] of rows) insert.run(start, start + minutes * MIN, mode, ws, f);
  db.close();
}

describe('store/database: openDatabase', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  describe('pragmas', () => {
    it('sets WAL, a 5 s busy timeout, synchronous NORMAL and foreign keys', () => {
      const { db, notices } = openOk(path.join(dir, 'history.db'));
      try {
        assert.deepEqual(notices, []);
        assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
        assert.equal(db.pragma('busy_timeout', { simple: true }), 5000);
        assert.equal(db.pragma('synchronous', { simple: true }), 1); // NORMAL
        assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
      } finally {
        db.close();
      }
      // WAL is a property of the file: a plain connection sees it too.
      const raw = rawOpen(path.join(dir, 'history.db'));
      assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
      raw.close();
    });

    it('creates missing parent folders', () => {
      const file = path.join(dir, 'a', 'b', 'history.db');
      openOk(file).db.close();
      assert.ok(fs.existsSync(file));
    });
  });

  describe('migrations', () => {
    it('the list is ordered by version, starting at 1, without gaps', () => {
      assert.deepEqual(
        MIGRATIONS.map((m) => m.version),
        MIGRATIONS.map((_, i) => i + 1),
      );
      assert.equal(LATEST_SCHEMA_VERSION, 3);
    });

    it('brings an empty file to the latest version with its tables, indexes and triggers', () => {
      const file = path.join(dir, 'history.db');
      fs.writeFileSync(file, '');
      const { db } = openOk(file);
      assert.deepEqual(version(db), [LATEST_SCHEMA_VERSION]);
      assert.deepEqual(names(db, 'table'), ['agent_sessions', 'budget_notices', 'day_totals', 'intervals', 'learnings', 'schema_version', 'token_days']);
      assert.deepEqual(names(db, 'index'), ['agent_sessions_workspace', 'day_totals_workspace', 'intervals_day', 'learnings_created', 'token_days_workspace']);
      assert.deepEqual(names(db, 'trigger'), ['intervals_delete_totals', 'intervals_insert_totals', 'intervals_update_totals']);
      const columns = (db.prepare('PRAGMA table_info(intervals)').all() as { name: string }[]).map((c) => c.name);
      assert.deepEqual(columns, ['id', 'start_ms', 'end_ms', 'mode', 'workspace', 'file', 'day']);
      db.close();
    });

    it('upgrades a version-1 file with rows: rows kept, day backfilled in local time, totals rebuilt, latest version', () => {
      const file = path.join(dir, 'history.db');
      // Local 23:30 and 00:10: a UTC backfill would put one of them on the wrong day in most zones.
      const lateEvening = new Date(2024, 4, 6, 23, 30).getTime();
      const afterMidnight = new Date(2024, 4, 7, 0, 10).getTime();
      makeVersion1File(file, [
        [lateEvening, 20, 'plan', '/w/a', 'SPEC.md'],
        [afterMidnight, 15, 'review', '/w/a', 'src/x.ts'],
        [afterMidnight + 30 * MIN, 5, 'review', '/w/a', 'src/x.ts'],
      ]);
      const { db } = openOk(file);
      assert.deepEqual(version(db), [LATEST_SCHEMA_VERSION]);
      const rows = db.prepare('SELECT id, start_ms, end_ms, mode, workspace, file, day FROM intervals ORDER BY id').all();
      assert.deepEqual(rows, [
        { id: 1, start_ms: lateEvening, end_ms: lateEvening + 20 * MIN, mode: 'plan', workspace: '/w/a', file: 'SPEC.md', day: '2024-05-06' },
        { id: 2, start_ms: afterMidnight, end_ms: afterMidnight + 15 * MIN, mode: 'review', workspace: '/w/a', file: 'src/x.ts', day: '2024-05-07' },
        {
          id: 3,
          start_ms: afterMidnight + 30 * MIN,
          end_ms: afterMidnight + 35 * MIN,
          mode: 'review',
          workspace: '/w/a',
          file: 'src/x.ts',
          day: '2024-05-07',
        },
      ]);
      const store = new SqliteIntervalStore(db);
      assert.deepEqual(store.totals('2024-05-06', '2024-05-06'), { plan: 20 * MIN, execute: 0, review: 0, codify: 0 });
      assert.deepEqual(store.totals('2024-05-07', '2024-05-07'), { plan: 0, execute: 0, review: 20 * MIN, codify: 0 });
      store.close();
    });

    it('upgrades a file from before schema_version existed (intervals table only)', () => {
      const file = path.join(dir, 'history.db');
      const start = new Date(2024, 1, 2, 12).getTime();
      makeVersion1File(file, [[start, 10, 'codify', '', 'AGENTS.md']]);
      const raw = rawOpen(file);
      raw.exec('DROP TABLE schema_version');
      raw.close();
      const { db } = openOk(file);
      assert.deepEqual(version(db), [LATEST_SCHEMA_VERSION]);
      assert.deepEqual(db.prepare('SELECT day, ms FROM day_totals').all(), [{ day: localDay(start), ms: 10 * MIN }]);
      db.close();
    });

    it('reopening a current file changes nothing', () => {
      const file = path.join(dir, 'history.db');
      const first = openOk(file).db;
      const store = new SqliteIntervalStore(first);
      store.add([{ start: 0, end: MIN, day: '2024-01-01', mode: 'plan', workspace: '/w', file: 'a.md' }]);
      const schemaCookie = first.pragma('schema_version', { simple: true });
      const master = first.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
      store.close();

      const again = openOk(file).db;
      assert.equal(again.pragma('schema_version', { simple: true }), schemaCookie);
      assert.deepEqual(again.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all(), master);
      assert.deepEqual(version(again), [LATEST_SCHEMA_VERSION]);
      assert.equal((again.prepare('SELECT COUNT(*) AS n FROM intervals').get() as { n: number }).n, 1);
      again.close();
    });

    it('leaves a file from a newer podflow untouched and reports it unavailable', () => {
      const file = path.join(dir, 'history.db');
      const raw = rawOpen(file);
      raw.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (99)');
      raw.exec('CREATE TABLE something_new (x)');
      raw.close();
      const before = hash(file);

      const opened = openDatabase(file);
      assert.equal(opened.kind, 'unavailable');
      assert.match(opened.kind === 'unavailable' ? opened.reason : '', /newer podflow \(schema version 99; this podflow knows up to 3\)/);
      assert.equal(hash(file), before);
      assert.ok(!fs.existsSync(`${file}-wal`), 'no WAL file: the journal mode was not changed');
      assert.deepEqual(
        fs.readdirSync(dir).filter((f) => f.includes('corrupt')),
        [],
      );
    });
  });

  describe('a damaged file', () => {
    const now = new Date(2025, 2, 4, 5, 6, 7).getTime();
    const expectedName = (file: string) => `${file}.corrupt-20250304T050607`;

    it('formats the time as local YYYYMMDDTHHMMSS', () => {
      assert.equal(stamp(now), '20250304T050607');
    });

    function assertRecovered(file: string, detail: RegExp): void {
      const { db, notices } = openOk(file, { now: () => now });
      assert.equal(notices.length, 1, notices.join('\n'));
      assert.match(notices[0], /^podflow: the history database .* was damaged/);
      assert.ok(notices[0].includes(file) && notices[0].includes(expectedName(file)), notices[0]);
      assert.match(notices[0], detail);
      assert.ok(fs.existsSync(expectedName(file)), 'the damaged file was moved aside');
      // The new database works.
      const store = new SqliteIntervalStore(db);
      store.add([{ start: 1000, end: 61_000, day: '2025-03-04', mode: 'review', workspace: '/w', file: 'a.ts' }]);
      assert.deepEqual(store.totals('2025-03-04', '2025-03-04'), { plan: 0, execute: 0, review: 60_000, codify: 0 });
      store.close();
      // And it stays healthy: the next open has nothing to say.
      const again = openOk(file, { now: () => now });
      assert.deepEqual(again.notices, []);
      again.db.close();
    }

    it('moves a file of garbage bytes aside, with its -wal and -shm, and starts a new one', () => {
      const file = path.join(dir, 'history.db');
      const garbage = Buffer.from('this is not an SQLite database, only some bytes. '.repeat(200));
      fs.writeFileSync(file, garbage);
      fs.writeFileSync(`${file}-wal`, 'stray wal');
      fs.writeFileSync(`${file}-shm`, 'stray shm');
      assertRecovered(file, /not a database/);
      assert.ok(fs.readFileSync(expectedName(file)).equals(garbage), 'the moved file keeps its bytes');
      assert.ok(fs.readFileSync(`${expectedName(file)}-wal`).equals(Buffer.from('stray wal')), 'the WAL keeps its bytes');
      // SQLite rewrites the -shm (a shared-memory index rebuilt from the WAL); it is moved, its bytes do not matter.
      assert.ok(fs.existsSync(`${expectedName(file)}-shm`));
    });

    it('moves a valid database truncated in the middle aside and starts a new one', () => {
      const file = path.join(dir, 'history.db');
      const { db } = openOk(file);
      const store = new SqliteIntervalStore(db);
      const day = '2025-01-01';
      store.add(
        Array.from({ length: 5000 }, (_, i) => ({
          start: i * MIN,
          end: i * MIN + 1000,
          day,
          mode: 'plan' as const,
          workspace: `/w/${i % 9}`,
          file: `src/file-${i}.ts`,
        })),
      );
      store.close();
      const bytes = fs.readFileSync(file);
      assert.ok(bytes.length > 64 * 1024, `a file of many pages (${bytes.length} bytes)`);
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      assertRecovered(file, /malformed|corrupt/i);
    });

    it('picks another name when the stamped one is taken', () => {
      const file = path.join(dir, 'history.db');
      fs.writeFileSync(expectedName(file), 'an earlier one');
      fs.writeFileSync(file, 'garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage');
      const { db, notices } = openOk(file, { now: () => now });
      db.close();
      assert.equal(notices.length, 1);
      assert.ok(notices[0].includes(`${expectedName(file)}-2`), notices[0]);
      assert.equal(fs.readFileSync(expectedName(file), 'utf8'), 'an earlier one');
    });

    it('with repair off, reports it unavailable and leaves it in place', () => {
      const file = path.join(dir, 'history.db');
      fs.writeFileSync(file, 'garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage');
      const before = hash(file);
      const opened = openDatabase(file, { repair: false });
      assert.equal(opened.kind, 'unavailable');
      assert.match(opened.kind === 'unavailable' ? opened.reason : '', /is damaged \(file is not a database/);
      assert.equal(hash(file), before);
    });
  });

  describe('when it cannot be used', () => {
    it('reports a folder that cannot be created, without throwing', () => {
      const blocker = path.join(dir, 'not-a-folder');
      fs.writeFileSync(blocker, 'a file where a folder should be');
      const opened = openDatabase(path.join(blocker, 'sub', 'history.db'));
      assert.equal(opened.kind, 'unavailable');
      assert.match(opened.kind === 'unavailable' ? opened.reason : '', /cannot create the folder .*not-a-folder.* for the history database/);
    });

    it('reports a path that is a folder, without throwing', () => {
      const opened = openDatabase(dir);
      assert.equal(opened.kind, 'unavailable');
    });

    it('with create off, reports a missing file and creates nothing', () => {
      const file = path.join(dir, 'sub', 'history.db');
      const opened = openDatabase(file, { create: false });
      assert.deepEqual(opened, { kind: 'unavailable', reason: `there is no history database at ${file}` });
      assert.deepEqual(fs.readdirSync(dir), []);
    });
  });
});
