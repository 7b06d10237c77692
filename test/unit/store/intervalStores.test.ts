import assert from 'node:assert/strict';
import * as path from 'node:path';
import { MemoryIntervalStore } from '../../../server/src/modeClock/memoryIntervalStore';
import { SqliteIntervalStore } from '../../../server/src/modeClock/sqliteIntervalStore';
import { compareText } from '../../../server/src/modeClock/storeRules';
import { Interval, IntervalStore, Mode, ModeReport, MODES, ModeTotals } from '../../../server/src/modeClock/types';
import { localDay } from '../../../server/src/store/migrations';
import { makeTempDir, openOk, removeTempDir } from './storeHelpers';

const MIN = 60_000;
const ALPHA = '/w/alpha';
const BETA = '/w/beta';

/** [day, mode, workspace, file, minutes] */
type Row = [string, Mode, string, string, number];

const ROWS: Row[] = [
  ['2025-03-01', 'plan', ALPHA, 'SPEC.md', 30],
  ['2025-03-10', 'plan', ALPHA, 'SPEC.md', 40],
  ['2025-03-10', 'execute', ALPHA, 'src/a.ts', 10],
  ['2025-03-10', 'review', BETA, 'src/b.ts', 20],
  ['2025-03-12', 'plan', BETA, 'PLANS.md', 25],
  ['2025-03-12', 'codify', ALPHA, 'AGENTS.md', 5],
  ['2025-03-12', 'review', ALPHA, 'src/a.ts', 15],
  ['2025-03-13', 'plan', BETA, 'SPEC.md', 12],
  ['2025-03-14', 'plan', ALPHA, '', 0], // zero length: the day has no time
  ['2025-03-16', 'plan', ALPHA, 'SPEC.md', 10],
  ['2025-03-16', 'plan', ALPHA, 'SPEC.md', 20],
  ['2025-03-16', 'review', '', '', 7], // no folder, no file
  ['2025-03-16', 'execute', BETA, 'src/b.ts', 3],
  ['2025-03-16', 'review', BETA, 'src/c.ts', 15],
  ['2025-03-16', 'review', ALPHA, 'src/a.ts', 15], // ties with src/c.ts: file name decides
];

function toIntervals(rows: Row[]): Interval[] {
  return rows.map(([day, mode, workspace, file, minutes], i) => {
    const [y, m, d] = day.split('-').map(Number);
    const start = new Date(y, m - 1, d, 8, i).getTime();
    return { start, end: start + minutes * MIN, day, mode, workspace, file };
  });
}

/** Totals in minutes -> milliseconds, missing modes 0. */
function t(minutes: Partial<ModeTotals>): ModeTotals {
  return { plan: (minutes.plan ?? 0) * MIN, execute: (minutes.execute ?? 0) * MIN, review: (minutes.review ?? 0) * MIN, codify: (minutes.codify ?? 0) * MIN };
}
const f = (file: string, workspace: string, minutes: number) => ({ file, workspace, ms: minutes * MIN });
const noFiles = (): ModeReport['topFiles'] => ({ plan: [], execute: [], review: [], codify: [] });

interface StoreKind {
  name: string;
  open(): IntervalStore;
  persistent: boolean;
}

let dir: string | undefined;
let counter = 0;
const KINDS: StoreKind[] = [
  { name: 'SqliteIntervalStore', persistent: true, open: () => new SqliteIntervalStore(openOk(path.join(dir ?? '', `h${counter++}.db`)).db) },
  { name: 'MemoryIntervalStore', persistent: false, open: () => new MemoryIntervalStore() },
];

describe('clock: the interval stores', () => {
  before(() => {
    dir = makeTempDir();
  });
  after(() => removeTempDir(dir));

  for (const kind of KINDS) {
    describe(`clock/${kind.name}: report queries`, () => {
      let store: IntervalStore;
      beforeEach(() => {
        store = kind.open();
        store.add(toIntervals(ROWS));
      });
      afterEach(() => store.close());

      it(`is ${kind.persistent ? '' : 'not '}persistent`, () => {
        assert.equal(store.persistent, kind.persistent);
      });

      it('today', () => {
        assert.deepEqual(store.report({ from: '2025-03-16', to: '2025-03-16' }), {
          from: '2025-03-16',
          to: '2025-03-16',
          days: [{ day: '2025-03-16', totals: t({ plan: 30, execute: 3, review: 37 }) }],
          totals: t({ plan: 30, execute: 3, review: 37 }),
          workspaces: [
            { workspace: ALPHA, totals: t({ plan: 30, review: 15 }) },
            { workspace: BETA, totals: t({ execute: 3, review: 15 }) },
            { workspace: '', totals: t({ review: 7 }) },
          ],
          topFiles: {
            plan: [f('SPEC.md', ALPHA, 30)],
            execute: [f('src/b.ts', BETA, 3)],
            review: [f('src/a.ts', ALPHA, 15), f('src/c.ts', BETA, 15)],
            codify: [],
          },
        });
      });

      it('a week: only days with time, oldest first; same file name in two workspaces counted apart', () => {
        assert.deepEqual(store.report({ from: '2025-03-10', to: '2025-03-16' }), {
          from: '2025-03-10',
          to: '2025-03-16',
          days: [
            { day: '2025-03-10', totals: t({ plan: 40, execute: 10, review: 20 }) },
            { day: '2025-03-12', totals: t({ plan: 25, review: 15, codify: 5 }) },
            { day: '2025-03-13', totals: t({ plan: 12 }) },
            { day: '2025-03-16', totals: t({ plan: 30, execute: 3, review: 37 }) },
          ],
          totals: t({ plan: 107, execute: 13, review: 72, codify: 5 }),
          workspaces: [
            { workspace: ALPHA, totals: t({ plan: 70, execute: 10, review: 30, codify: 5 }) },
            { workspace: BETA, totals: t({ plan: 37, execute: 3, review: 35 }) },
            { workspace: '', totals: t({ review: 7 }) },
          ],
          topFiles: {
            plan: [f('SPEC.md', ALPHA, 70), f('PLANS.md', BETA, 25), f('SPEC.md', BETA, 12)],
            execute: [f('src/a.ts', ALPHA, 10), f('src/b.ts', BETA, 3)],
            review: [f('src/a.ts', ALPHA, 30), f('src/b.ts', BETA, 20), f('src/c.ts', BETA, 15)],
            codify: [f('AGENTS.md', ALPHA, 5)],
          },
        });
      });

      it('the topFiles limit', () => {
        const week = { from: '2025-03-10', to: '2025-03-16' };
        assert.deepEqual(store.report({ ...week, topFiles: 1 }).topFiles, {
          plan: [f('SPEC.md', ALPHA, 70)],
          execute: [f('src/a.ts', ALPHA, 10)],
          review: [f('src/a.ts', ALPHA, 30)],
          codify: [f('AGENTS.md', ALPHA, 5)],
        });
        assert.deepEqual(store.report({ ...week, topFiles: 2 }).topFiles.plan, [f('SPEC.md', ALPHA, 70), f('PLANS.md', BETA, 25)]);
        assert.deepEqual(store.report({ from: '2025-03-16', to: '2025-03-16', topFiles: 1 }).topFiles.review, [f('src/a.ts', ALPHA, 15)]);
        assert.deepEqual(store.report({ ...week, topFiles: 0 }).topFiles, noFiles());
        // The default is 5: the month has no mode with more than 3 files.
        assert.deepEqual(store.report({ from: '2025-03-01', to: '2025-03-31' }).topFiles.plan, [
          f('SPEC.md', ALPHA, 100),
          f('PLANS.md', BETA, 25),
          f('SPEC.md', BETA, 12),
        ]);
      });

      it('a workspace filter', () => {
        assert.deepEqual(store.report({ from: '2025-03-10', to: '2025-03-16', workspace: BETA }), {
          from: '2025-03-10',
          to: '2025-03-16',
          days: [
            { day: '2025-03-10', totals: t({ review: 20 }) },
            { day: '2025-03-12', totals: t({ plan: 25 }) },
            { day: '2025-03-13', totals: t({ plan: 12 }) },
            { day: '2025-03-16', totals: t({ execute: 3, review: 15 }) },
          ],
          totals: t({ plan: 37, execute: 3, review: 35 }),
          workspaces: [{ workspace: BETA, totals: t({ plan: 37, execute: 3, review: 35 }) }],
          topFiles: {
            plan: [f('PLANS.md', BETA, 25), f('SPEC.md', BETA, 12)],
            execute: [f('src/b.ts', BETA, 3)],
            review: [f('src/b.ts', BETA, 20), f('src/c.ts', BETA, 15)],
            codify: [],
          },
        });
      });

      it("the '' workspace (no folder open) is a workspace like any other; '' files are never top files", () => {
        assert.deepEqual(store.report({ from: '2025-03-16', to: '2025-03-16', workspace: '' }), {
          from: '2025-03-16',
          to: '2025-03-16',
          days: [{ day: '2025-03-16', totals: t({ review: 7 }) }],
          totals: t({ review: 7 }),
          workspaces: [{ workspace: '', totals: t({ review: 7 }) }],
          topFiles: noFiles(),
        });
      });

      it('empty ranges: no days, zero totals, echoed bounds', () => {
        const empty = (from: string, to: string): ModeReport => ({ from, to, days: [], totals: t({}), workspaces: [], topFiles: noFiles() });
        assert.deepEqual(store.report({ from: '2025-03-14', to: '2025-03-14' }), empty('2025-03-14', '2025-03-14'));
        assert.deepEqual(store.report({ from: '2025-03-16', to: '2025-03-10' }), empty('2025-03-16', '2025-03-10'));
        assert.deepEqual(store.report({ from: '2025-03-10', to: '2025-03-16', workspace: '/w/none' }), empty('2025-03-10', '2025-03-16'));
      });

      it('totals() equals the report totals', () => {
        assert.deepEqual(store.totals('2025-03-16', '2025-03-16'), t({ plan: 30, execute: 3, review: 37 }));
        assert.deepEqual(store.totals('2025-03-10', '2025-03-16'), t({ plan: 107, execute: 13, review: 72, codify: 5 }));
        assert.deepEqual(store.totals('2025-03-10', '2025-03-16', BETA), t({ plan: 37, execute: 3, review: 35 }));
        assert.deepEqual(store.totals('2025-03-01', '2025-03-31'), t({ plan: 137, execute: 13, review: 72, codify: 5 }));
        assert.deepEqual(store.totals('2025-03-16', '2025-03-16', ''), t({ review: 7 }));
        assert.deepEqual(store.totals('2025-04-01', '2025-04-30'), t({}));
      });

      it('adds up later additions', () => {
        store.add(toIntervals([['2025-03-16', 'codify', BETA, 'AGENTS.md', 9]]));
        assert.deepEqual(store.totals('2025-03-16', '2025-03-16'), t({ plan: 30, execute: 3, review: 37, codify: 9 }));
        store.add([]);
        assert.deepEqual(store.report({ from: '2025-03-16', to: '2025-03-16' }).workspaces, [
          { workspace: ALPHA, totals: t({ plan: 30, review: 15 }) },
          { workspace: BETA, totals: t({ execute: 3, review: 15, codify: 9 }) },
          { workspace: '', totals: t({ review: 7 }) },
        ]);
      });

      it('orders ties: workspaces by path, files by name then workspace, in code point order', () => {
        const other = kind.open();
        try {
          other.add(
            toIntervals([
              ['2025-05-01', 'plan', '/w/b', 'x.md', 10],
              ['2025-05-01', 'plan', '/w/a', 'x.md', 10],
              ['2025-05-01', 'review', '/w/a', 'a\u{1F600}.ts', 5],
              ['2025-05-01', 'review', '/w/b', 'a\uFF10.ts', 5],
            ]),
          );
          const report = other.report({ from: '2025-05-01', to: '2025-05-01' });
          assert.deepEqual(
            report.workspaces.map((w) => w.workspace),
            ['/w/a', '/w/b'],
          );
          assert.deepEqual(report.topFiles.plan, [f('x.md', '/w/a', 10), f('x.md', '/w/b', 10)]);
          // U+FF10 sorts before U+1F600 by code point (and by SQLite), although not by UTF-16 unit.
          assert.deepEqual(report.topFiles.review, [f('a\uFF10.ts', '/w/b', 5), f('a\u{1F600}.ts', '/w/a', 5)]);
        } finally {
          other.close();
        }
      });

      it('rejects a bad interval and then stores none of the batch', () => {
        const good = toIntervals([['2025-06-01', 'plan', ALPHA, 'SPEC.md', 1]])[0];
        const cases: [Partial<Interval> | Record<string, unknown>, RegExp][] = [
          [{ end: good.start - 1 }, /interval 1: end .* is before start/],
          [{ mode: 'idle' }, /interval 1: unknown mode "idle"/],
          [{ day: '2025-6-1' }, /interval 1: day must be YYYY-MM-DD/],
          [{ start: good.start + 0.5 }, /interval 1: start must be integer epoch milliseconds/],
          [{ end: Number.NaN }, /interval 1: end must be integer epoch milliseconds/],
        ];
        for (const [change, message] of cases) {
          // Deliberately malformed input, as a caller outside the type system could pass it.
          const bad = { ...good, ...change } as Interval;
          assert.throws(() => store.add([good, bad]), (err: unknown) => err instanceof TypeError && message.test(err.message));
        }
        assert.deepEqual(store.totals('2025-06-01', '2025-06-01'), t({}));
      });
    });
  }

  describe('clock: both stores give the same reports', () => {
    it('on 3,000 pseudo-random intervals, for several queries', () => {
      // mulberry32: a small seeded generator, so the data is the same on every run.
      let seed = 42;
      const next = (n: number) => {
        seed = (seed + 0x6d2b79f5) | 0;
        let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
        return ((x ^ (x >>> 14)) >>> 0) % n;
      };
      const workspaces = ['/w/a', '/w/b', '/w/c', ''];
      const files = ['', 'SPEC.md', 'PLANS.md', 'src/a.ts', 'src/b.ts', 'src/é.ts', 'src/\u{1F600}.ts', 'src/\uFF10.ts', 'z.md'];
      const intervals: Interval[] = [];
      for (let i = 0; i < 3000; i++) {
        const start = new Date(2025, 0, 1 + next(60), next(24), next(60)).getTime();
        const end = start + next(3) * 1000 * next(100);
        intervals.push({ start, end, day: localDay(start), mode: MODES[next(4)], workspace: workspaces[next(4)], file: files[next(files.length)] });
      }
      const stores = KINDS.map((k) => k.open());
      try {
        for (const s of stores) for (let i = 0; i < intervals.length; i += 250) s.add(intervals.slice(i, i + 250));
        const queries = [
          { from: '2025-01-01', to: '2025-12-31' },
          { from: '2025-01-10', to: '2025-02-10', topFiles: 3 },
          { from: '2025-01-01', to: '2025-03-31', workspace: '/w/b', topFiles: 20 },
          { from: '2025-02-01', to: '2025-02-01', workspace: '' },
        ];
        for (const q of queries) {
          const [a, b] = stores.map((s) => s.report(q));
          assert.deepEqual(a, b, JSON.stringify(q));
          assert.ok(a.days.length > 0, 'the query has data');
          assert.deepEqual(
            a.days.map((d) => d.day),
            [...a.days.map((d) => d.day)].sort(compareText),
          );
          const [ta, tb] = stores.map((s) => s.totals(q.from, q.to, q.workspace));
          assert.deepEqual(ta, a.totals);
          assert.deepEqual(tb, a.totals);
        }
      } finally {
        for (const s of stores) s.close();
      }
    });
  });

  describe('clock/SqliteIntervalStore: persistence and scale', () => {
    it('keeps intervals across a close and reopen', () => {
      const file = path.join(dir ?? '', 'persist.db');
      const first = new SqliteIntervalStore(openOk(file).db);
      first.add(toIntervals(ROWS));
      const before = first.report({ from: '2025-03-01', to: '2025-03-31' });
      first.close();
      const second = new SqliteIntervalStore(openOk(file).db);
      assert.deepEqual(second.report({ from: '2025-03-01', to: '2025-03-31' }), before);
      second.close();
    });

    // Speed is measured by `npm run bench:clock`, never asserted here; this checks the rollup at scale.
    it('reports a year of 200,000 intervals with the same totals as the raw rows', function () {
      this.timeout(60_000);
      const store = new SqliteIntervalStore(openOk(path.join(dir ?? '', 'year.db')).db);
      try {
        // 548 intervals a working day, in 3 workspaces over 400 files, about 30 files a day.
        const batch: Interval[] = [];
        for (let d = 0; d < 365; d++) {
          let start = new Date(2024, 0, 1 + d, 8).getTime();
          for (let j = 0; j < 548; j++) {
            const fileNo = (d * 13 + (j % 30)) % 400;
            const ms = 1000 + ((j * 7919 + d) % 50_000);
            batch.push({
              start,
              end: start + ms,
              day: localDay(start),
              mode: MODES[(j * 5 + d) % 4],
              workspace: `/home/dev/projects/ws${fileNo % 3}`,
              file: fileNo % 17 === 0 ? '' : `src/module${fileNo % 40}/file${fileNo}.ts`,
            });
            start += ms;
          }
        }
        assert.equal(batch.length, 200_020);
        store.add(batch);
        const year = { from: '2024-01-01', to: '2024-12-31' };
        const report: ModeReport = store.report(year);
        assert.equal(report?.days.length, 365);
        let sum = 0;
        for (const iv of batch) sum += iv.end - iv.start;
        assert.equal(MODES.reduce((s, m) => s + (report?.totals[m] ?? 0), 0), sum);
      } finally {
        store.close();
      }
    });
  });
});
