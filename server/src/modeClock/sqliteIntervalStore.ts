import type BetterSqlite3 from 'better-sqlite3';
import { checkIntervals, compareWorkspaces, emptyTopFiles, isMode, topFilesLimit } from './storeRules';
import { Interval, IntervalStore, MODES, ModeReport, ModeTotals, ReportQuery, emptyTotals } from './types';

interface DayRow {
  day: string;
  mode: string;
  ms: number;
}
interface WorkspaceRow {
  workspace: string;
  mode: string;
  ms: number;
}
interface FileRow {
  mode: string;
  workspace: string;
  file: string;
  ms: number;
}

const MODE_LIST = MODES.map((m) => `'${m}'`).join(', ');
/** Rows in the day range (and workspace, when given) with a known mode. */
const WHERE = `day >= @from AND day <= @to AND mode IN (${MODE_LIST})`;
const IN_WORKSPACE = ' AND workspace = @workspace';

/**
 * The mode clock's intervals in SQLite (a database opened and migrated by openDatabase).
 * Intervals go to `intervals`; reports aggregate the `day_totals` rollup that triggers keep in
 * step with it (see migration 2). close() closes the database it was given.
 */
export class SqliteIntervalStore implements IntervalStore {
  readonly persistent = true;
  private readonly insert: BetterSqlite3.Statement;
  private readonly insertAll: (intervals: readonly Interval[]) => void;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly db: BetterSqlite3.Database) {
    this.insert = db.prepare(
      'INSERT INTO intervals (start_ms, end_ms, day, mode, workspace, file) VALUES (@start, @end, @day, @mode, @workspace, @file)',
    );
    this.insertAll = db.transaction((intervals: readonly Interval[]) => {
      for (const iv of intervals) {
        this.insert.run({ start: iv.start, end: iv.end, day: iv.day, mode: iv.mode, workspace: iv.workspace, file: iv.file });
      }
    });
  }

  add(intervals: readonly Interval[]): void {
    checkIntervals(intervals);
    if (intervals.length) this.insertAll(intervals);
  }

  totals(from: string, to: string, workspace?: string): ModeTotals {
    const rows = this.statement(
      `SELECT mode, SUM(ms) AS ms FROM day_totals WHERE ${WHERE}${workspace === undefined ? '' : IN_WORKSPACE} GROUP BY mode`,
    ).all(params(from, to, workspace)) as { mode: string; ms: number }[];
    const totals = emptyTotals();
    for (const r of rows) if (isMode(r.mode)) totals[r.mode] = r.ms;
    return totals;
  }

  report(query: ReportQuery): ModeReport {
    const { from, to, workspace } = query;
    const filter = `${WHERE}${workspace === undefined ? '' : IN_WORKSPACE}`;
    const args = params(from, to, workspace);
    const report: ModeReport = { from, to, days: [], totals: emptyTotals(), workspaces: [], topFiles: emptyTopFiles() };

    const dayRows = this.statement(
      `SELECT day, mode, SUM(ms) AS ms FROM day_totals WHERE ${filter} GROUP BY day, mode ORDER BY day`,
    ).all(args) as DayRow[];
    for (const r of dayRows) {
      if (!isMode(r.mode) || r.ms <= 0) continue;
      let last = report.days[report.days.length - 1];
      if (!last || last.day !== r.day) report.days.push((last = { day: r.day, totals: emptyTotals() }));
      last.totals[r.mode] = r.ms;
      report.totals[r.mode] += r.ms;
    }

    const workspaceRows = this.statement(
      `SELECT workspace, mode, SUM(ms) AS ms FROM day_totals WHERE ${filter} GROUP BY workspace, mode`,
    ).all(args) as WorkspaceRow[];
    const byWorkspace = new Map<string, ModeTotals>();
    for (const r of workspaceRows) {
      if (!isMode(r.mode) || r.ms <= 0) continue;
      let totals = byWorkspace.get(r.workspace);
      if (!totals) byWorkspace.set(r.workspace, (totals = emptyTotals()));
      totals[r.mode] = r.ms;
    }
    report.workspaces = [...byWorkspace].map(([ws, totals]) => ({ workspace: ws, totals })).sort(compareWorkspaces);

    const limit = topFilesLimit(query);
    if (limit > 0) {
      // Ranked per mode by the same order as storeRules.compareFiles (BINARY collation is code point order).
      const fileRows = this.statement(
        `SELECT mode, workspace, file, ms FROM (
           SELECT mode, workspace, file, SUM(ms) AS ms,
                  ROW_NUMBER() OVER (PARTITION BY mode ORDER BY SUM(ms) DESC, file, workspace) AS rank
           FROM day_totals WHERE ${filter} AND file <> ''
           GROUP BY mode, workspace, file HAVING SUM(ms) > 0
         ) WHERE rank <= @limit ORDER BY mode, rank`,
      ).all({ ...args, limit }) as FileRow[];
      for (const r of fileRows) {
        if (isMode(r.mode)) report.topFiles[r.mode].push({ file: r.file, workspace: r.workspace, ms: r.ms });
      }
    }
    return report;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }
}

function params(from: string, to: string, workspace: string | undefined): Record<string, string> {
  return workspace === undefined ? { from, to } : { from, to, workspace };
}
