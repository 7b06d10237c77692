import assert from 'node:assert/strict';
import { budgetMessages, evaluateBudgets, keysShown, type BudgetPeriod, type Budgets, type PeriodUsage } from '../../../server/src/agentLogs/budgets';

const zero: PeriodUsage = { tokens: 0, usd: 0 };
function usage(over: Partial<Record<BudgetPeriod, PeriodUsage>>): Record<BudgetPeriod, PeriodUsage> {
  return { session: zero, day: zero, month: zero, ...over };
}

describe('token budgets', () => {
  const budgets: Budgets = { day: { usd: 10 } };
  const keyOf = (p: BudgetPeriod) => (p === 'day' ? '2026-11-30' : p === 'month' ? '2026-11' : 'sess-1');

  it('escalates at 79/80/90/100/150% with exact colours and one message per threshold per period', () => {
    const seen = new Set<string>();
    const steps: [number, string | undefined, string[]][] = [
      [7.9, undefined, []],
      [8.0, 'warning', ['info:80']],
      [8.5, 'warning', []],
      [9.0, 'warning', ['warning:90']],
      [9.9, 'warning', []],
      [10.0, 'error', ['error:100']],
      [15.0, 'error', []],
    ];
    for (const [usd, colour, messages] of steps) {
      const state = evaluateBudgets(budgets, usage({ day: { tokens: 0, usd } }));
      assert.equal(state.colour, colour, `colour at $${usd}`);
      const msgs = budgetMessages(state, keyOf, seen);
      assert.deepEqual(msgs.map((m) => `${m.level}:${m.threshold}`), messages, `messages at $${usd}`);
      for (const k of keysShown(msgs)) seen.add(k);
    }
    assert.equal(evaluateBudgets(budgets, usage({ day: { tokens: 0, usd: 15 } })).tightest?.fraction, 1.5);
  });

  it('the 90% message offers the usage breakdown; 100% recommends a cheaper or local model and blocks nothing', () => {
    const m90 = budgetMessages(evaluateBudgets(budgets, usage({ day: { tokens: 0, usd: 9.2 } })), keyOf, new Set());
    assert.deepEqual(m90[0].actions, ['Show usage']);
    assert.equal(m90[0].text, "podflow: 92% of today's money budget ($9.20 of $10.00) used.");
    const m100 = budgetMessages(evaluateBudgets(budgets, usage({ day: { tokens: 0, usd: 12 } })), keyOf, new Set());
    assert.match(m100[0].text, /120% of today's money budget \(\$12\.00 of \$10\.00\) used\. Nothing is blocked; consider a cheaper model tier .* or a local model/);
  });

  it('a jump from 79% to 150% says only the 100% message, and never the lower ones afterwards', () => {
    const seen = new Set<string>();
    const msgs = budgetMessages(evaluateBudgets(budgets, usage({ day: { tokens: 0, usd: 15 } })), keyOf, seen);
    assert.deepEqual(msgs.map((m) => m.threshold), [100]);
    for (const k of keysShown(msgs)) seen.add(k);
    assert.deepEqual(budgetMessages(evaluateBudgets(budgets, usage({ day: { tokens: 0, usd: 8.5 } })), keyOf, seen), []);
  });

  it('a new period starts the escalation again', () => {
    const seen = new Set<string>(['day:2026-11-29:usd:80', 'day:2026-11-29:usd:90']);
    const msgs = budgetMessages(evaluateBudgets(budgets, usage({ day: { tokens: 0, usd: 8 } })), keyOf, seen);
    assert.deepEqual(msgs.map((m) => m.key), ['day:2026-11-30:usd:80']);
  });

  it('the tightest of several budgets sets the share and colour; tokens and money are separate budgets', () => {
    const b: Budgets = { session: { tokens: 200_000 }, day: { usd: 20 }, month: { tokens: 10_000_000, usd: 300 } };
    const s = evaluateBudgets(b, usage({ session: { tokens: 184_200, usd: 1.37 }, day: { tokens: 500_000, usd: 4 }, month: { tokens: 2_000_000, usd: 60 } }));
    assert.equal(s.uses.length, 4);
    assert.equal(s.tightest?.period, 'session');
    assert.equal(Math.round(s.tightest!.fraction * 100), 92);
    assert.equal(s.colour, 'warning');
  });

  it('a money budget is not judged while some usage is unpriced; no budget, no colour', () => {
    const s = evaluateBudgets({ day: { usd: 1 } }, usage({ day: { tokens: 1_000_000, usd: undefined } }));
    assert.deepEqual(s.uses, []);
    assert.equal(s.colour, undefined);
    assert.equal(evaluateBudgets({}, usage({})).tightest, undefined);
  });
});
