// Entry bundled on the fly by bench/tokens.mjs (esbuild) into .bench/tokensEntry.cjs, so the
// benchmark runs podflow's real token meter from server/src/tokens: discovery, the streaming
// readers, SessionMeter and pricing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  AgentKind,
  AgentSession,
  LogLocations,
  ModelUsage,
  SessionMeter,
  SessionUsage,
  currentSessions,
  findModelPrice,
  groupSessions,
  listLogFiles,
  modelCost,
  readSessionHeader,
  resolveLocations,
  sessionCost,
  sessionTotals,
} from '../server/src/agentLogs';
import { DEFAULT_CONFIG } from '../server/src/config';
import { openTokenHistory } from '../server/src/agentLogs/history';
import { TokenService } from '../server/src/agentLogs/tokenService';

/** The generated tree: `claude/` is the Claude config dir, `codex/` the Codex home, no Gemini logs. */
export function locations(root: string): LogLocations {
  return resolveLocations({ codexHome: path.join(root, 'codex'), claudeDirs: [path.join(root, 'claude')], geminiDir: path.join(root, 'home', '.gemini') }, {});
}

export interface ScanResult {
  files: number;
  bytes: number;
  /** ms per step: listing, session headers (first lines of each file), grouping, reading every file. */
  phases: Record<string, number>;
  sessions: SessionUsage[];
  /** Kept so the measurement sees the state a language server keeps after its first scan. */
  meters: SessionMeter[];
}

/**
 * The full first scan: list every log file of the agents, read each file's header (session id,
 * cwd, sub-agent or not), group files into sessions, and read every file whole through one
 * SessionMeter per session (the real incremental readers, from offset 0).
 */
export function scan(loc: LogLocations, agents: readonly AgentKind[]): ScanResult {
  const phases: Record<string, number> = {};
  let t = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    phases[name] = now - t;
    t = now;
  };
  const files = listLogFiles(loc, { agents });
  step('list');
  const headers = files.map(readSessionHeader);
  step('headers');
  const grouped = groupSessions(headers);
  step('group');
  const meters = grouped.map((s) => SessionMeter.of(s));
  const sessions = meters.map((m) => m.update());
  step('read');
  return { files: files.length, bytes: files.reduce((n, f) => n + f.size, 0), phases, sessions, meters };
}

export interface ServerScanResult {
  /** ms of the first rescan (everything read) and of the next one (nothing new: listing and headers only). */
  first: number;
  second: number;
  /** Whether the history was the SQLite store (else the in-memory fallback). */
  persistent: boolean;
  /** Tokens the history recorded over every day, all workspaces. */
  recorded: number;
}

/**
 * The language server's own first scan: a TokenService (the real one, with a SQLite history in
 * `historyFile`, as the server opens it) whose workspace folders are `folders`, and its rescan()
 * at `now`: per folder, list the logs written in the last 31 days, read their headers, keep the
 * sessions whose cwd is inside the folder, read each through a SessionMeter and record it. Then a
 * second rescan 10 s later, as the server repeats it, with nothing new.
 */
export function serverScan(root: string, folders: readonly string[], historyFile: string): ServerScanResult {
  const config = {
    ...DEFAULT_CONFIG,
    'tokens.codexHome': path.join(root, 'codex'),
    'tokens.claudeDirs': [path.join(root, 'claude')],
    'tokens.geminiDir': path.join(root, 'home', '.gemini'),
    'modeClock.timeZone': 'UTC',
  };
  // "Now" is just after the newest log was written, so the 31-day look-back covers the generated month.
  const now = Math.max(...listLogFiles(locations(root)).map((f) => f.mtimeMs)) + 60_000;
  const history = openTokenHistory(historyFile);
  try {
    const service = new TokenService({ history, config, folders, mode: () => 'execute', env: {} });
    let t = performance.now();
    service.rescan(now);
    const first = performance.now() - t;
    t = performance.now();
    service.rescan(now + 10_000);
    const second = performance.now() - t;
    return { first, second, persistent: history.persistent, recorded: history.totals('0000-01-01', '9999-12-31').tokens };
  } finally {
    history.close();
  }
}

/** Only what the comparison needs from a session, for the child's report. */
export function compact(u: SessionUsage): Pick<SessionUsage, 'agent' | 'sessionId' | 'file' | 'models' | 'malformedLines'> {
  return { agent: u.agent, sessionId: u.sessionId, file: u.file, models: u.models, malformedLines: u.malformedLines };
}

// ---------------------------------------------------------------------------
// Comparison with ccusage 20.0.24, field by field as test/unit/agentLogs/ccusage.test.ts does it.
// ---------------------------------------------------------------------------

type Rec = Record<string, unknown>;
const close = (a: unknown, b: number | undefined) => typeof a === 'number' && b !== undefined && Math.abs(a - b) < 1e-9;
const show = (v: unknown) => JSON.stringify(v);

/** The fields ccusage reports per Claude model, from podflow's counts. */
const asCcusage = (m: ModelUsage) => ({ inputTokens: m.input, cacheReadTokens: m.cachedInput, cacheCreationTokens: m.cacheWrite, outputTokens: m.output });

/** Differences between ccusage's `claude session --json` and podflow's sessions; empty when they agree. */
export function compareClaude(cc: { sessions: Rec[] }, ours: SessionUsage[]): string[] {
  const diffs: string[] = [];
  if (cc.sessions.length !== ours.length) diffs.push(`claude: ccusage ${cc.sessions.length} sessions, podflow ${ours.length}`);
  for (const s of cc.sessions) {
    const id = String(s.sessionId);
    const u = ours.find((o) => o.sessionId === s.sessionId);
    if (!u) {
      diffs.push(`claude ${id}: not in podflow`);
      continue;
    }
    for (const b of s.modelBreakdowns as Rec[]) {
      const name = String(b.modelName);
      const m: ModelUsage | undefined = u.models[name];
      if (!m) {
        diffs.push(`claude ${id}: podflow has no ${name}`);
        continue;
      }
      const theirs = { inputTokens: b.inputTokens, cacheReadTokens: b.cacheReadTokens, cacheCreationTokens: b.cacheCreationTokens, outputTokens: b.outputTokens };
      if (show(theirs) !== show(asCcusage(m))) diffs.push(`claude ${id} ${name}: ccusage ${show(theirs)}, podflow ${show(asCcusage(m))}`);
      const cost = modelCost(m, findModelPrice(name)?.price);
      if (!close(b.cost, cost)) diffs.push(`claude ${id} ${name} cost: ccusage ${show(b.cost)}, podflow ${show(cost)}`);
    }
    if (s.totalTokens !== sessionTotals(u).total) diffs.push(`claude ${id} totalTokens: ccusage ${show(s.totalTokens)}, podflow ${sessionTotals(u).total}`);
    const cost = sessionCost(u).total;
    if (!close(s.totalCost, cost)) diffs.push(`claude ${id} totalCost: ccusage ${show(s.totalCost)}, podflow ${show(cost)}`);
  }
  return diffs;
}

/** Differences between ccusage's `codex session --json` and podflow's sessions; empty when they agree. */
export function compareCodex(cc: { sessions: Rec[] }, ours: SessionUsage[]): string[] {
  const diffs: string[] = [];
  if (cc.sessions.length !== ours.length) diffs.push(`codex: ccusage ${cc.sessions.length} sessions, podflow ${ours.length}`);
  for (const s of cc.sessions) {
    const id = String(s.sessionFile);
    // ccusage names a Codex session by its rollout file
    const u = ours.find((o) => path.basename(o.file, '.jsonl') === s.sessionFile);
    if (!u) {
      diffs.push(`codex ${id}: not in podflow`);
      continue;
    }
    for (const [model, b] of Object.entries(s.models as Record<string, Rec>)) {
      const m: ModelUsage | undefined = u.models[model];
      if (!m) {
        diffs.push(`codex ${id}: podflow has no ${model}`);
        continue;
      }
      const theirs = [b.inputTokens, b.cacheReadTokens, b.outputTokens, b.reasoningOutputTokens, b.totalTokens];
      const mine = [m.input, m.cachedInput, m.output, m.reasoning, m.total];
      if (show(theirs) !== show(mine)) diffs.push(`codex ${id} ${model}: ccusage ${show(theirs)}, podflow ${show(mine)}`);
    }
    if (s.totalTokens !== sessionTotals(u).total) diffs.push(`codex ${id} totalTokens: ccusage ${show(s.totalTokens)}, podflow ${sessionTotals(u).total}`);
    const cost = sessionCost(u).total;
    if (!close(s.costUSD, cost)) diffs.push(`codex ${id} costUSD: ccusage ${show(s.costUSD)}, podflow ${show(cost)}`);
  }
  return diffs;
}

/** Differences between podflow's per-model sums over all sessions and the generator's totals (by construction). */
export function compareExpected(agent: AgentKind, expected: Record<string, Rec>, ours: SessionUsage[]): string[] {
  const sums: Record<string, number[]> = {};
  for (const u of ours) {
    for (const [model, m] of Object.entries(u.models)) {
      const s = (sums[model] ??= [0, 0, 0, 0, 0, 0, 0, 0]);
      [m.input, m.cachedInput, m.cacheWrite, m.cacheWrite1h, m.output, m.reasoning, m.total, m.requests].forEach((v, i) => (s[i] += v));
    }
  }
  const diffs: string[] = [];
  for (const model of new Set([...Object.keys(expected), ...Object.keys(sums)])) {
    const e = expected[model];
    const want = e ? [e.input, e.cachedInput, e.cacheWrite, e.cacheWrite1h, e.output, e.reasoning, e.total, e.requests] : undefined;
    if (show(want) !== show(sums[model])) diffs.push(`${agent} ${model}: generated ${show(want)}, podflow ${show(sums[model])} (input, cached, write, write 1h, output, reasoning, total, requests)`);
  }
  return diffs;
}

// ---------------------------------------------------------------------------
// Incremental: one usage line appended to the current session, then update().
// ---------------------------------------------------------------------------

/** The session of this agent written most recently, as the status bar would pick it. */
export function currentSession(loc: LogLocations, agent: AgentKind): AgentSession | undefined {
  return currentSessions(loc, undefined, { agents: [agent] })[agent];
}

export interface AppendResult {
  files: number;
  bytes: number;
  /** The session's first read, whole (ms). */
  firstRead: number;
  /** Per timed append: from just before the write to update() returning the new total (ms). */
  appendToTotal: number[];
  /** The update() part of it alone (ms). */
  update: number[];
  /** Appends whose new total was not the old one plus the appended line's tokens. */
  wrong: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Copies the session's files under `scratch` (same layout below `root`, so sub-agent files stay
 * sub-agent files), reads them once through a SessionMeter, then `warmup + count` times appends
 * one usage line to the main file (a Claude assistant response; a Codex `token_count` event) and
 * calls update(). The generated logs are left untouched.
 */
export function appendBench(root: string, scratch: string, session: AgentSession, count: number, warmup: number, seed = 7): AppendResult {
  const files = session.files.map((f) => {
    const dest = path.join(scratch, path.relative(root, f));
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(f, dest);
    return dest;
  });
  const main = files[0];
  const r = mulberry32(seed);
  const int = (n: number) => Math.floor(r() * n);
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[int(16)]).join('');
  const meter = new SessionMeter(session.agent, files);
  let t0 = performance.now();
  let usage = meter.update();
  const firstRead = performance.now() - t0;
  const model = usage.lastModel ?? Object.keys(usage.models)[0];
  const text = 'The handler now keeps the cursor and the limit from the request; the test covers the last page and the empty case. '.repeat(8);
  let at = Date.parse(usage.lastTimestamp ?? '2026-12-01T00:00:00Z');
  const appendToTotal: number[] = [];
  const update: number[] = [];
  let wrong = 0;
  for (let i = 0; i < warmup + count; i++) {
    at += 5000;
    let line: string;
    let tokens: number;
    if (session.agent === 'claude') {
      const write = 200 + int(6000);
      const u = { input_tokens: 1 + int(20), cache_creation_input_tokens: write, cache_read_input_tokens: 20_000 + int(150_000), cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: write }, output_tokens: 20 + int(2000), service_tier: 'standard' };
      tokens = u.input_tokens + u.cache_creation_input_tokens + u.cache_read_input_tokens + u.output_tokens;
      line = JSON.stringify({
        parentUuid: null, isSidechain: false, userType: 'external', cwd: usage.cwd, sessionId: usage.sessionId, version: '2.1.140', gitBranch: 'main',
        message: { model, id: `msg_01bench${hex(16)}`, type: 'message', role: 'assistant', content: [{ type: 'text', text }], stop_reason: 'end_turn', stop_sequence: null, usage: u },
        requestId: `req_011Cbench${hex(16)}`, type: 'assistant', uuid: `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`, timestamp: new Date(at).toISOString(),
      });
    } else {
      // The next cumulative snapshot: the session total so far plus one request.
      const t = sessionTotals(usage);
      const input = 20_000 + int(150_000);
      const cached = Math.floor(input * 0.9);
      const output = 30 + int(3000);
      const reasoning = Math.floor(output / 3);
      const total = { input_tokens: t.input + t.cachedInput + input, cached_input_tokens: t.cachedInput + cached, output_tokens: t.output + output, reasoning_output_tokens: t.reasoning + reasoning, total_tokens: t.total + input + output };
      tokens = input + output;
      line = JSON.stringify({
        timestamp: new Date(at).toISOString(), type: 'event_msg',
        payload: { type: 'token_count', info: { total_token_usage: total, last_token_usage: { input_tokens: input, cached_input_tokens: cached, output_tokens: output, reasoning_output_tokens: reasoning, total_tokens: input + output }, model_context_window: 258400 }, rate_limits: { limit_id: 'codex', limit_name: null, primary: { used_percent: 40, window_minutes: 300, resets_at: Math.floor(at / 1000) + 9000 }, secondary: null, credits: null, plan_type: 'plus' } },
      });
    }
    const before = sessionTotals(usage).total;
    t0 = performance.now();
    fs.appendFileSync(main, line + '\n');
    const t1 = performance.now();
    usage = meter.update();
    const t2 = performance.now();
    if (sessionTotals(usage).total !== before + tokens) wrong++;
    if (i >= warmup) {
      appendToTotal.push(t2 - t0);
      update.push(t2 - t1);
    }
  }
  return { files: files.length, bytes: session.files.reduce((n, f) => n + fs.statSync(f).size, 0), firstRead, appendToTotal, update, wrong };
}
