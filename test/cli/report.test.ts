import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openIntervalStore } from '../../server/src/modeClock/openIntervalStore';
import type { Interval, Mode } from '../../server/src/modeClock/types';
import { buildCli, runCli } from './runCli';

const MIN = 60_000;

/** A known history: two days, two workspaces, several files. */
function knownIntervals(): Interval[] {
  const at = (day: string, hh: number, mm: number) => Date.parse(`${day}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00Z`);
  const iv = (day: string, hh: number, mm: number, minutes: number, mode: Mode, workspace: string, file: string): Interval => ({
    start: at(day, hh, mm),
    end: at(day, hh, mm) + minutes * MIN,
    day,
    mode,
    workspace,
    file,
  });
  return [
    iv('2026-11-23', 9, 0, 90, 'plan', '/home/dev/ledgerly', 'specs/001-csv-export/spec.md'),
    iv('2026-11-23', 10, 30, 20, 'execute', '/home/dev/ledgerly', 'src/money.ts'),
    iv('2026-11-23', 11, 0, 60, 'review', '/home/dev/ledgerly', 'test/money.test.ts'),
    iv('2026-11-23', 12, 0, 10, 'codify', '/home/dev/ledgerly', 'AGENTS.md'),
    iv('2026-11-24', 9, 0, 30, 'plan', '/home/dev/ledgerly', 'PLANS.md'),
    iv('2026-11-24', 9, 30, 45, 'execute', '/home/dev/billing', 'src/invoice.ts'),
    iv('2026-11-24', 10, 15, 45, 'review', '/home/dev/billing', 'src/invoice.ts'),
    // Outside the period asked for: must not show.
    iv('2026-11-10', 9, 0, 120, 'plan', '/home/dev/ledgerly', 'specs/old.md'),
  ];
}

describe('cli: podflow report', function () {
  this.timeout(60_000);
  let dir: string;
  let db: string;

  before(() => {
    buildCli();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podflow-report-'));
    db = path.join(dir, 'podflow.db');
    const { store } = openIntervalStore(db);
    assert.equal(store.persistent, true);
    store.add(knownIntervals());
    store.close();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const args = () => ['report', '--db', db, '--until', '2026-11-24', '--tz', 'UTC'];

  it('prints the split per day, per workspace and the top files as text', () => {
    const r = runCli([...args(), '--since', '7d']);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.equal(
      r.stdout,
      [
        'Mode clock, 2026-11-18 to 2026-11-24',
        '',
        'Day           Plan  Execute  Review  Codify   Total',
        '2026-11-23  1h 30m      20m  1h 00m     10m  3h 00m',
        '2026-11-24     30m      45m     45m      0m  2h 00m',
        'Total       2h 00m   1h 05m  1h 45m     10m  5h 00m',
        'Split          40%      22%     35%      3%',
        'Target         40%      10%     40%     10%',
        'Difference       0      +12      -5      -7',
        '',
        'Per workspace',
        '  Workspace    Plan  Execute  Review  Codify   Total',
        '  ledgerly   2h 00m      20m  1h 00m     10m  3h 30m',
        '  billing        0m      45m     45m      0m  1h 30m',
        '',
        'Top files',
        '  Plan: specs/001-csv-export/spec.md (1h 30m), PLANS.md (30m)',
        '  Execute: src/invoice.ts (45m), src/money.ts (20m)',
        '  Review: test/money.test.ts (1h 00m), src/invoice.ts (45m)',
        '  Codify: AGENTS.md (10m)',
        '',
      ].join('\n'),
    );
  });

  it('prints exact milliseconds as JSON', () => {
    const r = runCli([...args(), '--since', '2026-11-23', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.from, '2026-11-23');
    assert.equal(j.to, '2026-11-24');
    assert.deepEqual(j.totals, { plan: 120 * MIN, execute: 65 * MIN, review: 105 * MIN, codify: 10 * MIN });
    assert.equal(j.totalMs, 300 * MIN);
    assert.deepEqual(j.split, { plan: 40, execute: 22, review: 35, codify: 3 });
    assert.deepEqual(j.target, { plan: 40, execute: 10, review: 40, codify: 10 });
    assert.deepEqual(j.days.map((d: { day: string }) => d.day), ['2026-11-23', '2026-11-24']);
    assert.deepEqual(j.workspaces.map((w: { workspace: string }) => w.workspace), ['/home/dev/ledgerly', '/home/dev/billing']);
  });

  it('prints seconds per day as CSV', () => {
    const r = runCli([...args(), '--format', 'csv']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, ['day,plan_s,execute_s,review_s,codify_s,total_s', '2026-11-23,5400,1200,3600,600,10800', '2026-11-24,1800,2700,2700,0,7200', 'total,7200,3900,6300,600,18000', ''].join('\n'));
  });

  it('filters by workspace and says when a period is empty', () => {
    const r = runCli([...args(), '--workspace', '/home/dev/billing', '--format', 'csv']);
    assert.equal(r.stdout.split('\n')[1], '2026-11-24,0,2700,2700,0,5400');
    const empty = runCli(['report', '--db', db, '--until', '2026-11-05', '--since', '3d']);
    assert.equal(empty.status, 0);
    assert.equal(empty.stdout, 'Mode clock, 2026-11-03 to 2026-11-05\n\nNo time recorded in this period.\n');
  });

  it('no history yet: an empty report in every format, exit 0, one line on stderr', () => {
    // A home where the editor never ran: the default database path does not exist.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'podflow-home-'));
    try {
      const env = { PODFLOW_DB: '', HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), APPDATA: path.join(home, 'AppData') };
      const base = ['report', '--until', '2026-11-24', '--tz', 'UTC'];
      const text = runCli(base, { env });
      assert.equal(text.status, 0, text.stderr);
      assert.equal(text.stdout, 'Mode clock, 2026-11-18 to 2026-11-24\n\nNo time recorded in this period.\n');
      assert.equal(text.stderr.split('\n').filter(Boolean).length, 1, text.stderr);
      assert.match(text.stderr, /^podflow: no mode clock history yet/);
      const json = runCli([...base, '--format', 'json'], { env });
      assert.equal(json.status, 0, json.stderr);
      const j = JSON.parse(json.stdout);
      assert.equal(j.totalMs, 0);
      assert.deepEqual(j.totals, { plan: 0, execute: 0, review: 0, codify: 0 });
      assert.deepEqual(j.split, { plan: 0, execute: 0, review: 0, codify: 0 });
      assert.deepEqual(j.target, { plan: 40, execute: 10, review: 40, codify: 10 });
      assert.deepEqual(j.days, []);
      const csv = runCli([...base, '--format', 'csv'], { env });
      assert.equal(csv.status, 0, csv.stderr);
      assert.equal(csv.stdout, 'day,plan_s,execute_s,review_s,codify_s,total_s\ntotal,0,0,0,0,0\n');
      assert.deepEqual(fs.readdirSync(home), [], 'the report never creates a database');
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('bad options and a missing database are clear errors with exit 2', () => {
    const bad = runCli(['report', '--db', db, '--since', 'yesterday']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--since takes a number of days or weeks \(7d, 2w\) or a date/);
    assert.equal(runCli(['report', '--db', db, '--format', 'xml']).status, 2);
    assert.match(runCli(['report', '--db', db, '--tz', 'Nowhere/Land']).stderr, /IANA time zone/);
    const missing = runCli(['report', '--db', path.join(dir, 'nope', 'podflow.db')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /podflow: .*nope/);
    assert.equal(fs.existsSync(path.join(dir, 'nope')), false, 'the report never creates a database');
  });
});
