import assert from 'node:assert/strict';
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as path from 'node:path';
import { SqliteIntervalStore } from '../../../server/src/modeClock/sqliteIntervalStore';
import { LATEST_SCHEMA_VERSION } from '../../../server/src/store/migrations';
import { makeTempDir, openOk, removeTempDir } from './storeHelpers';

const ROOT = path.join(__dirname, '..', '..', '..');
const WRITER = path.join(__dirname, 'fixtures', 'intervalWriter.ts');
const WRITE_MS = 2000;

interface WriterResult {
  rows: number;
  transactions: number;
  first: number;
  last: number;
}

/** A writer child; `ready` resolves once it has opened the database, `done` with what it wrote. */
function startWriter(file: string, workspace: string): { child: ChildProcessWithoutNullStreams; ready: Promise<void>; done: Promise<WriterResult> } {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, workspace], { cwd: ROOT });
  let out = '';
  let err = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) onReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<WriterResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`writer for ${workspace} exited with ${code}: ${err}`));
      else resolve(JSON.parse(out.slice('ready\n'.length)) as WriterResult);
    });
  });
  // Awaited later; this keeps an early failure from also counting as an unhandled rejection.
  done.catch(() => undefined);
  return { child, ready: Promise.race([ready, done.then(() => undefined)]), done };
}

describe('store: two processes writing one history database', () => {
  let dir: string;
  before(() => {
    dir = makeTempDir();
  });
  after(() => removeTempDir(dir));

  it('loses no row and reports no error (WAL + busy timeout)', async function () {
    this.timeout(30_000);
    const file = path.join(dir, 'history.db');
    // Both children open (create and migrate) the new file at once; once both are ready, both
    // write for WRITE_MS to the same deadline.
    const writers = [startWriter(file, '/w/a'), startWriter(file, '/w/b')];
    try {
      await Promise.all(writers.map((w) => w.ready));
      const stopAt = Date.now() + WRITE_MS;
      for (const w of writers) w.child.stdin.end(`${stopAt}\n`);
      const [a, b] = await Promise.all(writers.map((w) => w.done));
      assert.ok(a.rows > 0 && b.rows > 0, `both wrote: ${JSON.stringify({ a, b })}`);
      assert.ok(a.first < b.last && b.first < a.last, `the writers overlapped in time: ${JSON.stringify({ a, b })}`);

      const { db } = openOk(file);
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      assert.equal(count('SELECT COUNT(*) AS n FROM intervals'), a.rows + b.rows);
      assert.equal(count("SELECT COUNT(*) AS n FROM intervals WHERE workspace = '/w/a'"), a.rows);
      assert.equal(count('SELECT version AS n FROM schema_version'), LATEST_SCHEMA_VERSION);
      // The per-day totals the triggers keep agree with the rows.
      const store = new SqliteIntervalStore(db);
      const totals = store.totals('2025-01-01', '2025-01-01');
      assert.equal(totals.plan + totals.execute + totals.review + totals.codify, (a.rows + b.rows) * 1000);
      store.close();
    } finally {
      for (const w of writers) if (w.child.exitCode === null) w.child.kill();
    }
  });
});
