import * as fs from 'node:fs';
import { addDays, dayOf } from '../modeClock/timeZone';
import type { PodflowConfig } from '../config';
import { budgetMessages, evaluateBudgets, keysShown, type BudgetMessage, type BudgetPeriod, type BudgetState, type PeriodUsage } from './budgets';
import { groupSessions, sessionsInFolder } from './discovery';
import type { ModelTotals, TokenHistory } from './history';
import { resolveLocations, type LogLocations } from './locations';
import { applyPriceOverrides } from './priceOverrides';
import { BUILTIN_PRICES, findModelPrice, longContextThreshold, modelCost, sessionCost, type PriceTable } from './pricing';
import { SessionMeter } from './sessionMeter';
import { AGENTS, type AgentKind, type SessionUsage } from './types';

/** A session podflow follows: its reader state, and what it last read. */
export interface TrackedSession {
  agent: AgentKind;
  sessionId: string;
  workspace: string;
  meter: SessionMeter;
  /** Size and mtime per file at the last read, to skip files that did not change. */
  seen: Map<string, string>;
  usage?: SessionUsage;
  /** Latest write to any of its files (epoch ms). */
  mtimeMs: number;
}

export interface TokenServiceOptions {
  history: TokenHistory;
  config: PodflowConfig;
  /** Workspace folder roots. */
  folders: readonly string[];
  /** The mode the clock is in, for splitting tokens by mode. */
  mode?: () => string | undefined;
  env?: NodeJS.ProcessEnv;
}

/** How far back sessions are read at start, so this month's totals are right from the first run. */
const LOOKBACK_DAYS = 31;
/** A session written this recently counts as an agent at work (for the mode clock). */
const ACTIVE_MS = 60_000;

/**
 * Follows the agent sessions of the workspace folders: finds them, reads only what their logs
 * gained, records growth in the history and answers the status bar, budgets and breakdowns.
 * Time comes from the caller, so tests drive it without waiting.
 */
export class TokenService {
  private readonly tracked = new Map<string, TrackedSession>();
  private current: Partial<Record<AgentKind, string>> = {};
  private baseline = new Map<string, { tokens: number; usd: number }>();
  private opts: TokenServiceOptions;
  private locations: LogLocations;
  private prices: PriceTable;

  constructor(opts: TokenServiceOptions) {
    this.opts = opts;
    this.locations = this.resolve();
    this.prices = this.priceTable();
  }

  get enabled(): boolean {
    return this.opts.config['tokens.enabled'];
  }

  get history(): TokenHistory {
    return this.opts.history;
  }



  reconfigure(config: PodflowConfig, folders: readonly string[]): void {
    const pricesChanged = JSON.stringify(config['tokens.prices']) !== JSON.stringify(this.opts.config['tokens.prices']);
    this.opts = { ...this.opts, config, folders };
    this.locations = this.resolve();
    this.prices = this.priceTable();
    // New prices or locations: read everything again with the new table.
    if (pricesChanged) this.tracked.clear();
  }

  /** Finds sessions (new ones, sub-agent files) and makes the newest per agent current. Returns true if anything changed. */
  rescan(now: number): boolean {
    if (!this.enabled) return false;
    let changed = false;
    const since = now - LOOKBACK_DAYS * 86_400_000;
    const newest: Partial<Record<AgentKind, { key: string; mtime: number }>> = {};
    for (const folder of this.opts.folders) {
      for (const s of groupSessions(sessionsInFolder(this.locations, folder, { modifiedSince: since }))) {
        const key = `${s.agent}\0${s.sessionId}`;
        let t = this.tracked.get(key);
        if (!t) {
          t = { agent: s.agent, sessionId: s.sessionId, workspace: folder, meter: new SessionMeter(s.agent, [], this.readerOptions()), seen: new Map(), mtimeMs: s.mtimeMs };
          this.tracked.set(key, t);
        }
        for (const f of s.files) t.meter.addFile(f);
        if (this.read(t, now)) changed = true;
        const n = newest[s.agent];
        if (!n || t.mtimeMs > n.mtime) newest[s.agent] = { key, mtime: t.mtimeMs };
      }
    }
    const current: Partial<Record<AgentKind, string>> = {};
    for (const a of AGENTS) if (newest[a]) current[a] = newest[a]!.key;
    if (JSON.stringify(current) !== JSON.stringify(this.current)) changed = true;
    this.current = current;
    return changed;
  }

  /** Reads what the current sessions' logs gained; cheap when nothing changed (one stat per file). */
  poll(now: number): boolean {
    if (!this.enabled) return false;
    let changed = false;
    for (const key of Object.values(this.current)) {
      const t = key ? this.tracked.get(key) : undefined;
      if (t && this.read(t, now)) changed = true;
    }
    return changed;
  }

  /** Current sessions, newest first. */
  currentSessions(): TrackedSession[] {
    return Object.values(this.current)
      .map((k) => (k ? this.tracked.get(k) : undefined))
      .filter((t): t is TrackedSession => !!t?.usage)
      .sort((a, b) => b.mtimeMs - a.mtimeMs);
  }

  /** An agent wrote its log for this workspace within the last minute. */
  agentActive(now: number): boolean {
    return this.currentSessions().some((t) => now - t.mtimeMs < ACTIVE_MS);
  }

  /** Tokens and cost of a session as shown (after a reset of the session view). */
  shownSession(t: TrackedSession): { tokens: number; usd?: number } {
    const tokens = totalTokens(t.usage);
    const usd = this.costOf(t.usage);
    const base = this.baseline.get(`${t.agent}\0${t.sessionId}`);
    return { tokens: Math.max(0, tokens - (base?.tokens ?? 0)), usd: usd === undefined ? undefined : Math.max(0, usd - (base?.usd ?? 0)) };
  }

  /** Starts the per-session view from now: the status bar and the session budget count from here. */
  resetSessionView(): void {
    for (const t of this.currentSessions()) this.baseline.set(`${t.agent}\0${t.sessionId}`, { tokens: totalTokens(t.usage), usd: this.costOf(t.usage) ?? 0 });
  }

  costOf(usage: SessionUsage | undefined): number | undefined {
    return usage ? sessionCost(usage, this.prices).total : 0;
  }

  modelCost(model: string, usage: SessionUsage): number | undefined {
    const m = usage.models[model];
    return m ? modelCost(m, findModelPrice(model, this.prices)?.price) : undefined;
  }

  /** Usage per budget period: the shown session(s), today and this month for the workspace folders. */
  periodUsage(now: number): Record<BudgetPeriod, PeriodUsage> {
    const tz = this.timeZone();
    const today = dayOf(now, tz);
    let sessionTokens = 0;
    let sessionUsd: number | undefined = 0;
    for (const t of this.currentSessions()) {
      const s = this.shownSession(t);
      sessionTokens += s.tokens;
      sessionUsd = s.usd === undefined || sessionUsd === undefined ? undefined : sessionUsd + s.usd;
    }
    const day = this.opts.history.totals(today, today, this.opts.folders);
    const month = this.opts.history.totals(`${today.slice(0, 7)}-01`, today, this.opts.folders);
    return { session: { tokens: sessionTokens, usd: sessionUsd }, day: { tokens: day.tokens, usd: day.usd }, month: { tokens: month.tokens, usd: month.usd } };
  }

  budgets(usage: Record<BudgetPeriod, PeriodUsage>): BudgetState {
    return evaluateBudgets(this.opts.config['tokens.budgets'], usage);
  }

  /** Budget messages not shown yet in their period; marks them shown. */
  takeBudgetMessages(now: number, state: BudgetState): BudgetMessage[] {
    const today = dayOf(now, this.timeZone());
    const sessionKey = this.currentSessions().map((t) => `${t.agent}/${t.sessionId}`).join('+') || 'none';
    const messages = budgetMessages(state, (p) => (p === 'session' ? sessionKey : p === 'day' ? today : today.slice(0, 7)), this.opts.history.shownNotices());
    if (messages.length) this.opts.history.markNotices(keysShown(messages), now);
    return messages;
  }

  timeZone(): string | undefined {
    return this.opts.config['modeClock.timeZone'] || undefined;
  }

  /** Day range helpers for breakdowns: the last `days` days up to today. */
  range(now: number, days: number): { from: string; to: string } {
    const to = dayOf(now, this.timeZone());
    return { from: addDays(to, -(days - 1)), to };
  }

  private read(t: TrackedSession, now: number): boolean {
    let changed = false;
    for (const f of t.meter.files) {
      let sig = 'missing';
      try {
        const st = fs.statSync(f);
        sig = `${st.size}:${st.mtimeMs}:${st.ino}`;
        t.mtimeMs = Math.max(t.mtimeMs, st.mtimeMs);
      } catch {
        // A log removed or rotated away: the reader notices on its own.
      }
      if (t.seen.get(f) !== sig) {
        t.seen.set(f, sig);
        changed = true;
      }
    }
    if (!changed && t.usage) return false;
    t.usage = t.meter.update();
    this.record(t, now);
    return true;
  }

  private record(t: TrackedSession, now: number): void {
    const usage = t.usage;
    if (!usage) return;
    const tz = this.timeZone();
    const last = usage.lastTimestamp ? Date.parse(usage.lastTimestamp) : t.mtimeMs;
    const models: Record<string, ModelTotals> = {};
    for (const [model, m] of Object.entries(usage.models)) models[model] = { ...m, cost: modelCost(m, findModelPrice(model, this.prices)?.price) };
    this.opts.history.record(
      {
        agent: t.agent,
        sessionId: t.sessionId,
        workspace: t.workspace,
        firstMs: usage.firstTimestamp ? Date.parse(usage.firstTimestamp) : undefined,
        lastMs: Number.isFinite(last) ? last : undefined,
        models,
      },
      { liveDay: dayOf(now, tz), firstSeenDay: dayOf(Number.isFinite(last) ? last : now, tz) },
      this.opts.mode?.() ?? 'unknown',
    );
  }

  private resolve(): LogLocations {
    const c = this.opts.config;
    return resolveLocations({ codexHome: c['tokens.codexHome'], claudeDirs: c['tokens.claudeDirs'], geminiDir: c['tokens.geminiDir'] }, this.opts.env ?? process.env);
  }

  private priceTable(): PriceTable {
    const overrides = this.opts.config['tokens.prices'];
    return Object.keys(overrides).length ? applyPriceOverrides(BUILTIN_PRICES, overrides) : BUILTIN_PRICES;
  }

  private readerOptions() {
    const table = this.prices;
    return { longContextThreshold: (m: string) => longContextThreshold(m, table) };
  }
}

export function totalTokens(usage: SessionUsage | undefined): number {
  if (!usage) return 0;
  let n = 0;
  for (const m of Object.values(usage.models)) n += m.total;
  return n;
}
