import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ClaudeLogReader } from '../../../server/src/agentLogs/claudeReader';
import { CodexLogReader } from '../../../server/src/agentLogs/codexReader';
import { GeminiLogReader } from '../../../server/src/agentLogs/geminiReader';
import { sessionCost } from '../../../server/src/agentLogs/pricing';
import { SessionMeter } from '../../../server/src/agentLogs/sessionMeter';
import { sessionTotals } from '../../../server/src/agentLogs/types';
import { CLAUDE_LEGACY, CLAUDE_MAIN, CLAUDE_SUB, CODEX_A, CODEX_B, FIXTURES, GEMINI, counts, near, tc } from './helpers';

/**
 * Every number here is stated in ../shared/fixtures/agent-logs/README.md
 * (section "Fixture files and expected totals" of each agent).
 */
describe('tokens: fixture totals (README)', () => {
  describe('Codex CLI', () => {
    it('rollout 019aa0f1: cumulative snapshots, not the sum of last_token_usage (33140, not 44290)', () => {
      const u = new CodexLogReader(CODEX_A).update();
      assert.equal(u.agent, 'codex');
      assert.equal(u.sessionId, '019aa0f1-3c2e-7b41-9d5a-2f6e8c1b4a70');
      assert.equal(u.cwd, '/home/dev/projects/acme-api');
      assert.deepEqual(Object.keys(u.models), ['gpt-5-codex']);
      const m = u.models['gpt-5-codex'];
      // input 30500 = 9380 uncached + 21120 cached; output 2640 includes reasoning 1408
      assert.deepEqual(counts(m), tc(9380, 21120, 0, 0, 2640, 1408));
      assert.equal(m.total, 33140);
      assert.equal(m.requests, 3, '3 advancing token_count events; the null one and the re-emission add nothing');
      assert.deepEqual(u.context, { tokens: 13380, window: 258400, model: 'gpt-5-codex', timestamp: '2026-11-20T10:03:58.266Z' });
      assert.equal(u.malformedLines, 0);
      assert.ok(near(sessionCost(u).total, 0.040765));
    });

    it('rollout 019aa21c: the model changes at the second turn_context (gpt-5-mini, then gpt-5)', () => {
      const u = new CodexLogReader(CODEX_B).update();
      assert.equal(u.cwd, '/home/dev/projects/web-dashboard');
      assert.deepEqual(counts(u.models['gpt-5-mini']), tc(12500 - 5248, 5248, 0, 0, 920, 512));
      assert.equal(u.models['gpt-5-mini'].total, 13420);
      assert.deepEqual(counts(u.models['gpt-5']), tc(9800 - 6912, 6912, 0, 0, 1540, 1024));
      assert.equal(u.models['gpt-5'].total, 11340);
      const t = sessionTotals(u);
      assert.equal(t.input + t.cachedInput, 22300);
      assert.equal(t.cachedInput, 12160);
      assert.equal(t.output, 2460);
      assert.equal(t.reasoning, 1536);
      assert.equal(t.total, 24760);
      const cost = sessionCost(u);
      assert.ok(near(cost.byModel['gpt-5-mini'], 0.0037842));
      assert.ok(near(cost.byModel['gpt-5'], 0.019874));
      assert.ok(near(cost.total, 0.0236582));
      assert.equal(u.lastModel, 'gpt-5');
    });
  });

  describe('Claude Code', () => {
    it('main transcript: last line per message.id:requestId, 1-hour cache writes priced at 2 x input', () => {
      const r = new ClaudeLogReader(CLAUDE_MAIN);
      const u = r.update();
      assert.equal(u.sessionId, '7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d');
      assert.equal(u.cwd, '/home/dev/projects/acme-api');
      assert.equal(u.subagent, undefined);
      const m = u.models['claude-sonnet-4-5-20250929'];
      // output 1690: A1's final chunk (187), not its placeholder (12); A2 once, not twice
      assert.deepEqual(counts(m), tc(21, 78140, 8320, 8320, 1690, 0));
      assert.equal(m.total, 88171);
      assert.equal(m.requests, 4);
      assert.equal(r.requestCount, 4, '6 assistant lines are 4 requests');
      assert.ok(near(sessionCost(u).total, 0.098775), 'not 0.080055 (1-hour writes at the 5-minute rate) nor 0.09615 (first line per key)');
    });

    it('sub-agent transcript: same session id, 5-minute cache writes', () => {
      const u = new ClaudeLogReader(CLAUDE_SUB).update();
      assert.equal(u.sessionId, '7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d');
      assert.equal(u.subagent, true);
      assert.deepEqual(counts(u.models['claude-haiku-4-5-20251001']), tc(21, 4100, 4710, 0, 805, 0));
      assert.equal(sessionTotals(u).total, 9636);
      assert.ok(near(sessionCost(u).total, 0.0103435));
    });

    it('main session plus sub-agent: 97807 tokens, $0.1091185', () => {
      const u = new SessionMeter('claude', [CLAUDE_MAIN, CLAUDE_SUB]).update();
      const t = sessionTotals(u);
      assert.deepEqual([t.input, t.output, t.cacheWrite, t.cachedInput, t.total], [42, 2495, 13030, 82240, 97807]);
      assert.ok(near(sessionCost(u).total, 0.1091185));
      assert.equal(u.file, CLAUDE_MAIN, 'the main transcript names the combined session');
      assert.equal(u.context?.model, 'claude-sonnet-4-5-20250929', 'the context bar follows the main conversation');
    });

    it('legacy transcript (costUSD, no cache_creation breakdown): writes priced as 5-minute', () => {
      const u = new ClaudeLogReader(CLAUDE_LEGACY).update();
      assert.equal(u.cwd, '/home/dev/projects/web-dashboard');
      assert.deepEqual(counts(u.models['claude-sonnet-4-20250514']), tc(14, 2000, 2300, 0, 570, 0));
      assert.ok(near(sessionCost(u).total, 0.017817), 'equals the sum of the logged costUSD');
    });
  });

  describe('Gemini CLI', () => {
    it('chat: de-duplicated by message id (last line with tokens), thoughts are output', () => {
      const u = new GeminiLogReader(GEMINI).update();
      assert.equal(u.sessionId, '5e0c7a91-3d2b-4f1e-9a8c-7b6d5e4f3a21');
      assert.equal(u.cwd, '/home/dev/projects/acme-api', 'from the project folder .project_root');
      assert.equal(u.projectHash, 'db553efff1497430b6ea56f3c472002546355b3cc3d844899034af4fa0389e04');
      const m = u.models['gemini-2.5-pro'];
      // input 25120 = 15904 uncached + 9216 cached; output 967 + thoughts 2055
      assert.deepEqual(counts(m), tc(15904, 9216, 0, 0, 967 + 2055, 2055));
      assert.equal(m.total, 28142);
      assert.equal(m.requests, 2);
    });
  });

  it('agrees with verify-totals.mjs, the README numbers recomputed file by file', () => {
    const out = JSON.parse(execFileSync(process.execPath, [path.join(FIXTURES, 'verify-totals.mjs')], { encoding: 'utf8' })) as Record<string, Record<string, unknown>>;
    for (const [rel, v] of Object.entries(out)) {
      const file = path.join(FIXTURES, rel);
      if (rel.startsWith('codex/')) {
        const u = new CodexLogReader(file).update();
        const byModel = v.byModel as Record<string, Record<string, number>>;
        for (const [model, e] of Object.entries(byModel)) {
          const m = u.models[model];
          assert.deepEqual(
            [m.input + m.cachedInput, m.cachedInput, m.output, m.reasoning, m.total],
            [e.input_tokens, e.cached_input_tokens, e.output_tokens, e.reasoning_output_tokens, e.total_tokens],
            `${rel} ${model}`,
          );
          assert.ok(near(sessionCost({ models: { [model]: m } }).total, e.costUSD), `${rel} ${model} cost`);
        }
        assert.equal(u.context?.tokens, v.lastContextTokens);
        assert.equal(u.context?.window, v.contextWindow);
      } else if (rel.startsWith('claude/')) {
        const e = v.lastWins as Record<string, number>;
        const u = new ClaudeLogReader(file).update();
        const t = sessionTotals(u);
        assert.deepEqual([t.input, t.output, t.cacheWrite, t.cacheWrite1h, t.cachedInput], [e.input, e.output, e.cacheWrite, e.cacheWrite1h, e.cacheRead], rel);
        assert.ok(near(sessionCost(u).total, e.costUSD), `${rel} cost`);
      } else {
        const u = new GeminiLogReader(file).update();
        const t = sessionTotals(u);
        const e = v as Record<string, number>;
        assert.deepEqual([t.input, t.cachedInput, t.output, t.reasoning, t.total], [e.uncachedInput + e.tool, e.cached, e.output + e.thoughts, e.thoughts, e.total], rel);
      }
    }
  });
});
