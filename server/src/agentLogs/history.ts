import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../store/database';
import { addCounts, emptyCounts, type AgentKind, type TokenCounts } from './types';

/** One model's totals in one agent session, as last read from its log. */
export interface ModelTotals extends TokenCounts {
  /** USD; undefined when the model has no price. */
  cost?: number;
}

export interface SessionRecord {
  agent: AgentKind;
  sessionId: string;
  workspace: string;
  firstMs?: number;
  lastMs?: number;
  models: Record<string, ModelTotals>;
}

/** Tokens and money over a period; `usd` is undefined when some of the tokens have no price. */
export interface PeriodTotals {
  tokens: number;
  usd?: number;
  /** The priced part, always known. */
  pricedUsd: number;
}

export type UsageGrouping = 'session' | 'day' | 'model' | 'mode' | 'agent';

export interface UsageRow {
  key: string;
  counts: TokenCounts;
  usd?: number;
  pricedUsd: number;
}

/**
 * Where token use is kept: per-session totals (never prompt text) and the growth of each per day,
 * workspace, agent, model and mode. Growth is measured against the stored session totals, so a
 * restart, or two windows reading the same log, never counts a token twice.
 */
export interface TokenHistory {
  readonly persistent: boolean;
  /**
   * Stores a session's totals and adds their growth since the last record to `day` (for a
   * session seen the first time: `firstSeenDay`, the day it was last written) under `mode`.
   */
  record(session: SessionRecord, days: { liveDay: string; firstSeenDay: string }, mode: string): void;
  totals(fromDay: string, toDay: string, workspaces?: readonly string[]): PeriodTotals;
  usage(fromDay: string, toDay: string, by: UsageGrouping, workspaces?: readonly string[]): UsageRow[];
  shownNotices(): Set<string>;
  markNotices(keys: readonly string[], at: number): void;
  close(): void;
}

const FIELDS = ['input', 'cachedInput', 'cacheWrite', 'output', 'reasoning', 'total'] as const;

function delta(now: ModelTotals, before: ModelTotals | undefined): { counts: TokenCounts; cost?: number; unpriced: number } | undefined {
  const counts = emptyCounts();
  if (before && now.total < before.total) return undefined; // the log was replaced: nothing new to add
  for (const f of FIELDS) counts[f] = Math.max(0, now[f] - (before?.[f] ?? 0));
  counts.cacheWrite1h = Math.max(0, now.cacheWrite1h - (before?.cacheWrite1h ?? 0));
  if (counts.total === 0) return undefined;
  if (now.cost === undefined) return { counts, unpriced: counts.total };
  const cost = Math.max(0, now.cost - (before?.cost ?? 0));
  return { counts, cost, unpriced: 0 };
}

function inWorkspaces(w: string, workspaces?: readonly string[]): boolean {
  return !workspaces || workspaces.includes(w);
}

/** History for sessions when the SQLite module is unavailable: the same answers, for this run only. */
export class MemoryTokenHistory implements TokenHistory {
  readonly persistent = false;
  private readonly sessions = new Map<string, ModelTotals & { workspace: string; lastMs?: number }>();
  private readonly days: { day: string; workspace: string; agent: string; model: string; mode: string; sessionId: string; counts: TokenCounts; cost: number; unpriced: number }[] = [];
  private readonly notices = new Set<string>();

  record(s: SessionRecord, days: { liveDay: string; firstSeenDay: string }, mode: string): void {
    for (const [model, now] of Object.entries(s.models)) {
      const key = `${s.agent}\0${s.sessionId}\0${model}`;
      const before = this.sessions.get(key);
      const d = delta(now, before);
      this.sessions.set(key, { ...now, workspace: s.workspace, lastMs: s.lastMs });
      if (!d) continue;
      const day = before ? days.liveDay : days.firstSeenDay;
      this.days.push({ day, workspace: s.workspace, agent: s.agent, model, mode: before ? mode : 'unknown', sessionId: s.sessionId, counts: d.counts, cost: d.cost ?? 0, unpriced: d.unpriced });
    }
  }

  totals(fromDay: string, toDay: string, workspaces?: readonly string[]): PeriodTotals {
    let tokens = 0;
    let cost = 0;
    let unpriced = 0;
    for (const r of this.days) {
      if (r.day < fromDay || r.day > toDay || !inWorkspaces(r.workspace, workspaces)) continue;
      tokens += r.counts.total;
      cost += r.cost;
      unpriced += r.unpriced;
    }
    return { tokens, usd: unpriced ? undefined : cost, pricedUsd: cost };
  }

  usage(fromDay: string, toDay: string, by: UsageGrouping, workspaces?: readonly string[]): UsageRow[] {
    const groups = new Map<string, { counts: TokenCounts; cost: number; unpriced: number }>();
    for (const r of this.days) {
      if (r.day < fromDay || r.day > toDay || !inWorkspaces(r.workspace, workspaces)) continue;
      const key = by === 'session' ? `${r.agent} ${r.sessionId}` : by === 'day' ? r.day : by === 'model' ? r.model : by === 'mode' ? r.mode : r.agent;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { counts: emptyCounts(), cost: 0, unpriced: 0 }));
      addCounts(g.counts, r.counts);
      g.cost += r.cost;
      g.unpriced += r.unpriced;
    }
    return sortRows([...groups.entries()].map(([key, g]) => ({ key, counts: g.counts, usd: g.unpriced ? undefined : g.cost, pricedUsd: g.cost })), by);
  }

  shownNotices(): Set<string> {
    return new Set(this.notices);
  }

  markNotices(keys: readonly string[]): void {
    for (const k of keys) this.notices.add(k);
  }

  close(): void {}
}

function sortRows(rows: UsageRow[], by: UsageGrouping): UsageRow[] {
  return by === 'day' ? rows.sort((a, b) => a.key.localeCompare(b.key)) : rows.sort((a, b) => b.counts.total - a.counts.total || a.key.localeCompare(b.key));
}

interface SessionRow {
  input: number;
  cached_input: number;
  cache_write: number;
  output: number;
  reasoning: number;
  total: number;
  cost_usd: number | null;
}

/** History in the SQLite database (schema version 3: agent_sessions, token_days, budget_notices). */
export class SqliteTokenHistory implements TokenHistory {
  readonly persistent = true;
  private readonly getSession: BetterSqlite3.Statement;
  private readonly putSession: BetterSqlite3.Statement;
  private readonly addDay: BetterSqlite3.Statement;
  private readonly recordTx: BetterSqlite3.Transaction<(s: SessionRecord, days: { liveDay: string; firstSeenDay: string }, mode: string) => void>;

  constructor(private readonly db: BetterSqlite3.Database) {
    this.getSession = db.prepare('SELECT input, cached_input, cache_write, output, reasoning, total, cost_usd FROM agent_sessions WHERE agent = ? AND session_id = ? AND model = ?');
    this.putSession = db.prepare(`INSERT INTO agent_sessions (agent, session_id, model, workspace, first_ms, last_ms, input, cached_input, cache_write, output, reasoning, total, cost_usd)
      VALUES (@agent, @sessionId, @model, @workspace, @firstMs, @lastMs, @input, @cachedInput, @cacheWrite, @output, @reasoning, @total, @cost)
      ON CONFLICT (agent, session_id, model) DO UPDATE SET workspace = excluded.workspace, first_ms = excluded.first_ms, last_ms = excluded.last_ms,
        input = excluded.input, cached_input = excluded.cached_input, cache_write = excluded.cache_write, output = excluded.output,
        reasoning = excluded.reasoning, total = excluded.total, cost_usd = excluded.cost_usd`);
    this.addDay = db.prepare(`INSERT INTO token_days (day, workspace, agent, model, mode, input, cached_input, cache_write, output, reasoning, total, cost_usd, unpriced_tokens)
      VALUES (@day, @workspace, @agent, @model, @mode, @input, @cachedInput, @cacheWrite, @output, @reasoning, @total, @cost, @unpriced)
      ON CONFLICT (day, workspace, agent, model, mode) DO UPDATE SET input = input + excluded.input, cached_input = cached_input + excluded.cached_input,
        cache_write = cache_write + excluded.cache_write, output = output + excluded.output, reasoning = reasoning + excluded.reasoning,
        total = total + excluded.total, cost_usd = cost_usd + excluded.cost_usd, unpriced_tokens = unpriced_tokens + excluded.unpriced_tokens`);
    // One transaction per record: the read of the stored totals and the write of the growth
    // happen under one lock, so two windows reading the same log add its growth once.
    this.recordTx = db.transaction((s: SessionRecord, days: { liveDay: string; firstSeenDay: string }, mode: string) => {
      for (const [model, now] of Object.entries(s.models)) {
        const row = this.getSession.get(s.agent, s.sessionId, model) as SessionRow | undefined;
        const before: ModelTotals | undefined = row && {
          input: row.input,
          cachedInput: row.cached_input,
          cacheWrite: row.cache_write,
          cacheWrite1h: 0,
          output: row.output,
          reasoning: row.reasoning,
          total: row.total,
          cost: row.cost_usd ?? undefined,
        };
        const d = delta({ ...now, cacheWrite1h: 0 }, before);
        this.putSession.run({ agent: s.agent, sessionId: s.sessionId, model, workspace: s.workspace, firstMs: s.firstMs ?? null, lastMs: s.lastMs ?? null, ...now, cost: now.cost ?? null });
        if (!d) continue;
        this.addDay.run({
          day: before ? days.liveDay : days.firstSeenDay,
          workspace: s.workspace,
          agent: s.agent,
          model,
          mode: before ? mode : 'unknown',
          ...d.counts,
          cost: d.cost ?? 0,
          unpriced: d.unpriced,
        });
      }
    });
  }

  record(s: SessionRecord, days: { liveDay: string; firstSeenDay: string }, mode: string): void {
    this.recordTx.immediate(s, days, mode);
  }

  private where(workspaces?: readonly string[]): { sql: string; params: string[] } {
    if (!workspaces) return { sql: '', params: [] };
    if (!workspaces.length) return { sql: ' AND 0', params: [] };
    return { sql: ` AND workspace IN (${workspaces.map(() => '?').join(', ')})`, params: [...workspaces] };
  }

  totals(fromDay: string, toDay: string, workspaces?: readonly string[]): PeriodTotals {
    const w = this.where(workspaces);
    const r = this.db
      .prepare(`SELECT COALESCE(SUM(total), 0) AS tokens, COALESCE(SUM(cost_usd), 0) AS cost, COALESCE(SUM(unpriced_tokens), 0) AS unpriced FROM token_days WHERE day BETWEEN ? AND ?${w.sql}`)
      .get(fromDay, toDay, ...w.params) as { tokens: number; cost: number; unpriced: number };
    return { tokens: r.tokens, usd: r.unpriced ? undefined : r.cost, pricedUsd: r.cost };
  }

  usage(fromDay: string, toDay: string, by: UsageGrouping, workspaces?: readonly string[]): UsageRow[] {
    const w = this.where(workspaces);
    if (by === 'session') {
      // Sessions by their stored totals, for those written in the period.
      const rows = this.db
        .prepare(
          `SELECT agent || ' ' || session_id AS key, SUM(input) AS input, SUM(cached_input) AS cachedInput, SUM(cache_write) AS cacheWrite, SUM(output) AS output,
             SUM(reasoning) AS reasoning, SUM(total) AS total, SUM(COALESCE(cost_usd, 0)) AS cost, SUM(cost_usd IS NULL AND total > 0) AS unpriced
           FROM agent_sessions WHERE last_ms IS NOT NULL AND date(last_ms / 1000, 'unixepoch', 'localtime') BETWEEN ? AND ?${w.sql} GROUP BY agent, session_id`,
        )
        .all(fromDay, toDay, ...w.params) as (TokenCounts & { key: string; cost: number; unpriced: number })[];
      return sortRows(rows.map((r) => toRow(r)), by);
    }
    const column = by === 'day' ? 'day' : by === 'model' ? 'model' : by === 'mode' ? 'mode' : 'agent';
    const rows = this.db
      .prepare(
        `SELECT ${column} AS key, SUM(input) AS input, SUM(cached_input) AS cachedInput, SUM(cache_write) AS cacheWrite, SUM(output) AS output,
           SUM(reasoning) AS reasoning, SUM(total) AS total, SUM(cost_usd) AS cost, SUM(unpriced_tokens) AS unpriced
         FROM token_days WHERE day BETWEEN ? AND ?${w.sql} GROUP BY ${column}`,
      )
      .all(fromDay, toDay, ...w.params) as (TokenCounts & { key: string; cost: number; unpriced: number })[];
    return sortRows(rows.map((r) => toRow(r)), by);
  }

  shownNotices(): Set<string> {
    return new Set((this.db.prepare('SELECT key FROM budget_notices').all() as { key: string }[]).map((r) => r.key));
  }

  markNotices(keys: readonly string[], at: number): void {
    const put = this.db.prepare('INSERT OR IGNORE INTO budget_notices (key, shown_ms) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const k of keys) put.run(k, at);
    })();
  }

  close(): void {
    this.db.close();
  }
}

function toRow(r: TokenCounts & { key: string; cost: number; unpriced: number }): UsageRow {
  const counts: TokenCounts = { input: r.input, cachedInput: r.cachedInput, cacheWrite: r.cacheWrite, cacheWrite1h: 0, output: r.output, reasoning: r.reasoning, total: r.total };
  return { key: r.key, counts, usd: r.unpriced ? undefined : r.cost, pricedUsd: r.cost };
}

/** SQLite history at `file` when possible, else memory (the mode clock has already said history is not saved). */
export function openTokenHistory(file: string | undefined): TokenHistory {
  if (!file) return new MemoryTokenHistory();
  const opened = openDatabase(file);
  return opened.kind === 'sqlite' ? new SqliteTokenHistory(opened.db) : new MemoryTokenHistory();
}
