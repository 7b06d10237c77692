import * as path from 'node:path';
import { BaseLogReader, ReaderOptions, contextFill } from './baseReader';
import { Obj, count, fromLatin1, obj, str } from './values';
import { SessionUsage, TokenCounts } from './types';

/** Codex's own five counters, as `total_token_usage` / `last_token_usage` hold them. */
interface RawUsage {
  input: number;
  cached: number;
  output: number;
  reasoning: number;
  total: number;
}

function rawUsage(v: unknown): RawUsage | undefined {
  const u = obj(v);
  if (!u) return undefined;
  const input = count(u.input_tokens);
  const output = count(u.output_tokens);
  return {
    input,
    cached: count(u.cached_input_tokens),
    output,
    reasoning: count(u.reasoning_output_tokens),
    total: typeof u.total_tokens === 'number' ? count(u.total_tokens) : input + output,
  };
}

/** Codex counts input including cached and output including reasoning; podflow's buckets are disjoint. */
function toCounts(r: RawUsage): TokenCounts {
  const cached = Math.min(r.cached, r.input);
  return {
    input: r.input - cached,
    cachedInput: cached,
    cacheWrite: 0,
    cacheWrite1h: 0,
    output: r.output,
    reasoning: Math.min(r.reasoning, r.output),
    total: r.input + r.output,
  };
}

const UUID_AT_END = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.jsonl$/i;

/**
 * Codex CLI rollout (`$CODEX_HOME/sessions/YYYY/MM/DD/rollout-*.jsonl`).
 * Only `session_meta`, `turn_context` and `token_count` lines are decoded.
 * Session totals come from the cumulative `total_token_usage`: each event
 * adds its difference to the previous snapshot, attributed to the model of
 * the latest `turn_context`; a snapshot that did not advance (Codex re-emits
 * them on UI and rate-limit refreshes) adds nothing. `last_token_usage` is
 * used only when the cumulative counter is missing or went back (a reset).
 * Forks and sub-agent threads start with a replayed copy of the parent's
 * events, written in the same second as their `session_meta`: those set the
 * baseline and are not counted.
 */
export class CodexLogReader extends BaseLogReader {
  private id: string | undefined;
  private cwd: string | undefined;
  private forkedFrom: string | undefined;
  private subagent = false;
  private model: string | undefined;
  private prev: RawUsage | undefined;
  private replaySecond: string | undefined;
  private window: number | undefined;

  constructor(file: string, options: ReaderOptions = {}) {
    // Markers under 8 bytes make Buffer.indexOf a memchr on their first byte, and `_` is rare in
    // logs: `_count"` ends `"token_count"`, `_contex` is in `"turn_context"` (and in
    // `model_context_window`, on lines that are few and small). `session_meta` is the first line.
    super('codex', file, ['_count"', '_contex'], true, options);
  }

  protected sessionId(): string {
    return this.id ?? UUID_AT_END.exec(this.file)?.[1] ?? path.basename(this.file, '.jsonl');
  }

  protected describe(u: SessionUsage): void {
    if (this.cwd !== undefined) u.cwd = this.cwd;
    if (this.subagent) u.subagent = true;
    if (this.forkedFrom !== undefined) u.forkedFrom = this.forkedFrom;
  }

  protected resetAgent(): void {
    this.id = this.cwd = this.forkedFrom = this.model = undefined;
    this.subagent = false;
    this.prev = undefined;
    this.replaySecond = undefined;
    this.window = undefined;
  }

  protected record(o: Obj): void {
    const payload = obj(o.payload);
    if (!payload) return;
    switch (o.type) {
      case 'session_meta':
        return this.sessionMeta(o, payload);
      case 'turn_context': {
        this.noteTime(o.timestamp);
        const model = str(payload.model);
        if (model) this.model = fromLatin1(model);
        const cwd = str(payload.cwd);
        if (cwd && this.cwd === undefined) this.cwd = fromLatin1(cwd);
        return;
      }
      case 'event_msg':
        if (payload.type === 'token_count') this.tokenCount(o, payload);
        return;
    }
  }

  private sessionMeta(o: Obj, p: Obj): void {
    // A resumed or forked log may carry more than one; the first names the session.
    if (this.id !== undefined) return;
    this.noteTime(o.timestamp);
    this.id = str(p.id);
    const cwd = str(p.cwd);
    if (cwd) this.cwd = fromLatin1(cwd);
    this.forkedFrom = str(p.forked_from_id);
    this.subagent = obj(obj(p.source)?.subagent) !== undefined;
    if ((this.forkedFrom || this.subagent) && typeof o.timestamp === 'string') this.replaySecond = o.timestamp.slice(0, 19);
  }

  private tokenCount(o: Obj, p: Obj): void {
    const info = obj(p.info);
    if (!info) return; // rate-limit-only snapshot
    const ts = typeof o.timestamp === 'string' ? o.timestamp : undefined;
    const total = rawUsage(info.total_token_usage);
    const last = rawUsage(info.last_token_usage);
    if (typeof info.model_context_window === 'number') this.window = count(info.model_context_window);
    const model = this.model ?? fromLatin1(str(info.model) ?? str(p.model) ?? 'unknown');

    let delta: RawUsage | undefined;
    if (total) {
      const prev = this.prev;
      if (!prev) delta = total;
      else if (total.total < prev.total) delta = last ?? total; // the counter restarted
      else
        delta = {
          input: Math.max(total.input - prev.input, 0),
          cached: Math.max(total.cached - prev.cached, 0),
          output: Math.max(total.output - prev.output, 0),
          reasoning: Math.max(total.reasoning - prev.reasoning, 0),
          total: Math.max(total.total - prev.total, 0),
        };
      this.prev = total;
    } else {
      delta = last;
    }

    if (this.replaySecond !== undefined) {
      if (ts !== undefined && ts.slice(0, 19) === this.replaySecond) return; // replayed parent history: baseline only
      this.replaySecond = undefined;
    }
    this.noteTime(ts);
    if (last) this.context = contextFill(last.total, model, ts, this.window);
    if (!delta || (delta.input === 0 && delta.cached === 0 && delta.output === 0 && delta.reasoning === 0)) return;
    const counts = toCounts(delta);
    this.acc.add(model, counts, this.isLong(model, last?.input ?? delta.input));
    this.lastModel = model;
  }
}
