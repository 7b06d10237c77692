/** The four modes of the compound-engineering loop, plus the states in which the clock does not count. */
export const MODES = ['plan', 'execute', 'review', 'codify'] as const;
export type Mode = (typeof MODES)[number];

/** The split a pod aims for, in percent of counted time. */
export const TARGET_SPLIT: Readonly<Record<Mode, number>> = { plan: 40, execute: 10, review: 40, codify: 10 };

/**
 * A stretch of counted time in one mode. Never crosses a local midnight: the accounting splits
 * it so that `day` (the local calendar date, YYYY-MM-DD) holds for the whole of it.
 */
export interface Interval {
  /** Epoch milliseconds, inclusive. */
  start: number;
  /** Epoch milliseconds, exclusive; always >= start. */
  end: number;
  /** Local calendar date of `start` in the clock's time zone. */
  day: string;
  mode: Mode;
  /** Absolute path of the workspace folder, or '' when no folder is open. */
  workspace: string;
  /** Workspace-relative path (or a URI for non-file editors) of the active editor, or ''. */
  file: string;
}

/** Totals in milliseconds per mode. */
export type ModeTotals = Record<Mode, number>;

/** What the report queries answer: all numbers are milliseconds of counted time. */
export interface ModeReport {
  /** First and last day covered, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  /** One entry per day that has time, oldest first. */
  days: { day: string; totals: ModeTotals }[];
  totals: ModeTotals;
  /** Per workspace folder, largest total first. */
  workspaces: { workspace: string; totals: ModeTotals }[];
  /** The files with the most time, per mode, largest first (at most `topFiles` each). */
  topFiles: Record<Mode, { file: string; workspace: string; ms: number }[]>;
}

export interface ReportQuery {
  /** Inclusive day range, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Restrict to one workspace folder (absolute path); all when absent. */
  workspace?: string;
  /** How many top files per mode; default 5. */
  topFiles?: number;
}

/** Where intervals are kept: SQLite when the native module loads, memory otherwise. */
export interface IntervalStore {
  /** True when intervals survive a restart. */
  readonly persistent: boolean;
  /** Appends intervals in one transaction. */
  add(intervals: readonly Interval[]): void;
  report(query: ReportQuery): ModeReport;
  /** Totals per mode for a day range (cheaper than a full report; used by the status bar). */
  totals(from: string, to: string, workspace?: string): ModeTotals;
  close(): void;
}

/** All counted time of a set of totals. */
export function totalOf(t: ModeTotals): number {
  return MODES.reduce((a, m) => a + t[m], 0);
}

export function emptyTotals(): ModeTotals {
  return { plan: 0, execute: 0, review: 0, codify: 0 };
}
