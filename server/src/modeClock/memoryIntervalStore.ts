import { checkIntervals, compareFiles, compareText, compareWorkspaces, emptyTopFiles, topFilesLimit } from './storeRules';
import { Interval, IntervalStore, MODES, ModeReport, ModeTotals, ReportQuery, emptyTotals } from './types';

/**
 * The mode clock's intervals in memory, for a session where SQLite cannot be used. Gives the
 * same reports as SqliteIntervalStore (the store tests run one set of cases against both).
 */
export class MemoryIntervalStore implements IntervalStore {
  readonly persistent = false;
  private intervals: Interval[] = [];
  private closed = false;

  add(intervals: readonly Interval[]): void {
    this.assertOpen();
    checkIntervals(intervals);
    for (const iv of intervals) this.intervals.push({ ...iv });
  }

  totals(from: string, to: string, workspace?: string): ModeTotals {
    this.assertOpen();
    const totals = emptyTotals();
    for (const iv of this.select(from, to, workspace)) totals[iv.mode] += iv.end - iv.start;
    return totals;
  }

  report(query: ReportQuery): ModeReport {
    this.assertOpen();
    const { from, to, workspace } = query;
    const byDay = new Map<string, ModeTotals>();
    const byWorkspace = new Map<string, ModeTotals>();
    const byFile = new Map<string, { mode: (typeof MODES)[number]; workspace: string; file: string; ms: number }>();
    const totals = emptyTotals();
    for (const iv of this.select(from, to, workspace)) {
      const ms = iv.end - iv.start;
      if (ms === 0) continue;
      totals[iv.mode] += ms;
      entry(byDay, iv.day)[iv.mode] += ms;
      entry(byWorkspace, iv.workspace)[iv.mode] += ms;
      if (iv.file !== '') {
        const key = `${iv.mode}\u0000${iv.workspace}\u0000${iv.file}`;
        const f = byFile.get(key);
        if (f) f.ms += ms;
        else byFile.set(key, { mode: iv.mode, workspace: iv.workspace, file: iv.file, ms });
      }
    }

    const topFiles = emptyTopFiles();
    const limit = topFilesLimit(query);
    for (const f of byFile.values()) topFiles[f.mode].push({ file: f.file, workspace: f.workspace, ms: f.ms });
    for (const m of MODES) topFiles[m] = topFiles[m].sort(compareFiles).slice(0, limit);

    return {
      from,
      to,
      days: [...byDay].sort(([a], [b]) => compareText(a, b)).map(([day, t]) => ({ day, totals: t })),
      totals,
      workspaces: [...byWorkspace].map(([ws, t]) => ({ workspace: ws, totals: t })).sort(compareWorkspaces),
      topFiles,
    };
  }

  close(): void {
    this.closed = true;
    this.intervals = [];
  }

  private *select(from: string, to: string, workspace: string | undefined): Iterable<Interval> {
    for (const iv of this.intervals) {
      if (compareText(iv.day, from) < 0 || compareText(iv.day, to) > 0) continue;
      if (workspace !== undefined && iv.workspace !== workspace) continue;
      yield iv;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the interval store is closed');
  }
}

function entry(map: Map<string, ModeTotals>, key: string): ModeTotals {
  let t = map.get(key);
  if (!t) map.set(key, (t = emptyTotals()));
  return t;
}
