import { z } from 'zod';

/**
 * Token budgets with soft escalation, never a hard stop: at 80% the status bar item turns to the
 * warning colour and says so once; at 90% a warning offers the usage breakdown; at 100% the error
 * colour and a message recommending a cheaper model tier or a local model. Nothing is blocked.
 */
export const BUDGET_PERIODS = ['session', 'day', 'month'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

/** One period's limits: tokens, money (USD), or both (each is its own budget). */
export const budgetLimitSchema = z
  .object({
    tokens: z.number().int().positive('a token budget is a whole number above 0').optional(),
    usd: z.number().positive('a money budget is above 0').optional(),
  })
  .strict();
export type BudgetLimit = z.infer<typeof budgetLimitSchema>;
export type Budgets = Partial<Record<BudgetPeriod, BudgetLimit>>;

export const THRESHOLDS = [80, 90, 100] as const;
export type Threshold = (typeof THRESHOLDS)[number];

export interface PeriodUsage {
  tokens: number;
  /** Undefined when some usage in the period has no price: a money budget is then not judged. */
  usd?: number;
}

export interface BudgetUse {
  period: BudgetPeriod;
  unit: 'tokens' | 'usd';
  used: number;
  limit: number;
  /** used / limit (1 = 100%). */
  fraction: number;
  /** The highest threshold reached, if any. */
  reached?: Threshold;
}

export interface BudgetState {
  uses: BudgetUse[];
  /** The tightest budget (largest fraction), if any budget is set and judged. */
  tightest?: BudgetUse;
  /** Status bar colour: none below 80%, warning from 80%, error from 100%. */
  colour?: 'warning' | 'error';
}

function reachedOf(fraction: number): Threshold | undefined {
  let reached: Threshold | undefined;
  for (const t of THRESHOLDS) if (fraction * 100 >= t - 1e-9) reached = t;
  return reached;
}

export function evaluateBudgets(budgets: Budgets, usage: Record<BudgetPeriod, PeriodUsage>): BudgetState {
  const uses: BudgetUse[] = [];
  for (const period of BUDGET_PERIODS) {
    const limit = budgets[period];
    if (!limit) continue;
    if (limit.tokens !== undefined) {
      const used = usage[period].tokens;
      uses.push({ period, unit: 'tokens', used, limit: limit.tokens, fraction: used / limit.tokens, reached: reachedOf(used / limit.tokens) });
    }
    const usd = usage[period].usd;
    if (limit.usd !== undefined && usd !== undefined) {
      uses.push({ period, unit: 'usd', used: usd, limit: limit.usd, fraction: usd / limit.usd, reached: reachedOf(usd / limit.usd) });
    }
  }
  const tightest = uses.reduce<BudgetUse | undefined>((a, u) => (!a || u.fraction > a.fraction ? u : a), undefined);
  const colour = !tightest || !tightest.reached ? undefined : tightest.reached >= 100 ? 'error' : 'warning';
  return { uses, tightest, colour };
}

export interface BudgetMessage {
  /** Notice key: budget, period instance and threshold ("day:2026-11-30:usd:90"). */
  key: string;
  level: 'info' | 'warning' | 'error';
  threshold: Threshold;
  text: string;
  /** Buttons the client offers. */
  actions: ('Show usage' | 'Open settings')[];
}

function describeUse(u: BudgetUse): string {
  const amount = (n: number) => (u.unit === 'usd' ? `$${n.toFixed(2)}` : `${Math.round(n).toLocaleString('en')} tokens`);
  const what = u.period === 'session' ? "this session's" : u.period === 'day' ? "today's" : "this month's";
  return `${Math.round(u.fraction * 100)}% of ${what} ${u.unit === 'usd' ? 'money' : 'token'} budget (${amount(u.used)} of ${amount(u.limit)})`;
}

/**
 * The messages to show now: for each budget, only its highest newly reached threshold (crossing
 * from 79% to 150% at once says the 100% message, not three), and each threshold once per period
 * instance. `periodKey` names the instance: the session id, the day, the month. `seen` holds the
 * keys already shown; the caller persists it.
 */
export function budgetMessages(state: BudgetState, periodKey: (p: BudgetPeriod) => string, seen: ReadonlySet<string>): BudgetMessage[] {
  const out: BudgetMessage[] = [];
  for (const u of state.uses) {
    if (!u.reached) continue;
    const base = `${u.period}:${periodKey(u.period)}:${u.unit}`;
    const key = `${base}:${u.reached}`;
    if (seen.has(key)) continue;
    // A higher threshold already shown covers the lower ones.
    if (THRESHOLDS.some((t) => t > u.reached! && seen.has(`${base}:${t}`))) continue;
    const used = describeUse(u);
    if (u.reached === 80) out.push({ key, level: 'info', threshold: 80, text: `podflow: ${used} used.`, actions: [] });
    else if (u.reached === 90) out.push({ key, level: 'warning', threshold: 90, text: `podflow: ${used} used.`, actions: ['Show usage'] });
    else
      out.push({
        key,
        level: 'error',
        threshold: 100,
        text: `podflow: ${used} used. Nothing is blocked; consider a cheaper model tier (a mini or flash model) or a local model for the rest of the ${u.period === 'session' ? 'session' : u.period}.`,
        actions: ['Show usage', 'Open settings'],
      });
  }
  return out;
}

/** Keys a message set marks as shown: its own and every lower threshold of the same budget. */
export function keysShown(messages: readonly BudgetMessage[]): string[] {
  const out: string[] = [];
  for (const m of messages) {
    const base = m.key.slice(0, m.key.lastIndexOf(':'));
    for (const t of THRESHOLDS) if (t <= m.threshold) out.push(`${base}:${t}`);
  }
  return out;
}
