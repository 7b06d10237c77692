import * as fs from 'node:fs';
import * as path from 'node:path';
import { RequestStore } from './accumulator';
import { BaseLogReader, ReaderOptions, contextFill } from './baseReader';
import { Obj, count, fromLatin1, obj, str } from './values';
import { geminiChatPlace, geminiProjectRoot } from './geminiProjects';
import { PickSpec, pickJson } from './jsonPick';
import { SessionUsage, TokenCounts } from './types';

/**
 * The fields read from a message line. Gemini re-appends whole messages, tool
 * results included; those come after the fields podflow reads, so the walk
 * stops once it has them and the rest of the line is never looked at.
 */
const MESSAGE: PickSpec = { type: true, id: true, model: true, timestamp: true, tokens: true };

/** Legacy whole-document chats larger than this are not read. */
const MAX_JSON_BYTES = 64 << 20;

/**
 * Gemini CLI chat recording (`~/.gemini/tmp/<project>/chats/session-*.jsonl`,
 * and the older one-document `session-*.json`). A message is re-appended in
 * full whenever it changes, so `gemini` messages are de-duplicated by `id`,
 * keeping the last line that has tokens. Usage of rewound messages stays
 * counted: it was billed. `input` includes `cached`; thoughts are output;
 * tool-use prompt tokens are input.
 */
export class GeminiLogReader extends BaseLogReader {
  private readonly requests = new RequestStore();
  private id: string | undefined;
  private hash: string | undefined;
  private kindSubagent = false;
  private model: string | undefined;
  private unkeyed = 0;
  private readonly cwd: string | undefined;
  private readonly parentSessionId: string | undefined;
  private readonly legacy: boolean;
  private legacyStamp = '';

  constructor(file: string, options: ReaderOptions = {}) {
        // The metadata (session id, project hash) is the first line; `"tokens` is under 8 bytes (memchr search).
    super('gemini', file, ['"tokens'], true, options);
    const place = geminiChatPlace(file);
    this.cwd = place ? geminiProjectRoot(place.projectDir) : undefined;
    this.parentSessionId = place?.parentSessionId;
    this.legacy = file.endsWith('.json');
  }

  override update(): SessionUsage {
    if (!this.legacy) return super.update();
    this.lastRead = this.readLegacy();
    return this.usage();
  }

  protected override decode(buf: Buffer, start: number, end: number): Obj | undefined {
    // The first line is the session's metadata: small, parsed whole.
    return this.parsedLines === 1 ? super.decode(buf, start, end) : pickJson(buf, start, end, MESSAGE, true);
  }

  protected sessionId(): string {
    return this.id ?? path.basename(this.file).replace(/\.jsonl?$/, '');
  }

  protected describe(u: SessionUsage): void {
    if (this.cwd !== undefined) u.cwd = this.cwd;
    if (this.hash !== undefined) u.projectHash = this.hash;
    if (this.kindSubagent || this.parentSessionId !== undefined) u.subagent = true;
  }

  protected resetAgent(): void {
    this.requests.clear();
    this.id = this.hash = this.model = undefined;
    this.kindSubagent = false;
    this.unkeyed = 0;
  }

  protected record(o: Obj): void {
    if (o.type === undefined && typeof o.sessionId === 'string') {
      this.metadata(o);
      return;
    }
    if (o.type !== 'gemini') return;
    const rawModel = str(o.model);
    if (rawModel) this.model = fromLatin1(rawModel);
    const tokens = obj(o.tokens);
    if (!tokens) return; // tokens arrive in a later copy of the message
    const model = this.model ?? 'unknown';
    this.noteTime(o.timestamp);
    const counts = geminiCounts(tokens);
    const prompt = counts.input + counts.cachedInput;
    const long = this.isLong(model, prompt);
    const id = str(o.id);
    if (id) {
      const old = this.requests.get(id);
      if (old) this.acc.add(old.model, old.counts, old.long, -1);
      this.requests.set(id, { model, counts, long, final: true });
    } else {
      this.unkeyed++;
    }
    this.acc.add(model, counts, long);
    this.lastModel = model;
    this.context = contextFill(counts.total, model, str(o.timestamp));
  }

  private metadata(o: Obj): void {
    if (this.id === undefined) this.id = str(o.sessionId);
    if (this.hash === undefined) this.hash = str(o.projectHash);
    if (o.kind === 'subagent') this.kindSubagent = true;
    this.noteTime(o.startTime);
  }

  /** A whole-document chat: read again from scratch whenever it changed. */
  private readLegacy(): { bytes: number; restarted: boolean; missing: boolean } {
    let st: fs.Stats;
    try {
      st = fs.statSync(this.file);
    } catch {
      return { bytes: 0, restarted: false, missing: true };
    }
    const stamp = `${st.ino}:${st.size}:${st.mtimeMs}`;
    if (stamp === this.legacyStamp) return { bytes: 0, restarted: false, missing: false };
    const restarted = this.legacyStamp !== '';
    this.legacyStamp = stamp;
    this.reset();
    if (st.size > MAX_JSON_BYTES) {
      this.malformed++;
      return { bytes: 0, restarted, missing: false };
    }
    let doc: Obj | undefined;
    let bytes = 0;
    try {
      const buf = fs.readFileSync(this.file);
      bytes = buf.length;
      doc = obj(JSON.parse(buf.toString('latin1')));
    } catch {
      doc = undefined;
    }
    if (!doc) {
      this.malformed++;
      return { bytes, restarted, missing: false };
    }
    this.metadata(doc);
    const messages = Array.isArray(doc.messages) ? doc.messages : [];
    for (const m of messages) {
      const message = obj(m);
      if (message) this.record(message);
    }
    return { bytes, restarted, missing: false };
  }
}

/**
 * Gemini's `tokens` in podflow's buckets. `input` (promptTokenCount) includes
 * `cached`, unless `total` shows it does not (total = input + cached + ...).
 */
export function geminiCounts(t: Obj): TokenCounts {
  const input = count(t.input);
  const cached = count(t.cached);
  const output = count(t.output);
  const thoughts = count(t.thoughts);
  const tool = count(t.tool);
  const inclusive = input + output + thoughts + tool;
  const excludesCached = cached > 0 && t.total === inclusive + cached;
  const cachedInput = excludesCached ? cached : Math.min(cached, input);
  const uncached = excludesCached ? input : input - cachedInput;
  return {
    input: uncached + tool,
    cachedInput,
    cacheWrite: 0,
    cacheWrite1h: 0,
    output: output + thoughts,
    reasoning: thoughts,
    total: uncached + tool + cachedInput + output + thoughts,
  };
}
