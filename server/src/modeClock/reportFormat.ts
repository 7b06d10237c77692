import * as path from 'node:path';
import { formatDuration, MODE_LABELS, percentages, signed } from './status';
import { MODES, TARGET_SPLIT, totalOf, type ModeReport } from './types';

/** The report as JSON: the report itself plus the split and target, all times in milliseconds. */
export function reportJson(r: ModeReport): string {
  const split = percentages(r.totals);
  return JSON.stringify({ ...r, totalMs: totalOf(r.totals), split, target: TARGET_SPLIT }, null, 2);
}

/** One row per day with seconds per mode, for spreadsheets. */
export function reportCsv(r: ModeReport): string {
  const rows = ['day,plan_s,execute_s,review_s,codify_s,total_s'];
  const secs = (ms: number) => String(Math.round(ms / 1000));
  for (const d of r.days) rows.push([d.day, ...MODES.map((m) => secs(d.totals[m])), secs(totalOf(d.totals))].join(','));
  rows.push(['total', ...MODES.map((m) => secs(r.totals[m])), secs(totalOf(r.totals))].join(','));
  return rows.join('\n') + '\n';
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd());
}

export function reportText(r: ModeReport): string {
  const lines: string[] = [`Mode clock, ${r.from} to ${r.to}`, ''];
  if (!r.days.length) {
    lines.push('No time recorded in this period.');
    return lines.join('\n') + '\n';
  }
  const head = ['Day', ...MODES.map((m) => MODE_LABELS[m]), 'Total'];
  const rows = r.days.map((d) => [d.day, ...MODES.map((m) => formatDuration(d.totals[m])), formatDuration(totalOf(d.totals))]);
  const split = percentages(r.totals);
  lines.push(
    ...table([
      head,
      ...rows,
      ['Total', ...MODES.map((m) => formatDuration(r.totals[m])), formatDuration(totalOf(r.totals))],
      ['Split', ...MODES.map((m) => `${split[m]}%`), ''],
      ['Target', ...MODES.map((m) => `${TARGET_SPLIT[m]}%`), ''],
      ['Difference', ...MODES.map((m) => signed(split[m] - TARGET_SPLIT[m])), ''],
    ]),
  );
  lines.push('', 'Per workspace');
  lines.push(
    ...table([
      ['Workspace', ...MODES.map((m) => MODE_LABELS[m]), 'Total'],
      ...r.workspaces.map((w) => [w.workspace ? path.basename(w.workspace) : '(none)', ...MODES.map((m) => formatDuration(w.totals[m])), formatDuration(totalOf(w.totals))]),
    ]).map((l) => `  ${l}`),
  );
  lines.push('', 'Top files');
  for (const m of MODES) {
    const files = r.topFiles[m];
    if (!files.length) continue;
    lines.push(`  ${MODE_LABELS[m]}: ${files.map((f) => `${f.file} (${formatDuration(f.ms)})`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
