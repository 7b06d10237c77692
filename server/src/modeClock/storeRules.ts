import { Interval, Mode, MODES, ModeReport, ModeTotals, ReportQuery, totalOf } from './types';

/**
 * What every IntervalStore agrees on, so the SQLite and the memory store give deepEqual reports:
 * which intervals are accepted, how many top files, and how ties are ordered.
 */

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const DEFAULT_TOP_FILES = 5;

/**
 * Throws a TypeError naming the first bad interval and field, before anything is stored (so an
 * add() stores all or nothing). Times must be integer epoch milliseconds: the stores sum them
 * exactly, and the SQLite store keeps them as INTEGER.
 */
export function checkIntervals(intervals: readonly Interval[]): void {
  intervals.forEach((iv, i) => {
    const fail = (what: string) => {
      throw new TypeError(`interval ${i}: ${what}`);
    };
    if (!Number.isSafeInteger(iv.start)) fail(`start must be integer epoch milliseconds, got ${iv.start}`);
    if (!Number.isSafeInteger(iv.end)) fail(`end must be integer epoch milliseconds, got ${iv.end}`);
    if (iv.end < iv.start) fail(`end (${iv.end}) is before start (${iv.start})`);
    if (!(MODES as readonly string[]).includes(iv.mode)) fail(`unknown mode ${JSON.stringify(iv.mode)}`);
    if (typeof iv.day !== 'string' || !DAY_PATTERN.test(iv.day)) fail(`day must be YYYY-MM-DD, got ${JSON.stringify(iv.day)}`);
    if (typeof iv.workspace !== 'string') fail('workspace must be a string');
    if (typeof iv.file !== 'string') fail('file must be a string');
  });
}

export function isMode(value: string): value is Mode {
  return (MODES as readonly string[]).includes(value);
}

/** The query's topFiles as a count: default 5, whole, at least 0. */
export function topFilesLimit(query: ReportQuery): number {
  const n = query.topFiles ?? DEFAULT_TOP_FILES;
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : DEFAULT_TOP_FILES;
}

/**
 * Orders strings by Unicode code point, which is how SQLite's default BINARY collation orders
 * UTF-8 text (JavaScript's `<` compares UTF-16 units and differs above U+FFFF).
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length < 0 ? -1 : 1;
}

/** Largest total first, then by workspace path. */
export function compareWorkspaces(
  a: { workspace: string; totals: ModeTotals },
  b: { workspace: string; totals: ModeTotals },
): number {
  return totalOf(b.totals) - totalOf(a.totals) || compareText(a.workspace, b.workspace);
}

/** Most time first, then by file, then by workspace. */
export function compareFiles(a: { file: string; workspace: string; ms: number }, b: { file: string; workspace: string; ms: number }): number {
  return b.ms - a.ms || compareText(a.file, b.file) || compareText(a.workspace, b.workspace);
}

export function emptyTopFiles(): ModeReport['topFiles'] {
  return { plan: [], execute: [], review: [], codify: [] };
}
