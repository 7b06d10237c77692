import builtin from './prices.json';
import { ModelUsage, SessionUsage, TokenCounts, addCounts, emptyCounts, isZero } from './types';

/** USD per million tokens for each bucket; an absent bucket is unpriced. */
export interface TierPrices {
  input?: number;
  /** Cache reads (Claude), cached input (Codex, Gemini). */
  cachedInput?: number;
  /** 5-minute cache writes. */
  cacheWrite?: number;
  /** 1-hour cache writes; 2 x `input` when absent (Anthropic's rule, as ccusage computes it). */
  cacheWrite1h?: number;
  output?: number;
}

export interface LongContextPrices extends TierPrices {
  /** A request whose prompt (all input buckets) has more tokens than this is priced at these rates, all of it. */
  threshold: number;
}

export interface ModelPrice extends TierPrices {
  longContext?: LongContextPrices;
}

export interface PriceTable {
  source: string;
  retrieved: string;
  models: Record<string, ModelPrice>;
}

/** The table shipped in prices.json (same prices as ccusage 20.0.24 offline). */
export const BUILTIN_PRICES: PriceTable = { source: builtin.source, retrieved: builtin.retrieved, models: builtin.models };

const DATE_SUFFIX = /-(?:\d{8}|\d{4}-\d{2}-\d{2})$/;

/**
 * The price of a model as its log spells it: the exact name, else lower case,
 * without a provider prefix (`openai/gpt-5`), a bracket suffix
 * (`claude-sonnet-4-5[1m]`) or a date suffix (`gpt-5-2025-08-07`). No fuzzy
 * matching: a model that is not listed is unpriced rather than priced like a
 * neighbour.
 */
export function findModelPrice(model: string, table: PriceTable = BUILTIN_PRICES): { key: string; price: ModelPrice } | undefined {
  const models = table.models;
  const hit = (k: string) => (Object.prototype.hasOwnProperty.call(models, k) ? { key: k, price: models[k] } : undefined);
  const exact = hit(model);
  if (exact) return exact;
  let name = model.trim().toLowerCase();
  name = name.slice(name.lastIndexOf('/') + 1).replace(/\[[^\]]*\]$/, '');
  return hit(name) ?? (DATE_SUFFIX.test(name) ? hit(name.replace(DATE_SUFFIX, '')) : undefined);
}

/** Prompt size above which a request of this model is priced at long-context rates; undefined when it has no such tier. */
export function longContextThreshold(model: string, table: PriceTable = BUILTIN_PRICES): number | undefined {
  return findModelPrice(model, table)?.price.longContext?.threshold;
}

/** Cost of some counts at one tier of prices; undefined when a bucket with tokens has no price. */
export function costOfCounts(c: TokenCounts, p: TierPrices): number | undefined {
  const write1h = Math.min(c.cacheWrite1h, c.cacheWrite);
  const parts: [number, number | undefined][] = [
    [c.input, p.input],
    [c.cachedInput, p.cachedInput],
    [c.cacheWrite - write1h, p.cacheWrite],
    [write1h, p.cacheWrite1h ?? (p.input === undefined ? undefined : 2 * p.input)],
    [c.output, p.output],
  ];
  // Summed in token x USD-per-million first, divided once: fewer rounding steps.
  let micro = 0;
  for (const [tokens, price] of parts) {
    if (tokens === 0) continue;
    if (price === undefined) return undefined;
    micro += tokens * price;
  }
  return micro / 1e6;
}

/** Cost of one model's usage; undefined ("unpriced") when the model or a bucket it used has no price. */
export function modelCost(usage: ModelUsage, price: ModelPrice | undefined): number | undefined {
  if (isZero(usage)) return 0;
  if (!price) return undefined;
  const long = usage.longContext;
  if (!long || isZero(long)) return costOfCounts(usage, price);
  const normal = emptyCounts();
  addCounts(normal, usage);
  addCounts(normal, long, -1);
  // Without a long-context tier the model costs the same at any prompt size.
  const tier: TierPrices = price.longContext ?? price;
  const a = costOfCounts(normal, price);
  const b = costOfCounts(long, tier);
  return a === undefined || b === undefined ? undefined : a + b;
}

export interface SessionCost {
  /** Sum over models; undefined when any model with tokens is unpriced. */
  total: number | undefined;
  /** Sum over the priced models only. */
  priced: number;
  byModel: Record<string, number | undefined>;
  /** Models with tokens and no price. */
  unpriced: string[];
}

export function sessionCost(usage: Pick<SessionUsage, 'models'>, table: PriceTable = BUILTIN_PRICES): SessionCost {
  const byModel: Record<string, number | undefined> = {};
  const unpriced: string[] = [];
  let priced = 0;
  for (const [model, m] of Object.entries(usage.models)) {
    const cost = modelCost(m, findModelPrice(model, table)?.price);
    byModel[model] = cost;
    if (cost === undefined) unpriced.push(model);
    else priced += cost;
  }
  return { total: unpriced.length ? undefined : priced, priced, byModel, unpriced };
}
