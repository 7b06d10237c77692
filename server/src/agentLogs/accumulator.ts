import { ModelUsage, TokenCounts, addCounts, emptyCounts, emptyModelUsage } from './types';

/** Per-model running totals; requests can be added and taken back (for keep-last de-duplication). */
export class UsageAccumulator {
  private models = new Map<string, ModelUsage>();

  add(model: string, c: TokenCounts, long: boolean, sign: 1 | -1 = 1): void {
    let m = this.models.get(model);
    if (!m) this.models.set(model, (m = emptyModelUsage()));
    addCounts(m, c, sign);
    m.requests += sign;
    if (long) addCounts((m.longContext ??= emptyCounts()), c, sign);
  }

  /** A deep copy, without models whose requests all were taken back. */
  snapshot(): Record<string, ModelUsage> {
    const out: Record<string, ModelUsage> = {};
    for (const [model, m] of this.models) {
      if (m.requests <= 0) continue;
      const copy: ModelUsage = { ...m };
      if (m.longContext && m.longContext.total > 0) copy.longContext = { ...m.longContext };
      else delete copy.longContext;
      out[model] = copy;
    }
    return out;
  }

  clear(): void {
    this.models.clear();
  }
}

/** Slot layout of RequestStore: six counts, then model index, then flags. */
const STRIDE = 8;
const FLAG_LONG = 1;
const FLAG_FINAL = 2;

export interface StoredRequest {
  model: string;
  counts: TokenCounts;
  long: boolean;
  /** The line said the response was complete (Claude `stop_reason` set). */
  final: boolean;
}

/**
 * The requests counted so far under a de-duplication key, kept compact (one
 * Map entry and eight doubles per request) so that a later line with the same
 * key can replace an earlier one.
 */
export class RequestStore {
  private slots = new Map<string, number>();
  private data = new Float64Array(STRIDE * 1024);
  private used = 0;
  private modelIds = new Map<string, number>();
  private modelNames: string[] = [];

  get size(): number {
    return this.slots.size;
  }

  get(key: string): StoredRequest | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    const d = this.data;
    const o = slot * STRIDE;
    const counts: TokenCounts = {
      input: d[o],
      cachedInput: d[o + 1],
      cacheWrite: d[o + 2],
      cacheWrite1h: d[o + 3],
      output: d[o + 4],
      reasoning: d[o + 5],
      total: d[o] + d[o + 1] + d[o + 2] + d[o + 4],
    };
    const flags = d[o + 7];
    return { model: this.modelNames[d[o + 6]], counts, long: (flags & FLAG_LONG) !== 0, final: (flags & FLAG_FINAL) !== 0 };
  }

  set(key: string, r: StoredRequest): void {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.used++;
      if (slot * STRIDE >= this.data.length) {
        const bigger = new Float64Array(this.data.length * 2);
        bigger.set(this.data);
        this.data = bigger;
      }
      this.slots.set(key, slot);
    }
    let mid = this.modelIds.get(r.model);
    if (mid === undefined) {
      mid = this.modelNames.push(r.model) - 1;
      this.modelIds.set(r.model, mid);
    }
    const d = this.data;
    const o = slot * STRIDE;
    const c = r.counts;
    d[o] = c.input;
    d[o + 1] = c.cachedInput;
    d[o + 2] = c.cacheWrite;
    d[o + 3] = c.cacheWrite1h;
    d[o + 4] = c.output;
    d[o + 5] = c.reasoning;
    d[o + 6] = mid;
    d[o + 7] = (r.long ? FLAG_LONG : 0) | (r.final ? FLAG_FINAL : 0);
  }

  clear(): void {
    this.slots.clear();
    this.data = new Float64Array(STRIDE * 1024);
    this.used = 0;
    this.modelIds.clear();
    this.modelNames = [];
  }
}
