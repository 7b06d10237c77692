import * as path from 'node:path';
import { RequestStore } from './accumulator';
import { BaseLogReader, ReaderOptions, contextFill } from './baseReader';
import { Obj, count, fromLatin1, obj, str } from './values';
import { SessionUsage, TokenCounts } from './types';

const MESSAGE = Buffer.from('"message":{');
const CONTENT = Buffer.from('"content":[');
const STOP_REASON = Buffer.from('],"stop_reason":');
const USAGE = Buffer.from('"usage"');

/** `<sessionId>/subagents/agent-<agentId>.jsonl`: the sub-agent's session is the parent's. */
const SUBAGENT_FILE = /[\\/]([^\\/]+)[\\/]subagents[\\/]agent-[^\\/]*\.jsonl$/;

/**
 * Claude Code transcript (`<config>/projects/<encoded-cwd>/<sessionId>.jsonl`
 * and its sub-agent files). Only lines holding `"usage"` are decoded; of
 * those, `assistant` records with `message.usage` count. One API response is
 * written as several lines (one per content block) and resumed sessions copy
 * lines, so requests are de-duplicated on `message.id:requestId`, keeping the
 * last line of each (streamed chunks carry the final `output_tokens` only on
 * the last), unless the kept line was final (`stop_reason` set) and the new
 * one is not, and never lowering `output_tokens` (ccusage 20.0.24 keeps the
 * largest too). Lines without both ids count on their own.
 */
export class ClaudeLogReader extends BaseLogReader {
  private readonly requests = new RequestStore();
  private id: string | undefined;
  private cwd: string | undefined;
  private unkeyed = 0;
  private readonly subagentFile: boolean;

  constructor(file: string, options: ReaderOptions = {}) {
    super('claude', file, ['"usage"'], false, options);
    this.subagentFile = SUBAGENT_FILE.test(file) || path.basename(file).startsWith('agent-');
  }

  /** Requests counted (after de-duplication). */
  get requestCount(): number {
    return this.requests.size + this.unkeyed;
  }

  /**
   * Parses the line without `message.content` (the bulk of an assistant line):
   * the array between the first `"content":[` after `"message":{` and the last
   * `],"stop_reason":` before `"usage"` is replaced by `[]`. With any other
   * layout, or if the cut text does not parse, the whole line is parsed.
   */
  protected override decode(buf: Buffer, start: number, end: number): Obj | undefined {
    const line = buf.subarray(start, end);
    const m = line.indexOf(MESSAGE);
    const c = m >= 0 ? line.indexOf(CONTENT, m) : -1;
    const u = c >= 0 ? line.lastIndexOf(USAGE) : -1;
    const st = u > c ? line.lastIndexOf(STOP_REASON, u) : -1;
    if (st > c) {
      try {
        const o = obj(JSON.parse(line.toString('latin1', 0, c + CONTENT.length - 1) + '[]' + line.toString('latin1', st + 1)));
        if (obj(obj(o?.message)?.usage)) return o;
      } catch {
        // fall back to the whole line
      }
    }
    return super.decode(buf, start, end);
  }

  protected sessionId(): string {
    return this.id ?? SUBAGENT_FILE.exec(this.file)?.[1] ?? path.basename(this.file, '.jsonl');
  }

  protected describe(u: SessionUsage): void {
    if (this.cwd !== undefined) u.cwd = this.cwd;
    if (this.subagentFile) u.subagent = true;
  }

  protected resetAgent(): void {
    this.requests.clear();
    this.id = this.cwd = undefined;
    this.unkeyed = 0;
  }

  protected record(o: Obj): void {
    if (o.type !== 'assistant') return;
    const message = obj(o.message);
    const usage = obj(message?.usage);
    if (!message || !usage) return;
    const rawModel = str(message.model) ?? 'unknown';
    if (rawModel === '<synthetic>') return; // locally generated, zero usage
    const model = fromLatin1(rawModel);
    if (this.id === undefined) this.id = str(o.sessionId);
    if (this.cwd === undefined) {
      const cwd = str(o.cwd);
      if (cwd) this.cwd = fromLatin1(cwd);
    }
    this.noteTime(o.timestamp);

    const counts = claudeCounts(usage);
    const prompt = counts.input + counts.cachedInput + counts.cacheWrite;
    const long = this.isLong(model, prompt);
    const final = message.stop_reason !== null && message.stop_reason !== undefined;
    const msgId = str(message.id);
    const reqId = str(o.requestId);
    if (msgId && reqId) {
      const key = `${msgId}:${reqId}`;
      const old = this.requests.get(key);
      if (old) {
        if (old.final && !final) return;
        this.acc.add(old.model, old.counts, old.long, -1);
        // Streamed chunks carry a placeholder output count; the final one is the largest.
        if (old.counts.output > counts.output) {
          counts.total += old.counts.output - counts.output;
          counts.output = old.counts.output;
        }
      }
      this.requests.set(key, { model, counts, long, final });
    } else {
      this.unkeyed++;
    }
    this.acc.add(model, counts, long);
    this.lastModel = model;
    this.context = contextFill(prompt + counts.output, model, str(o.timestamp));
  }
}

/** The four disjoint Claude buckets; without a `cache_creation` breakdown all writes are 5-minute writes. */
export function claudeCounts(u: Obj): TokenCounts {
  const breakdown = obj(u.cache_creation);
  const write5m = count(breakdown?.ephemeral_5m_input_tokens);
  const write1h = count(breakdown?.ephemeral_1h_input_tokens);
  const cacheWrite = typeof u.cache_creation_input_tokens === 'number' ? count(u.cache_creation_input_tokens) : write5m + write1h;
  const input = count(u.input_tokens);
  const cachedInput = count(u.cache_read_input_tokens);
  const output = count(u.output_tokens);
  return {
    input,
    cachedInput,
    cacheWrite,
    cacheWrite1h: Math.min(write1h, cacheWrite),
    output,
    reasoning: 0,
    total: input + cachedInput + cacheWrite + output,
  };
}
