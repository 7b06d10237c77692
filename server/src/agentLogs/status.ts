import type { BudgetPeriod, BudgetState, BudgetUse, PeriodUsage } from './budgets';
import { totalTokens, type TokenService, type TrackedSession } from './tokenService';

/** What the token status bar item shows (`podflow/tokenStatus`); computed here, rendered by the client. */
export interface TokenStatus {
  visible: boolean;
  text: string;
  tooltip: string;
  /** Status bar colour: from the tightest budget (80%: warning, 100%: error). */
  colour?: 'warning' | 'error';
  /** Share of the tightest budget used, 0..n (1 = 100%). */
  share?: number;
  tokens: number;
  usd?: number;
}

const AGENT_NAMES = { codex: 'Codex CLI', claude: 'Claude Code', gemini: 'Gemini CLI' } as const;

/** 184.2k, 1.2M, 950 */
export function formatTokens(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}B`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return String(Math.round(n));
}

export function formatUsd(n: number | undefined): string {
  return n === undefined ? 'unpriced' : `$${n.toFixed(2)}`;
}

function formatUseLine(u: BudgetUse): string {
  const amount = (n: number) => (u.unit === 'usd' ? `$${n.toFixed(2)}` : `${formatTokens(n)} tok`);
  const period = u.period === 'session' ? 'Session' : u.period === 'day' ? 'Today' : 'This month';
  return `${period}: ${amount(u.used)} of ${amount(u.limit)} (${Math.round(u.fraction * 100)}%)`;
}

function ago(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  return h < 48 ? `${h} h ago` : `${Math.round(h / 24)} days ago`;
}

function sessionTable(service: TokenService, t: TrackedSession, now: number): string[] {
  const usage = t.usage!;
  const lines = [
    `**${AGENT_NAMES[t.agent]}** · session \`${t.sessionId.slice(0, 12)}\` · last write ${ago(now - t.mtimeMs)}`,
    '',
    '| Model | Input | Cached input | Cache write | Output | Reasoning | Cost |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [model, m] of Object.entries(usage.models)) {
    if (m.total === 0) continue;
    lines.push(`| ${model} | ${formatTokens(m.input)} | ${formatTokens(m.cachedInput)} | ${formatTokens(m.cacheWrite)} | ${formatTokens(m.output)} | ${formatTokens(m.reasoning)} | ${formatUsd(service.modelCost(model, usage))} |`);
  }
  const ctx = usage.context;
  if (ctx) {
    lines.push('', ctx.window ? `Context: ${formatTokens(ctx.tokens)} of ${formatTokens(ctx.window)} (${Math.round((ctx.tokens * 100) / ctx.window)}%) in the latest turn` : `Context: ${formatTokens(ctx.tokens)} tokens in the latest turn`);
  }
  const first = usage.firstTimestamp ? Date.parse(usage.firstTimestamp) : NaN;
  const last = usage.lastTimestamp ? Date.parse(usage.lastTimestamp) : NaN;
  const hours = (last - first) / 3_600_000;
  if (Number.isFinite(hours) && hours >= 5 / 60) {
    const cost = service.costOf(usage);
    lines.push(`Burn rate: ${formatTokens(totalTokens(usage) / hours)} tok/h${cost === undefined ? '' : ` · $${(cost / hours).toFixed(2)}/h`}`);
  }
  if (usage.malformedLines) lines.push(`${usage.malformedLines} unreadable line(s) skipped`);
  return lines;
}

/** `usage` and `budgets` are one snapshot (TokenService.periodUsage, .budgets): the session figures are the shown sessions'. */
export function tokenStatus(service: TokenService, usage: Record<BudgetPeriod, PeriodUsage>, budgets: BudgetState, now: number): TokenStatus {
  const sessions = service.currentSessions();
  if (!service.enabled || !sessions.length) {
    return { visible: false, text: '', tooltip: '', tokens: 0 };
  }
  const { tokens, usd } = usage.session;
  const { day: today, month } = usage;
  const share = budgets.tightest?.fraction;
  const text = `$(pulse) ${formatTokens(tokens)} tok · ${formatUsd(usd)}${share === undefined ? '' : ` · ${Math.round(share * 100)}%`}`;
  const lines = ['**podflow token meter**', ''];
  for (const t of sessions) lines.push(...sessionTable(service, t, now), '');
  lines.push(`Today: ${formatTokens(today.tokens)} tok · ${formatUsd(today.usd)} — this month: ${formatTokens(month.tokens)} tok · ${formatUsd(month.usd)}`);
  if (budgets.uses.length) {
    lines.push('', '**Budgets**', '', ...budgets.uses.map((u) => `- ${formatUseLine(u)}`));
  } else {
    lines.push('', 'No budget set (`podflow.tokens.budgets`).');
  }
  lines.push('', 'Click for the usage breakdown.');
  return { visible: true, text, tooltip: lines.join('\n'), colour: budgets.colour, share, tokens, usd };
}
