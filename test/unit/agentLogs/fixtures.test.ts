import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { AgentLogReader } from '../../../server/src/agentLogs/baseReader';
import { ClaudeLogReader } from '../../../server/src/agentLogs/claudeReader';
import { CodexLogReader } from '../../../server/src/agentLogs/codexReader';
import { geminiProjectHash } from '../../../server/src/agentLogs/discovery';
import { GeminiLogReader } from '../../../server/src/agentLogs/geminiReader';
import { sessionCost } from '../../../server/src/agentLogs/pricing';
import { SessionMeter } from '../../../server/src/agentLogs/sessionMeter';
import { sessionTotals } from '../../../server/src/agentLogs/types';
import { CLAUDE_LEGACY, CLAUDE_MAIN, CLAUDE_SUB, CODEX_A, CODEX_B, FIXTURES, GEMINI, GEMINI_LEGACY, LEDGER, UIKIT, counts, near, tc } from './helpers';

/**
 * Every number here is stated, with its derivation, in test/fixtures/agent-logs/README.md
 * (section "Sessions and expected totals").
 */
describe('tokens: fixture totals (README)', () => {
  describe('Codex CLI', () => {
    it('rollout 019ab3c4: cumulative snapshots, not the sum of last_token_usage (38315, not 51365)', () => {
      const u = new CodexLogReader(CODEX_A).update();
      assert.equal(u.agent, 'codex');
      assert.equal(u.sessionId, '019ab3c4-51d2-7e08-a6f1-83c0d2e4b915');
      assert.equal(u.cwd, LEDGER);
      assert.deepEqual(Object.keys(u.models), ['gpt-5.1-codex']);
      const m = u.models['gpt-5.1-codex'];
      // input 35710 = 12926 uncached + 22784 cached; output 2605 includes reasoning 1472
      assert.deepEqual(counts(m), tc(12926, 22784, 0, 0, 2605, 1472));
      assert.equal(m.total, 38315);
      assert.equal(m.requests, 3, '3 advancing token_count events; the null one and the re-emission add nothing');
      assert.deepEqual(u.context, { tokens: 15085, window: 272000, model: 'gpt-5.1-codex', timestamp: '2026-11-23T08:48:16.930Z' });
      assert.equal(u.malformedLines, 0);
      assert.ok(near(sessionCost(u).total, 0.0450555));
    });

    it('rollout 019ab9e2: the model changes at the second turn_context (gpt-5.1-codex-mini, then gpt-5.1)', () => {
      const u = new CodexLogReader(CODEX_B).update();
      assert.equal(u.cwd, UIKIT);
      assert.deepEqual(counts(u.models['gpt-5.1-codex-mini']), tc(14450 - 5632, 5632, 0, 0, 1150, 640));
      assert.equal(u.models['gpt-5.1-codex-mini'].total, 15600);
      assert.equal(u.models['gpt-5.1-codex-mini'].requests, 2);
      assert.deepEqual(counts(u.models['gpt-5.1']), tc(10900 - 7424, 7424, 0, 0, 1880, 1152));
      assert.equal(u.models['gpt-5.1'].total, 12780);
      const t = sessionTotals(u);
      assert.equal(t.input + t.cachedInput, 25350);
      assert.equal(t.cachedInput, 13056);
      assert.equal(t.output, 3030);
      assert.equal(t.reasoning, 1792);
      assert.equal(t.total, 28380);
      const cost = sessionCost(u);
      assert.ok(near(cost.byModel['gpt-5.1-codex-mini'], 0.0046453));
      assert.ok(near(cost.byModel['gpt-5.1'], 0.024073));
      assert.ok(near(cost.total, 0.0287183));
      assert.equal(u.lastModel, 'gpt-5.1');
      assert.deepEqual(u.context, { tokens: 12780, window: 272000, model: 'gpt-5.1', timestamp: '2026-11-24T17:24:40.681Z' });
    });
  });

  describe('Claude Code', () => {
    it('main transcript: last line per message.id:requestId, 1-hour cache writes priced at 2 x input', () => {
      const r = new ClaudeLogReader(CLAUDE_MAIN);
      const u = r.update();
      assert.equal(u.sessionId, 'e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83');
      assert.equal(u.cwd, LEDGER);
      assert.equal(u.subagent, undefined);
      const m = u.models['claude-sonnet-4-5-20250929'];
      // output 1778: R1's final chunk (214), not its placeholders (8); R2 once, not twice
      assert.deepEqual(counts(m), tc(25, 70640, 8620, 8410, 1778, 0));
      assert.equal(m.total, 81063);
      assert.equal(m.requests, 4);
      assert.equal(r.requestCount, 4, '7 assistant lines are 4 requests');
      assert.ok(near(sessionCost(u).total, 0.0991845), 'not 0.080262 (1-hour writes at the 5-minute rate) nor 0.0960945 (first line per key)');
      assert.equal(u.firstTimestamp, '2026-11-20T13:10:09.915Z');
      assert.equal(u.lastTimestamp, '2026-11-20T13:21:31.940Z');
    });

    it('sub-agent transcript: same session id, 5-minute cache writes', () => {
      const u = new ClaudeLogReader(CLAUDE_SUB).update();
      assert.equal(u.sessionId, 'e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83');
      assert.equal(u.subagent, true);
      assert.deepEqual(counts(u.models['claude-haiku-4-5-20251001']), tc(18, 3880, 4330, 0, 659, 0));
      assert.equal(sessionTotals(u).total, 8887);
      assert.ok(near(sessionCost(u).total, 0.0091135));
    });

    it('main session plus sub-agent: 89950 tokens, $0.108298', () => {
      const u = new SessionMeter('claude', [CLAUDE_MAIN, CLAUDE_SUB]).update();
      const t = sessionTotals(u);
      assert.deepEqual([t.input, t.output, t.cacheWrite, t.cacheWrite1h, t.cachedInput, t.total], [43, 2437, 12950, 8410, 74520, 89950]);
      assert.ok(near(sessionCost(u).total, 0.108298));
      assert.equal(u.file, CLAUDE_MAIN, 'the main transcript names the combined session');
      assert.equal(u.context?.model, 'claude-sonnet-4-5-20250929', 'the context bar follows the main conversation');
      assert.equal(u.context?.tokens, 9 + 830 + 20190 + 1020);
    });

    it('legacy transcript (costUSD, no cache_creation breakdown): writes priced as 5-minute', () => {
      const u = new ClaudeLogReader(CLAUDE_LEGACY).update();
      assert.equal(u.sessionId, '5c2f8e61-a04b-4d97-8e3c-1b6a0f9d2e74');
      assert.equal(u.cwd, UIKIT);
      assert.deepEqual(counts(u.models['claude-sonnet-4-20250514']), tc(14, 1600, 1980, 0, 850, 0));
      assert.equal(sessionTotals(u).total, 4444);
      assert.ok(near(sessionCost(u).total, 0.020697), 'equals the sum of the logged costUSD (0.009627 + 0.01107)');
    });
  });

  describe('Gemini CLI', () => {
    it('chat: de-duplicated by message id (last line with tokens), thoughts are output, tool-use prompt tokens are input', () => {
      const u = new GeminiLogReader(GEMINI).update();
      assert.equal(u.sessionId, '9b3e71d2-64af-4c10-b8e5-2d07f3a9c618');
      assert.equal(u.cwd, LEDGER, 'from the project folder .project_root');
      assert.equal(u.projectHash, geminiProjectHash(LEDGER));
      assert.equal(u.projectHash, '4d7277d2697e53960724502fd3aae08587da8462abd26a139a40c4f85dafbab2');
      const m = u.models['gemini-2.5-flash'];
      // input 26780 = 12444 uncached + 14336 cached, plus 96 tool-use prompt tokens; output 821 + thoughts 1389
      assert.deepEqual(counts(m), tc(12444 + 96, 14336, 0, 0, 821 + 1389, 1389));
      assert.equal(m.total, 29086);
      assert.equal(m.requests, 3, 'the rewound third answer stays counted');
      assert.ok(near(sessionCost(u).total, 0.00971708));
    });

    it('one-document chat of an older version, in a hash-named project folder', () => {
      const u = new GeminiLogReader(GEMINI_LEGACY).update();
      assert.equal(u.sessionId, '3f6d0a8e-c172-4e59-9b04-6a8d1e3f2c57');
      assert.equal(u.cwd, undefined, 'no .project_root and no projects.json entry: matched by projectHash');
      assert.equal(u.projectHash, geminiProjectHash(UIKIT));
      const m = u.models['gemini-2.5-pro'];
      assert.deepEqual(counts(m), tc(8999, 4096, 0, 0, 782 + 1033, 1033));
      assert.equal(m.total, 14910);
      assert.equal(m.requests, 2);
      assert.ok(near(sessionCost(u).total, 0.02991075));
    });
  });

  it('agrees with verify-totals.mjs, the README numbers recomputed file by file without podflow', () => {
    interface Expected {
      input: number;
      cachedInput: number;
      cacheWrite5m: number;
      cacheWrite1h: number;
      output: number;
      reasoning: number;
      total: number;
      requests: number;
      costUSD: number;
    }
    const out = JSON.parse(execFileSync(process.execPath, [path.join(FIXTURES, 'verify-totals.mjs')], { encoding: 'utf8' })) as Record<
      string,
      { byModel: Record<string, Expected>; context?: { tokens: number; window: number }; loggedCostUSD?: number }
    >;
    assert.equal(Object.keys(out).length, 7, 'seven log files');
    for (const [rel, v] of Object.entries(out)) {
      const file = path.join(FIXTURES, rel);
      const reader: AgentLogReader = rel.startsWith('codex/') ? new CodexLogReader(file) : rel.startsWith('claude/') ? new ClaudeLogReader(file) : new GeminiLogReader(file);
      const u = reader.update();
      assert.deepEqual(Object.keys(u.models).sort(), Object.keys(v.byModel).sort(), rel);
      for (const [model, e] of Object.entries(v.byModel)) {
        const m = u.models[model];
        assert.deepEqual(
          [m.input, m.cachedInput, m.cacheWrite, m.cacheWrite1h, m.output, m.reasoning, m.total, m.requests],
          [e.input, e.cachedInput, e.cacheWrite5m + e.cacheWrite1h, e.cacheWrite1h, e.output, e.reasoning, e.total, e.requests],
          `${rel} ${model}`,
        );
        assert.ok(near(sessionCost({ models: { [model]: m } }).total, e.costUSD), `${rel} ${model} cost`);
      }
      if (v.context) assert.deepEqual([u.context?.tokens, u.context?.window], [v.context.tokens, v.context.window], `${rel} context`);
      if (v.loggedCostUSD) assert.ok(near(sessionCost(u).total, v.loggedCostUSD), `${rel} logged costUSD`);
    }
  });
});
