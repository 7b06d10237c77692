import * as fs from 'node:fs';
import { MemoryIntervalStore } from '../modeClock/memoryIntervalStore';
import { openExistingForReport } from '../modeClock/openIntervalStore';
import { reportCsv, reportJson, reportText } from '../modeClock/reportFormat';
import { addDays, checkTimeZone, dayOf } from '../modeClock/timeZone';
import { defaultDatabasePath } from '../store/defaultPath';
import type { ModeReport } from '../modeClock/types';
import { eachArg, oneOf, parseSince, timeZoneArg, UsageError } from './args';

export const REPORT_USAGE = `Options for report:
  --since 7d|2w|YYYY-MM-DD         First day of the period (default: 7d, the last seven days)
  --until YYYY-MM-DD               Last day of the period (default: today)
  --format text|json|csv           Output format (default: text)
  --workspace DIR                  Only time spent in this workspace folder
  --db FILE                        History database (default: $PODFLOW_DB, else VS Code's
                                   global storage for podflow)
  --tz ZONE                        IANA time zone for days (default: the system's)
`;

interface ReportArgs {
  since: string;
  until?: string;
  format: 'text' | 'json' | 'csv';
  workspace?: string;
  db?: string;
  tz?: string;
}

function parseReportArgs(argv: string[]): ReportArgs {
  const args: ReportArgs = { since: '7d', format: 'text' };
  eachArg(argv, (flag, a, value) => {
    switch (flag) {
      case '--since':
        args.since = value();
        break;
      case '--until': {
        const v = value();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError(`--until takes a date (2026-11-30), not "${v}"`);
        args.until = v;
        break;
      }
      case '--format':
        args.format = oneOf(flag, value(), ['text', 'json', 'csv'] as const);
        break;
      case '--workspace':
        args.workspace = value();
        break;
      case '--db':
        args.db = value();
        break;
      case '--tz':
        args.tz = timeZoneArg(value(), checkTimeZone);
        break;
      default:
        throw new UsageError(`report: unknown option "${a}"`);
    }
  });
  return args;
}

/** `podflow report`: the mode clock's split from the history database, as the editor's report shows it. */
export function runReport(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const args = parseReportArgs(argv);
  const to = args.until ?? dayOf(Date.now(), args.tz);
  const from = parseSince(args.since, to, addDays);
  if (from > to) throw new UsageError(`--since ${args.since} is after --until ${to}`);
  const file = args.db ?? defaultDatabasePath();
  // No database where podflow keeps it by default means the editor has not recorded time yet:
  // an empty report, not an error. A file named with --db must exist.
  if (args.db === undefined && !fs.existsSync(file)) {
    err(`podflow: no mode clock history yet (the editor creates ${file} when it first records time)\n`);
    const store = new MemoryIntervalStore();
    out(formatReport(store.report({ from, to, workspace: args.workspace, topFiles: 5 }), args.format));
    return 0;
  }
  const opened = openExistingForReport(file);
  if ('error' in opened) {
    err(`podflow: ${opened.error}\n`);
    return 2;
  }
  try {
    const report = opened.store.report({ from, to, workspace: args.workspace, topFiles: 5 });
    out(formatReport(report, args.format));
    return 0;
  } finally {
    opened.store.close();
  }
}

function formatReport(report: ModeReport, format: ReportArgs['format']): string {
  return format === 'json' ? reportJson(report) + '\n' : format === 'csv' ? reportCsv(report) : reportText(report);
}
