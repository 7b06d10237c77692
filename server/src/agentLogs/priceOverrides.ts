import { z } from 'zod';
import { ModelPrice, PriceTable, findModelPrice } from './pricing';

/**
 * User price overrides: a record of model name to partial prices (USD per
 * million tokens), validated with zod; bad entries are reported by key and
 * dropped, never fatal.
 */

const perMillion = z
  .number({ error: 'must be a number: USD per million tokens' })
  .finite('must be a finite number')
  .nonnegative('cannot be negative');

const tierShape = {
  input: perMillion.optional(),
  cachedInput: perMillion.optional(),
  cacheWrite: perMillion.optional(),
  cacheWrite1h: perMillion.optional(),
  output: perMillion.optional(),
};

/** One model's override: any subset of its prices, per million tokens. */
export const priceOverrideSchema = z.strictObject({
  ...tierShape,
  longContext: z
    .strictObject({
      threshold: z.number({ error: 'must be a number of prompt tokens' }).int('must be a whole number').positive('must be positive'),
      ...tierShape,
    })
    .optional(),
});

export type PriceOverride = z.infer<typeof priceOverrideSchema>;

export interface PriceProblem {
  /** Key of the bad value, the model quoted (names hold dots): `tokens.prices["gpt-5.1"].input`. */
  key: string;
  message: string;
}

/**
 * Validates a `model -> partial prices` record. Each model is checked on its
 * own: a bad entry is reported (with the key that names it) and dropped, the
 * others still apply. Never throws.
 */
export function parsePriceOverrides(
  raw: unknown,
  keyPrefix = 'tokens.prices',
): { overrides: Record<string, PriceOverride>; problems: PriceProblem[] } {
  const overrides: Record<string, PriceOverride> = {};
  const problems: PriceProblem[] = [];
  if (raw === undefined || raw === null) return { overrides, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ key: keyPrefix, message: `${keyPrefix}: expected a mapping of model name to prices` });
    return { overrides, problems };
  }
  for (const [model, value] of Object.entries(raw as Record<string, unknown>)) {
    if (model.trim() === '') {
      problems.push({ key: `${keyPrefix}[""]`, message: `${keyPrefix}: a model name cannot be empty` });
      continue;
    }
    const parsed = priceOverrideSchema.safeParse(value);
    if (parsed.success) {
      overrides[model] = parsed.data;
      continue;
    }
    for (const issue of parsed.error.issues) {
      const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const paths = unknownKeys.length ? unknownKeys.map((k) => [...issue.path, k]) : [issue.path];
      for (const p of paths) {
        const key = [`${keyPrefix}[${JSON.stringify(model)}]`, ...p.map(String)].join('.');
        const message = unknownKeys.length
          ? 'unknown price; use input, cachedInput, cacheWrite, cacheWrite1h, output or longContext'
          : issue.code === 'invalid_type' && issue.expected === 'object'
            ? 'expected a mapping such as { "input": 1.25, "output": 10 } (USD per million tokens)'
            : issue.message;
        problems.push({ key, message: `${key}: ${message}` });
      }
    }
  }
  return { overrides, problems };
}

/** The table with overrides laid over it: listed models are merged field by field, new ones added. */
export function applyPriceOverrides(table: PriceTable, overrides: Record<string, PriceOverride>): PriceTable {
  const models: Record<string, ModelPrice> = { ...table.models };
  for (const [model, o] of Object.entries(overrides)) {
    const base = findModelPrice(model, table);
    const key = base?.key ?? model;
    const old: ModelPrice = base?.price ?? {};
    const merged: ModelPrice = { ...old, ...o };
    if (o.longContext) merged.longContext = { ...old.longContext, ...o.longContext };
    models[key] = merged;
  }
  return { ...table, source: `${table.source}, with user overrides`, models };
}
