import assert from 'node:assert/strict';
import prices from '../../../server/src/agentLogs/prices.json';
import { applyPriceOverrides, parsePriceOverrides } from '../../../server/src/agentLogs/priceOverrides';
import { BUILTIN_PRICES, findModelPrice, longContextThreshold, modelCost, sessionCost } from '../../../server/src/agentLogs/pricing';
import { ModelUsage, emptyCounts } from '../../../server/src/agentLogs/types';
import { near, tc } from './helpers';

function usage(input: number, cachedInput: number, cacheWrite: number, cacheWrite1h: number, output: number, long?: ModelUsage['longContext']): ModelUsage {
  const u: ModelUsage = { ...tc(input, cachedInput, cacheWrite, cacheWrite1h, output, 0), requests: 1 };
  if (long) u.longContext = long;
  return u;
}

describe('tokens: pricing', () => {
  it('prices.json records its source, date and unit', () => {
    assert.match(prices.source, /LiteLLM.*ccusage 20\.0\.24/);
    assert.match(prices.retrieved, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(prices.unit, 'USD per 1,000,000 tokens');
    assert.ok(Object.keys(prices.models).length >= 20);
  });

  it('has every model of the fixtures, at the README prices', () => {
    const p = (m: string) => findModelPrice(m)?.price;
    assert.deepEqual(p('gpt-5.1-codex'), { input: 1.25, cachedInput: 0.125, output: 10 });
    assert.deepEqual(p('gpt-5.1-codex-mini'), { input: 0.25, cachedInput: 0.025, output: 2 });
    assert.deepEqual(p('gpt-5.1'), { input: 1.25, cachedInput: 0.125, output: 10 });
    assert.equal(p('claude-sonnet-4-5-20250929')?.cacheWrite, 3.75);
    assert.equal(p('claude-sonnet-4-5-20250929')?.cacheWrite1h, 6);
    assert.equal(p('claude-haiku-4-5-20251001')?.output, 5);
    assert.equal(p('claude-haiku-4-5-20251001')?.cacheWrite, 1.25);
    assert.equal(p('claude-sonnet-4-20250514')?.cachedInput, 0.3);
    assert.equal(p('claude-sonnet-4-20250514')?.cacheWrite, 3.75);
    assert.deepEqual(p('gemini-2.5-flash'), { input: 0.3, cachedInput: 0.03, output: 2.5 });
    assert.equal(p('gemini-2.5-pro')?.input, 1.25);
    assert.equal(p('gemini-2.5-pro')?.output, 10);
  });

  it('a known model: tokens x price per bucket', () => {
    // 12926 uncached + 22784 cached input, 2605 output of gpt-5.1-codex (README: $0.0450555)
    assert.ok(near(modelCost(usage(12926, 22784, 0, 0, 2605), findModelPrice('gpt-5.1-codex')?.price), 0.0450555));
    // Claude: input, output, reads, 210 5-minute and 8410 1-hour writes (README: $0.0991845)
    assert.ok(near(modelCost(usage(25, 70640, 8620, 8410, 1778), findModelPrice('claude-sonnet-4-5-20250929')?.price), 0.0991845));
  });

  it('an unknown model is unpriced: undefined, never a wrong number', () => {
    assert.equal(findModelPrice('gpt-7-ultra'), undefined);
    assert.equal(modelCost(usage(1000, 0, 0, 0, 100), undefined), undefined);
    const cost = sessionCost({ models: { 'gpt-5': usage(1_000_000, 0, 0, 0, 0), 'gpt-7-ultra': usage(10, 0, 0, 0, 1) } });
    assert.equal(cost.total, undefined);
    assert.deepEqual(cost.unpriced, ['gpt-7-ultra']);
    assert.ok(near(cost.priced, 1.25));
    assert.equal(cost.byModel['gpt-7-ultra'], undefined);
    // no fuzzy neighbour: o3 is not priced like o3-mini, a dated id is not a different model's
    assert.equal(findModelPrice('o3'), undefined);
    assert.equal(findModelPrice('claude-sonnet-4-5-2025'), undefined);
  });

  it('a bucket without a price makes the model unpriced', () => {
    // gpt-5 has no cache-write price: tokens there cannot be priced
    assert.equal(modelCost(usage(10, 0, 5, 0, 0), findModelPrice('gpt-5')?.price), undefined);
    // ...but zero tokens cost zero, priced or not
    assert.equal(modelCost({ ...emptyCounts(), requests: 0 }, undefined), 0);
  });

  it('finds a model by exact name, provider prefix, bracket suffix or date suffix', () => {
    assert.equal(findModelPrice('claude-sonnet-4-5-20250929')?.key, 'claude-sonnet-4-5-20250929');
    assert.equal(findModelPrice('openai/gpt-5')?.key, 'gpt-5');
    assert.equal(findModelPrice('GPT-5-Codex')?.key, 'gpt-5-codex');
    assert.equal(findModelPrice('gpt-5-2025-08-07')?.key, 'gpt-5');
    assert.equal(findModelPrice('claude-haiku-4-5-20991231')?.key, 'claude-haiku-4-5');
    assert.equal(findModelPrice('claude-sonnet-4-5[1m]')?.key, 'claude-sonnet-4-5');
  });

  it('long-context requests are priced at the long-context rates, all of their tokens', () => {
    const sonnet = findModelPrice('claude-sonnet-4-5-20250929')?.price;
    assert.equal(longContextThreshold('claude-sonnet-4-5-20250929'), 200000);
    assert.equal(longContextThreshold('gpt-5.4'), 272000);
    assert.equal(longContextThreshold('gpt-5'), undefined);
    // one request of 250,000 read tokens and 1,000 output, one small request
    const long = tc(0, 250_000, 0, 0, 1_000, 0);
    const all = usage(100, 250_000 + 10_000, 0, 0, 1_000 + 500, long);
    const expected = (250_000 * 0.6 + 1_000 * 22.5 + 100 * 3 + 10_000 * 0.3 + 500 * 15) / 1e6;
    assert.ok(near(modelCost(all, sonnet), expected));
    // a model without a long-context tier costs the same at any size
    const flat = findModelPrice('claude-haiku-4-5')?.price;
    assert.ok(near(modelCost(usage(100, 260_000, 0, 0, 1_500, long), flat), modelCost(usage(100, 260_000, 0, 0, 1_500), flat) ?? NaN));
  });

  it('1-hour cache writes default to 2 x input when a price has no cacheWrite1h', () => {
    const table = applyPriceOverrides(BUILTIN_PRICES, { 'my-model': { input: 2, cacheWrite: 2.5, output: 10 } });
    assert.ok(near(modelCost(usage(0, 0, 1_000_000, 1_000_000, 0), findModelPrice('my-model', table)?.price), 4));
  });

  describe('overrides', () => {
    it('a valid override merges into a listed model and adds a new one', () => {
      const { overrides, problems } = parsePriceOverrides({ 'gpt-5': { output: 12 }, 'acme-coder': { input: 1, cachedInput: 0.1, output: 4 } });
      assert.deepEqual(problems, []);
      const table = applyPriceOverrides(BUILTIN_PRICES, overrides);
      assert.deepEqual(findModelPrice('gpt-5', table)?.price, { input: 1.25, cachedInput: 0.125, output: 12 });
      assert.ok(near(modelCost(usage(1_000_000, 0, 0, 0, 1_000_000), findModelPrice('acme-coder', table)?.price), 5));
      assert.equal(findModelPrice('gpt-5')?.price.output, 10, 'the built-in table is not changed');
      assert.match(table.source, /user overrides/);
    });

    it('bad values get a message naming the key, and only that model is dropped', () => {
      const { overrides, problems } = parsePriceOverrides({
        'gpt-5': { input: 'cheap' },
        'claude-sonnet-4-5': { output: -1, cahcedInput: 0.3 },
        'gemini-2.5-pro': { longContext: { threshold: 0, input: 2.5 } },
        'acme-coder': 3,
        'gpt-5-mini': { input: 0.2 },
      });
      assert.deepEqual(Object.keys(overrides), ['gpt-5-mini']);
      const byKey = Object.fromEntries(problems.map((p) => [p.key, p.message]));
      assert.equal(byKey['tokens.prices["gpt-5"].input'], 'tokens.prices["gpt-5"].input: must be a number: USD per million tokens');
      assert.match(byKey['tokens.prices["claude-sonnet-4-5"].output'], /cannot be negative/);
      assert.match(byKey['tokens.prices["claude-sonnet-4-5"].cahcedInput'], /unknown price; use input, cachedInput/);
      assert.match(byKey['tokens.prices["gemini-2.5-pro"].longContext.threshold'], /must be positive/);
      assert.match(byKey['tokens.prices["acme-coder"]'], /expected a mapping/);
      assert.equal(problems.length, 5);
    });

    it('a non-object is one clear problem, not a crash', () => {
      assert.deepEqual(parsePriceOverrides([1, 2], 'podflow.tokens.prices').problems, [
        { key: 'podflow.tokens.prices', message: 'podflow.tokens.prices: expected a mapping of model name to prices' },
      ]);
      assert.deepEqual(parsePriceOverrides(undefined), { overrides: {}, problems: [] });
    });
  });
});
