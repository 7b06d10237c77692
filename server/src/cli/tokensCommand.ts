import * as fs from 'node:fs';
import * as path from 'node:path';
import { now } from '../clock';
import { addDays, checkTimeZone, dayOf } from '../modeClock/timeZone';
import { groupSessions, listLogFiles, readSessionHeader, sessionsInFolder } from '../agentLogs/discovery';
import { resolveLocations, type LogLocations } from '../agentLogs/locations';
import { applyPriceOverrides } from '../agentLogs/priceOverrides';
import { BUILTIN_PRICES, findModelPrice, longContextThreshold, modelCost, type PriceTable } from '../agentLogs/pricing';
import { SessionMeter } from '../agentLogs/sessionMeter';
import { formatTokens } from '../agentLogs/status';
import { addCounts, emptyCounts, type AgentKind, type TokenCounts } from '../agentLogs/types';
import { eachArg, oneOf, parseSince, timeZoneArg, UsageError } from './args';
import { loadConfig } from './loadConfig';

export const TOKENS_USAGE = `Options for tokens:
  --since 7d|2w|YYYY-MM-DD         Sessions last written in the period (default: 7d)
  --by session|day|model           Rows per session (default), per day (the day a session was
                                   last written) or per model
  --format text|json|csv           Output format (default: text)
  --root DIR                       Workspace folder: sessions that ran in it (default: the
                                   current folder); its .podflow.yaml sets prices and locations
  --all                            Sessions of every folder
  --codex-home DIR, --claude-dir DIR (repeatable), --gemini-dir DIR
                                   Where the agents keep their logs (default: settings in
                                   .podflow.yaml, then $CODEX_HOME, $CLAUDE_CONFIG_DIR, ~/...)
  --tz ZONE                        IANA time zone for days (default: the system's)
`;

interface TokensArgs {
  since: string;
  by: 'session' | 'day' | 'model';
  format: 'text' | 'json' | 'csv';
  root?: string;
  all: boolean;
  codexHome?: string;
  claudeDirs: string[];
  geminiDir?: string;
  tz?: string;
}

function parseTokensArgs(argv: string[]): TokensArgs {
  const args: TokensArgs = { since: '7d', by: 'session', format: 'text', all: false, claudeDirs: [] };
  eachArg(argv, (flag, a, value) => {
    switch (flag) {
      case '--since':
        args.since = value();
        break;
      case '--by':
        args.by = oneOf(flag, value(), ['session', 'day', 'model'] as const);
        break;
      case '--format':
        args.format = oneOf(flag, value(), ['text', 'json', 'csv'] as const);
        break;
      case '--root':
        args.root = value();
        break;
      case '--all':
        args.all = true;
        break;
      case '--codex-home':
        args.codexHome = value();
        break;
      case '--claude-dir':
        args.claudeDirs.push(value());
        break;
      case '--gemini-dir':
        args.geminiDir = value();
        break;
      case '--tz':
        args.tz = timeZoneArg(value(), checkTimeZone);
        break;
      default:
        throw new UsageError(`tokens: unknown option "${a}"`);
    }
  });
  return args;
}

export interface TokenRow {
  key: string;
  agent?: AgentKind;
  sessions: number;
  counts: TokenCounts;
  /** USD; undefined when some of the tokens have no price. */
  cost?: number;
  lastWritten?: string;
}

/** `podflow tokens`: the agent sessions' tokens and cost, read from the agents' own logs. */
export function runTokens(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const args = parseTokensArgs(argv);
  const root = path.resolve(args.root ?? process.cwd());
  if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--root must be an existing folder: ${root}`);
  const config = loadConfig(root, undefined);
  const table: PriceTable = Object.keys(config['tokens.prices']).length ? applyPriceOverrides(BUILTIN_PRICES, config['tokens.prices']) : BUILTIN_PRICES;
  const loc = resolveLocations({
    codexHome: args.codexHome ?? config['tokens.codexHome'],
    claudeDirs: args.claudeDirs.length ? args.claudeDirs : config['tokens.claudeDirs'],
    geminiDir: args.geminiDir ?? config['tokens.geminiDir'],
  });
  const today = dayOf(now(), args.tz);
  const from = parseSince(args.since, today, addDays);
  // Files written before the period cannot hold a session last written in it.
  const modifiedSince = Date.parse(`${addDays(from, -1)}T00:00:00Z`);
  const headers = args.all ? listLogFiles(loc, { modifiedSince }).map(readSessionHeader) : sessionsInFolder(loc, root, { modifiedSince });
  const rows = new Map<string, TokenRow>();
  let malformed = 0;
  for (const s of groupSessions(headers)) {
    const usage = new SessionMeter(s.agent, s.files, { longContextThreshold: (m) => longContextThreshold(m, table) }).update();
    malformed += usage.malformedLines;
    const lastMs = usage.lastTimestamp ? Date.parse(usage.lastTimestamp) : s.mtimeMs;
    const day = dayOf(lastMs, args.tz);
    if (day < from) continue;
    for (const [model, m] of Object.entries(usage.models)) {
      if (m.total === 0) continue;
      const key = args.by === 'session' ? `${s.agent} ${s.sessionId}` : args.by === 'day' ? day : model;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { key, agent: args.by === 'session' ? s.agent : undefined, sessions: 0, counts: emptyCounts(), cost: 0, lastWritten: undefined }));
      addCounts(row.counts, m);
      const c = modelCost(m, findModelPrice(model, table)?.price);
      row.cost = c === undefined || row.cost === undefined ? undefined : row.cost + c;
      const iso = new Date(lastMs).toISOString();
      if (!row.lastWritten || iso > row.lastWritten) row.lastWritten = iso;
    }
    // Count each session once per row it contributes to.
    const keys = new Set(Object.entries(usage.models).filter(([, m]) => m.total > 0).map(([model]) => (args.by === 'session' ? `${s.agent} ${s.sessionId}` : args.by === 'day' ? day : model)));
    for (const k of keys) rows.get(k)!.sessions++;
  }
  const list = [...rows.values()].sort((a, b) => (args.by === 'day' ? a.key.localeCompare(b.key) : b.counts.total - a.counts.total || a.key.localeCompare(b.key)));
  if (malformed) err(`podflow: ${malformed} unreadable log line(s) skipped\n`);
  const text = (): string => tokensText(list, from, today, args.by, emptyPeriodHint(loc, root, args));
  out(args.format === 'json' ? tokensJson(list, from, today, args.by) : args.format === 'csv' ? tokensCsv(list, args.by) : text());
  return 0;
}

/** What an empty table says instead: where the logs were looked for, and what to widen. */
function emptyPeriodHint(loc: LogLocations, root: string, args: TokensArgs): string[] {
  const searched = [
    `  Codex CLI    ${path.join(loc.codexHome, 'sessions')}`,
    ...loc.claudeDirs.map((d) => `  Claude Code  ${path.join(d, 'projects')}`),
    `  Gemini CLI   ${path.join(loc.geminiDir, 'tmp')}`,
  ];
  const widen = args.all
    ? ['Try a longer period (--since 30d or --since YYYY-MM-DD), or point at other log folders (--codex-home, --claude-dir, --gemini-dir).']
    : [
        `Only sessions that ran in ${root} are counted.`,
        'Try --all for the sessions of every folder, a longer period (--since 30d), or other log folders (--codex-home, --claude-dir, --gemini-dir).',
      ];
  return ['No agent session in this period. Looked for agent logs in:', ...searched, ...widen];
}

function total(list: readonly TokenRow[]): { counts: TokenCounts; cost?: number } {
  const counts = emptyCounts();
  let cost: number | undefined = 0;
  for (const r of list) {
    addCounts(counts, r.counts);
    cost = r.cost === undefined || cost === undefined ? undefined : cost + r.cost;
  }
  return { counts, cost };
}

function usd(n: number | undefined, digits = 4): string {
  return n === undefined ? 'unpriced' : `$${n.toFixed(digits)}`;
}

function tokensText(list: readonly TokenRow[], from: string, to: string, by: string, emptyHint: readonly string[]): string {
  const lines = [`Agent tokens, ${from} to ${to}, per ${by}`, ''];
  if (!list.length) return lines.concat(emptyHint, '').join('\n');
  const head = [by === 'session' ? 'Session' : by === 'day' ? 'Day' : 'Model', 'Input', 'Cached', 'Cache write', 'Output', 'Reasoning', 'Total', 'Cost'];
  const t = total(list);
  const cells = (key: string, c: TokenCounts, cost: number | undefined) => [key, ...[c.input, c.cachedInput, c.cacheWrite, c.output, c.reasoning, c.total].map((n) => n.toLocaleString('en')), usd(cost)];
  const rows = [head, ...list.map((r) => cells(r.key, r.counts, r.cost)), cells('Total', t.counts, t.cost)];
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) lines.push(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd());
  lines.push('', `${formatTokens(t.counts.total)} tokens in ${list.reduce((a, r) => a + r.sessions, 0)} session row(s); input excludes cached input; output includes reasoning.`);
  return lines.join('\n') + '\n';
}

function tokensJson(list: readonly TokenRow[], from: string, to: string, by: string): string {
  const t = total(list);
  return JSON.stringify({ from, to, by, rows: list.map((r) => ({ ...r, cost: r.cost ?? null })), total: { ...t.counts, cost: t.cost ?? null } }, null, 2) + '\n';
}

function tokensCsv(list: readonly TokenRow[], by: string): string {
  const out = [`${by},input,cached_input,cache_write,output,reasoning,total,cost_usd`];
  for (const r of list) out.push([r.key, r.counts.input, r.counts.cachedInput, r.counts.cacheWrite, r.counts.output, r.counts.reasoning, r.counts.total, r.cost === undefined ? '' : r.cost.toFixed(6)].join(','));
  return out.join('\n') + '\n';
}
