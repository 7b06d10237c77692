import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { startOfDay, dayOf } from '../../server/src/modeClock/timeZone';
import { LspClient, TempWorkspace, ensureServerBuilt } from './lspClient';

interface Status {
  text: string;
  tooltip: string;
  drift: boolean;
  state: string;
  mode?: string;
}

const MIN = 60_000;

describe('protocol: mode clock', function () {
  this.timeout(30_000);
  let ws: TempWorkspace;
  let storage: string;
  let client: LspClient | undefined;
  const savedTick = process.env.PODFLOW_CLOCK_TICK_MS;

  before(() => ensureServerBuilt());
  beforeEach(() => {
    ws = new TempWorkspace();
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'podflow-clock-'));
    // The server's own timer would tick with the real clock in the middle of the scripted times.
    process.env.PODFLOW_CLOCK_TICK_MS = String(3_600_000);
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    ws.dispose();
    fs.rmSync(storage, { recursive: true, force: true });
    if (savedTick === undefined) delete process.env.PODFLOW_CLOCK_TICK_MS;
    else process.env.PODFLOW_CLOCK_TICK_MS = savedTick;
  });

  async function start(): Promise<LspClient> {
    client = await LspClient.start({ root: ws.root, initializationOptions: { settings: { 'modeClock.timeZone': 'UTC' }, storageDir: storage } });
    // The workspace is indexed (coverage is sent last): from here on signals are handled at once.
    await client.waitForNotification('podflow/coverage');
    return client;
  }

  /** Sends a signal and waits for the status it causes. */
  async function send(c: LspClient, signal: Record<string, unknown>, expectText?: string): Promise<Status | undefined> {
    const since = c.notifications.length;
    await c.connection.sendNotification('podflow/modeSignal', signal);
    if (expectText === undefined) return undefined;
    return c.waitForNotification<Status>('podflow/modeStatus', (s) => s.text === expectText, 5000, since);
  }

  it('open a spec, edit a source file, open a diff, go idle: intervals and status text', async () => {
    const c = await start();
    // Scripted times, all on one UTC day: 20 minutes before now, or from the start of today.
    const now = Date.now();
    const base = Math.max(now - 20 * MIN, startOfDay(dayOf(now, 'UTC'), 'UTC'));
    const day = dayOf(base, 'UTC');

    await send(c, { type: 'focus', at: base, focused: true });
    let s = await send(c, { type: 'editor', at: base, editor: { uri: ws.uri('specs/001-csv-export/spec.md') } }, '$(compass) Plan · no time yet');
    assert.equal(s?.mode, 'plan');
    await send(c, { type: 'activity', at: base + 3 * MIN });
    s = await send(c, { type: 'editor', at: base + 5 * MIN, editor: { uri: ws.uri('src/money.ts') } }, '$(compass) Execute · P100 E0 R0 C0');
    await send(c, { type: 'activity', at: base + 7 * MIN });
    s = await send(c, { type: 'editor', at: base + 10 * MIN, editor: { uri: ws.uri('src/money.ts'), view: 'diff' } }, '$(compass) Review · P50 E50 R0 C0');
    await send(c, { type: 'activity', at: base + 13 * MIN });
    // Seven minutes with nothing: idle; the review interval ends at the last activity.
    s = await send(c, { type: 'tick', at: base + 20 * MIN }, '$(compass) Idle · P38 E38 R23 C0');
    assert.equal(s?.state, 'idle');
    assert.match(s!.tooltip, /\| Today \| 38% \(5m\) \| 38% \(5m\) \| 23% \(3m\) \| 0% \(0m\) \|/);

    const report = await c.connection.sendRequest<{ report: { days: { day: string; totals: Record<string, number> }[]; topFiles: Record<string, { file: string; ms: number }[]> }; persistent: boolean }>(
      'podflow/modeReport',
      { days: 1 },
    );
    assert.equal(report.persistent, true);
    // The report is for the real today; when the scripted day is today, it holds the same numbers.
    if (day === dayOf(Date.now(), 'UTC')) {
      assert.deepEqual(report.report.days, [{ day, totals: { plan: 5 * MIN, execute: 5 * MIN, review: 3 * MIN, codify: 0 } }]);
      assert.deepEqual(report.report.topFiles.execute, [{ file: 'src/money.ts', workspace: ws.root, ms: 5 * MIN }]);
    }
    await c.stop();
    client = undefined;

    const db = new BetterSqlite3(path.join(storage, 'podflow.db'), { readonly: true });
    try {
      // Long intervals are checkpointed (closed and reopened every minute), so rows are summed per mode and file.
      const rows = db
        .prepare('SELECT mode, file, workspace, day, MIN(start_ms) AS first, MAX(end_ms) AS last, SUM(end_ms - start_ms) AS ms FROM intervals GROUP BY mode, file ORDER BY first')
        .all();
      assert.deepEqual(rows, [
        { mode: 'plan', file: 'specs/001-csv-export/spec.md', workspace: ws.root, day, first: base, last: base + 5 * MIN, ms: 5 * MIN },
        { mode: 'execute', file: 'src/money.ts', workspace: ws.root, day, first: base + 5 * MIN, last: base + 10 * MIN, ms: 5 * MIN },
        { mode: 'review', file: 'src/money.ts', workspace: ws.root, day, first: base + 10 * MIN, last: base + 13 * MIN, ms: 3 * MIN },
      ]);
      const overlaps = db.prepare('SELECT COUNT(*) AS n FROM intervals a JOIN intervals b ON a.id < b.id AND a.start_ms < b.end_ms AND b.start_ms < a.end_ms').get() as { n: number };
      assert.equal(overlaps.n, 0);
    } finally {
      db.close();
    }
  });

  it('a pinned mode is shown with a pin and survives editor switches', async () => {
    const c = await start();
    const at = Date.now();
    await send(c, { type: 'editor', at, editor: { uri: ws.uri('src/money.ts') } }, '$(compass) Execute · no time yet');
    await send(c, { type: 'pin', at: at + 1000, mode: 'plan' }, '$(pin) Plan · P0 E100 R0 C0');
    await send(c, { type: 'editor', at: at + 2000, editor: { uri: ws.uri('test/invites.test.ts') } });
    const s = await c.waitForNotification<Status>('podflow/modeStatus', (p) => p.text.startsWith('$(pin) Plan · P50 E50'));
    assert.equal(s.mode, 'plan');
  });

  it('a corrupt history database is moved aside with one notice, and the clock still works', async () => {
    fs.writeFileSync(path.join(storage, 'podflow.db'), Buffer.from('this is not a database, just text that got here somehow\n'.repeat(200)));
    const c = await start();
    const status = await c.waitForNotification<Status>('podflow/modeStatus');
    assert.ok(status.text.length > 0);
    const notices = c.messages.filter((m) => /damaged|corrupt/i.test(m.message));
    assert.equal(notices.length, 1, JSON.stringify(c.messages));
    assert.ok(fs.readdirSync(storage).some((f) => /^podflow\.db\.corrupt-/.test(f)), fs.readdirSync(storage).join(', '));
    await send(c, { type: 'editor', at: Date.now(), editor: { uri: ws.uri('PLANS.md') } }, '$(compass) Plan · no time yet');
  });

  it('without the native module the clock counts in memory and says so once', async () => {
    const saved = process.env.PODFLOW_SQLITE_BINDING;
    process.env.PODFLOW_SQLITE_BINDING = path.join(storage, 'missing', 'better_sqlite3.node');
    try {
      const c = await start();
      const status = await c.waitForNotification<Status & { persistent: boolean }>('podflow/modeStatus');
      assert.equal(status.persistent, false);
      const notices = c.messages.filter((m) => /history is not being saved/i.test(m.message));
      assert.equal(notices.length, 1, JSON.stringify(c.messages));
      await send(c, { type: 'editor', at: Date.now(), editor: { uri: ws.uri('AGENTS.md') } }, '$(compass) Codify · no time yet');
      assert.equal(fs.existsSync(path.join(storage, 'podflow.db')), false);
    } finally {
      if (saved === undefined) delete process.env.PODFLOW_SQLITE_BINDING;
      else process.env.PODFLOW_SQLITE_BINDING = saved;
    }
  });
});
