import { UsageAccumulator } from './accumulator';
import { CursorOptions, LineHandler, LogCursor, ReadResult } from './logCursor';
import { longContextThreshold } from './pricing';
import { AgentKind, ContextFill, SessionUsage } from './types';
import { Obj, obj } from './values';

export interface ReaderOptions extends CursorOptions {
  /**
   * Prompt size above which a model's request counts as long-context (priced
   * higher). Defaults to the built-in price table's thresholds.
   */
  longContextThreshold?: (model: string) => number | undefined;
}

/** What every agent's reader offers. */
export interface AgentLogReader {
  readonly agent: AgentKind;
  readonly file: string;
  /** Reads what was appended since the last call and returns the usage so far. */
  update(): SessionUsage;
  /** The usage read so far, without reading. */
  usage(): SessionUsage;
  /** Outcome of the last read (bytes read, restart after truncation or replacement, missing file). */
  readonly lastRead: ReadResult | undefined;
}

export function contextFill(tokens: number, model: string, timestamp: string | undefined, window?: number): ContextFill {
  const c: ContextFill = { tokens, model };
  if (window) c.window = window;
  if (timestamp !== undefined) c.timestamp = timestamp;
  return c;
}

/**
 * Shared plumbing of the three readers: the cursor, per-model totals,
 * timestamps, malformed-line count and the snapshot. Subclasses parse records.
 */
export abstract class BaseLogReader implements AgentLogReader, LineHandler {
  lastRead: ReadResult | undefined;
  /** Lines decoded so far (lines holding a marker, plus the first line where the agent keeps metadata). */
  parsedLines = 0;
  protected readonly acc = new UsageAccumulator();
  protected readonly cursor: LogCursor;
  protected readonly threshold: (model: string) => number | undefined;
  protected malformed = 0;
  protected context: ContextFill | undefined;
  protected lastModel: string | undefined;
  private firstTs: string | undefined;
  private lastTs: string | undefined;
  private firstMs = Infinity;
  private lastMs = -Infinity;

  protected constructor(
    readonly agent: AgentKind,
    readonly file: string,
    markers: readonly string[],
    firstLine: boolean,
    options: ReaderOptions,
  ) {
    this.cursor = new LogCursor(file, { markers: markers.map((m) => Buffer.from(m, 'latin1')), firstLine }, this, options);
    const t = options.longContextThreshold ?? longContextThreshold;
    const cache = new Map<string, number | undefined>();
    this.threshold = (model) => {
      if (!cache.has(model)) cache.set(model, t(model));
      return cache.get(model);
    };
  }

  update(): SessionUsage {
    this.lastRead = this.cursor.read();
    return this.usage();
  }

  usage(): SessionUsage {
    const u: SessionUsage = {
      agent: this.agent,
      sessionId: this.sessionId(),
      file: this.file,
      models: this.acc.snapshot(),
      malformedLines: this.malformed + this.cursor.oversizedLines,
    };
    if (this.firstTs !== undefined) u.firstTimestamp = this.firstTs;
    if (this.lastTs !== undefined) u.lastTimestamp = this.lastTs;
    if (this.lastModel !== undefined) u.lastModel = this.lastModel;
    if (this.context) u.context = { ...this.context };
    this.describe(u);
    return u;
  }

  line(buf: Buffer, start: number, end: number): void {
    this.parsedLines++;
    const o = this.decode(buf, start, end);
    if (o) this.record(o);
    else this.malformed++;
  }

  /** The line as a JSON object (or the part of it the reader needs); undefined when it does not parse. */
  protected decode(buf: Buffer, start: number, end: number): Obj | undefined {
    try {
      return obj(JSON.parse(buf.toString('latin1', start, end)));
    } catch {
      return undefined;
    }
  }

  reset(): void {
    this.parsedLines = 0;
    this.acc.clear();
    this.malformed = 0;
    this.context = undefined;
    this.lastModel = undefined;
    this.firstTs = this.lastTs = undefined;
    this.firstMs = Infinity;
    this.lastMs = -Infinity;
    this.resetAgent();
  }

  /** Widens the first/last timestamp range. */
  protected noteTime(ts: unknown): void {
    if (typeof ts !== 'string') return;
    const ms = Date.parse(ts);
    if (Number.isNaN(ms)) return;
    if (ms < this.firstMs) {
      this.firstMs = ms;
      this.firstTs = ts;
    }
    if (ms > this.lastMs) {
      this.lastMs = ms;
      this.lastTs = ts;
    }
  }

  /** Whether a request with this many prompt tokens is priced at long-context rates. */
  protected isLong(model: string, promptTokens: number): boolean {
    const t = this.threshold(model);
    return t !== undefined && promptTokens > t;
  }

  /** One parsed line that held a marker. */
  protected abstract record(o: Obj): void;
  protected abstract resetAgent(): void;
  protected abstract sessionId(): string;
  /** Adds the agent's own fields (cwd, subagent, ...) to a snapshot. */
  protected abstract describe(u: SessionUsage): void;
}
