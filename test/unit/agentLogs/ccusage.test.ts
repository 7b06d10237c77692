/**
 * Cross-check with the peer tool ccusage 20.0.24 (devDependency, exact
 * version: 20.0.26 has no linux-x64 native package), run offline on the
 * fixtures, on generated logs, and on probe logs for every priced model.
 *
 * Where podflow reports differently by design, the right fields are compared:
 * - Codex: ccusage `inputTokens` is input without the cached part, which is
 *   podflow's `input` (podflow's buckets are disjoint too); `input_tokens` of
 *   the log is `input + cachedInput`.
 * - Gemini: ccusage `outputTokens` leaves out thoughts (it still prices them
 *   as output, and counts them in `totalTokens`); podflow's `output` includes
 *   them, with `reasoning` saying how many.
 * - Claude: ccusage groups a session by its folder, a sub-agent transcript
 *   with its parent; podflow reads one reader per file and combines a
 *   session's files in a SessionMeter.
 * - Long-context prices: ccusage 20.0.24 prices a Codex or Gemini request whose
 *   prompt is over the threshold at the higher rates, all of it, as podflow
 *   does; for Claude it splits each bucket of a request at 200,000 tokens.
 *   podflow prices the whole request, as Anthropic bills it, so the price
 *   probes check the long-context rates, not the Claude split.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { groupSessions, listLogFiles, readSessionHeader } from '../../../server/src/agentLogs/discovery';
import { resolveLocations } from '../../../server/src/agentLogs/locations';
import { BUILTIN_PRICES, findModelPrice, modelCost, sessionCost } from '../../../server/src/agentLogs/pricing';
import { SessionMeter } from '../../../server/src/agentLogs/sessionMeter';
import { AgentKind, ModelUsage, SessionUsage, sessionTotals, tokensOf } from '../../../server/src/agentLogs/types';
import { generateClaudeLog, generateCodexLog, generateGeminiLog } from './generate';
import { FIXTURES, REPO_ROOT, rmrf, tempDir } from './helpers';

/** Installed by `npm run peers:setup` (scripts/peers.mjs), which `npm test` runs first. */
const PEERS = path.join(REPO_ROOT, '.tools', 'peers', 'node_modules');
const CCUSAGE = path.join(PEERS, '.bin', process.platform === 'win32' ? 'ccusage.cmd' : 'ccusage');
const PINNED = '20.0.24';

function requireCcusage(): void {
  const pkg = path.join(PEERS, 'ccusage', 'package.json');
  if (!fs.existsSync(CCUSAGE) || !fs.existsSync(pkg)) {
    assert.fail(
      `ccusage is not installed (${CCUSAGE}). This cross-check needs ccusage ${PINNED} ` +
        `(exact: 20.0.26 has no linux-x64 native package); run npm run peers:setup.`,
    );
  }
  const version = (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
  assert.equal(version, PINNED, `ccusage ${version} is installed; this cross-check is pinned to ${PINNED}`);
}

interface Dirs {
  claude?: string;
  codex?: string;
  /** A folder holding `.gemini/`. */
  home: string;
}

/** `ccusage <agent> session --offline --json`, with every location pointing at test data. */
function ccusage(agent: AgentKind, dirs: Dirs): { sessions: Record<string, unknown>[] } {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: dirs.home, USERPROFILE: dirs.home, XDG_CONFIG_HOME: path.join(dirs.home, '.config') };
  delete env.CLAUDE_CONFIG_DIR;
  delete env.CODEX_HOME;
  if (dirs.claude) env.CLAUDE_CONFIG_DIR = dirs.claude;
  if (dirs.codex) env.CODEX_HOME = dirs.codex;
  const out = execFileSync(CCUSAGE, [agent, 'session', '--offline', '--json'], { env, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 60_000 });
  return JSON.parse(out) as { sessions: Record<string, unknown>[] };
}

/** podflow's sessions under the same locations: discovery, grouping, one meter per session. */
function podflow(agent: AgentKind, dirs: Dirs): SessionUsage[] {
  const loc = resolveLocations({ codexHome: dirs.codex ?? '/nonexistent', claudeDirs: [dirs.claude ?? '/nonexistent'], geminiDir: path.join(dirs.home, '.gemini') }, {});
  return groupSessions(listLogFiles(loc, { agents: [agent] }).map(readSessionHeader)).map((s) => SessionMeter.of(s).update());
}

const near = (a: unknown, b: number | undefined, what: string) =>
  assert.ok(typeof a === 'number' && b !== undefined && Math.abs(a - b) < 1e-9, `${what}: ccusage ${String(a)}, podflow ${String(b)}`);

/** The fields ccusage reports per model, from podflow's counts (see the header for why each maps as it does). */
function asCcusage(agent: AgentKind, m: ModelUsage) {
  return {
    inputTokens: m.input,
    cacheReadTokens: m.cachedInput,
    cacheCreationTokens: m.cacheWrite,
    outputTokens: agent === 'gemini' ? m.output - m.reasoning : m.output,
  };
}

function compareClaude(cc: { sessions: Record<string, unknown>[] }, ours: SessionUsage[]): void {
  assert.equal(cc.sessions.length, ours.length, 'same number of sessions');
  for (const s of cc.sessions) {
    const u = ours.find((o) => o.sessionId === s.sessionId);
    assert.ok(u, `podflow has session ${String(s.sessionId)}`);
    for (const b of s.modelBreakdowns as Record<string, unknown>[]) {
      const m: ModelUsage | undefined = u.models[b.modelName as string];
      assert.ok(m, `${String(s.sessionId)} has ${String(b.modelName)}`);
      const { inputTokens, cacheReadTokens, cacheCreationTokens, outputTokens } = b;
      assert.deepEqual({ inputTokens, cacheReadTokens, cacheCreationTokens, outputTokens }, asCcusage('claude', m), `${String(s.sessionId)} ${String(b.modelName)}`);
      near(b.cost, modelCost(m, findModelPrice(b.modelName as string)?.price), `${String(s.sessionId)} ${String(b.modelName)} cost`);
    }
    assert.equal(s.totalTokens, sessionTotals(u).total);
    near(s.totalCost, sessionCost(u).total, `${String(s.sessionId)} cost`);
  }
}

function compareCodex(cc: { sessions: Record<string, unknown>[] }, ours: SessionUsage[]): void {
  assert.equal(cc.sessions.length, ours.length, 'same number of sessions');
  for (const s of cc.sessions) {
    // ccusage names a Codex session by its path under sessions/
    const u = ours.find((o) => path.basename(o.file, '.jsonl') === s.sessionFile);
    assert.ok(u, `podflow has ${String(s.sessionFile)}`);
    for (const [model, b] of Object.entries(s.models as Record<string, Record<string, unknown>>)) {
      const m: ModelUsage | undefined = u.models[model];
      assert.ok(m, `${String(s.sessionFile)} has ${model}`);
      assert.deepEqual(
        [b.inputTokens, b.cacheReadTokens, b.outputTokens, b.reasoningOutputTokens, b.totalTokens],
        [m.input, m.cachedInput, m.output, m.reasoning, m.total],
        `${String(s.sessionFile)} ${model}`,
      );
    }
    assert.equal(s.totalTokens, sessionTotals(u).total);
    near(s.costUSD, sessionCost(u).total, `${String(s.sessionFile)} cost`);
  }
}

function compareGemini(cc: { sessions: Record<string, unknown>[] }, ours: SessionUsage[]): void {
  assert.equal(cc.sessions.length, ours.length, 'same number of sessions');
  for (const s of cc.sessions) {
    const u = ours.find((o) => o.sessionId === s.sessionId);
    assert.ok(u, `podflow has session ${String(s.sessionId)}`);
    for (const b of s.modelBreakdowns as Record<string, unknown>[]) {
      const m: ModelUsage | undefined = u.models[b.modelName as string];
      assert.ok(m, `${String(s.sessionId)} has ${String(b.modelName)}`);
      const { inputTokens, cacheReadTokens, cacheCreationTokens, outputTokens } = b;
      assert.deepEqual({ inputTokens, cacheReadTokens, cacheCreationTokens, outputTokens }, asCcusage('gemini', m), String(b.modelName));
      near(b.cost, modelCost(m, findModelPrice(b.modelName as string)?.price), `${String(b.modelName)} cost`);
    }
    assert.equal(s.totalTokens, sessionTotals(u).total);
    near(s.totalCost, sessionCost(u).total, `${String(s.sessionId)} cost`);
  }
}

describe('tokens: cross-check with ccusage 20.0.24 (offline)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    requireCcusage();
    dir = tempDir('podflow-ccusage-');
  });
  after(() => dir && rmrf(dir));

  describe('fixtures', () => {
    let home: string;
    before(() => {
      home = path.join(dir, 'fixture-home');
      fs.mkdirSync(home);
      fs.symlinkSync(path.join(FIXTURES, 'gemini'), path.join(home, '.gemini'), 'dir');
    });

    it('Claude Code: per session and model, tokens and cost', () => {
      const dirs = { claude: path.join(FIXTURES, 'claude'), home };
      const cc = ccusage('claude', dirs);
      compareClaude(cc, podflow('claude', dirs));
      // the README's numbers, as both tools report them
      assert.equal(cc.sessions.length, 2);
      const main = cc.sessions.find((s) => s.sessionId === 'e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83');
      assert.deepEqual([main?.inputTokens, main?.cacheReadTokens, main?.cacheCreationTokens, main?.outputTokens, main?.totalTokens], [43, 74520, 12950, 2437, 89950]);
      near(main?.totalCost, 0.108298, 'main + sub-agent');
      const legacy = cc.sessions.find((s) => s.sessionId === '5c2f8e61-a04b-4d97-8e3c-1b6a0f9d2e74');
      assert.equal(legacy?.totalTokens, 4444);
      near(legacy?.totalCost, 0.020697, 'legacy transcript (costUSD)');
    });

    it('Codex CLI: per session and model (ccusage input = podflow input, i.e. without cached)', () => {
      const dirs = { codex: path.join(FIXTURES, 'codex'), home };
      const cc = ccusage('codex', dirs);
      compareCodex(cc, podflow('codex', dirs));
      assert.equal(cc.sessions.length, 2);
      const a = cc.sessions.find((s) => String(s.sessionFile).includes('019ab3c4'));
      assert.deepEqual([a?.inputTokens, a?.cacheReadTokens, a?.outputTokens, a?.reasoningOutputTokens, a?.totalTokens], [12926, 22784, 2605, 1472, 38315]);
      near(a?.costUSD, 0.0450555, 'rollout 019ab3c4');
      const b = cc.sessions.find((s) => String(s.sessionFile).includes('019ab9e2'));
      assert.deepEqual(Object.keys(b?.models as object).sort(), ['gpt-5.1', 'gpt-5.1-codex-mini']);
      assert.equal(b?.totalTokens, 28380);
      near(b?.costUSD, 0.0287183, 'rollout 019ab9e2');
    });

    it('Gemini CLI: per session and model, the JSONL chat and the one-document chat (ccusage output leaves out thoughts)', () => {
      const dirs = { home };
      const cc = ccusage('gemini', dirs);
      const ours = podflow('gemini', dirs);
      compareGemini(cc, ours);
      assert.equal(cc.sessions.length, 2, 'ccusage 20.0.24 reads the older session-*.json documents too');
      const chat = cc.sessions.find((s) => s.sessionId === '9b3e71d2-64af-4c10-b8e5-2d07f3a9c618');
      // input: uncached 12444 plus 96 tool-use prompt tokens, as podflow counts it; the rewound answer is kept
      assert.deepEqual([chat?.inputTokens, chat?.cacheReadTokens, chat?.outputTokens, chat?.totalTokens], [12540, 14336, 821, 29086]);
      near(chat?.totalCost, 0.00971708, 'gemini chat');
      const doc = cc.sessions.find((s) => s.sessionId === '3f6d0a8e-c172-4e59-9b04-6a8d1e3f2c57');
      assert.equal(doc?.totalTokens, 14910);
      near(doc?.totalCost, 0.02991075, 'gemini one-document chat');
    });
  });

  describe('generated logs (streamed and copied lines, re-emitted snapshots, UTF-8 text)', () => {
    let root: string;
    before(() => {
      root = path.join(dir, 'generated');
      for (let i = 0; i < 3; i++) {
        const g = generateClaudeLog(path.join(root, 'claude', 'projects', '-home-dev-gen', `tmp-${i}.jsonl`), 1_500_000, 500 + i);
        // ccusage names a Claude session by its file: name the file by the session id inside
        fs.renameSync(g.file, path.join(path.dirname(g.file), `${g.sessionId}.jsonl`));
      }
      for (let i = 0; i < 3; i++) {
        generateCodexLog(path.join(root, 'codex', 'sessions', '2026', '11', '2' + i, `rollout-2026-11-2${i}T10-00-00-019aa0f1-0000-7000-8000-00000000000${i}.jsonl`), 1_500_000, 600 + i);
      }
      for (let i = 0; i < 2; i++) {
        generateGeminiLog(path.join(root, 'home', '.gemini', 'tmp', `p${i}`, 'chats', `session-2026-11-20T09-15-0000000${i}.jsonl`), 1_000_000, 700 + i);
      }
    });

    it('Claude Code', () => {
      const dirs = { claude: path.join(root, 'claude'), home: path.join(root, 'home') };
      compareClaude(ccusage('claude', dirs), podflow('claude', dirs));
    });
    it('Codex CLI', () => {
      const dirs = { codex: path.join(root, 'codex'), home: path.join(root, 'home') };
      compareCodex(ccusage('codex', dirs), podflow('codex', dirs));
    });
    it('Gemini CLI', () => {
      const dirs = { home: path.join(root, 'home') };
      compareGemini(ccusage('gemini', dirs), podflow('gemini', dirs));
    });
  });

  describe('prices.json = the prices ccusage uses offline, model by model', () => {
    /**
     * One probe session per model and bucket: 100,000 tokens in one bucket
     * (below every long-context threshold), and one long-context probe. The
     * cost ccusage reports for each must be podflow's cost of the same usage.
     */
    const N = 100_000;
    const models = Object.keys(BUILTIN_PRICES.models);
    const agentOf = (m: string): AgentKind => (m.startsWith('claude') ? 'claude' : m.startsWith('gemini') ? 'gemini' : 'codex');
    type Probe = { agent: AgentKind; model: string; what: string; expected: number | undefined };
    const probes = new Map<string, Probe>();
    let root: string;

    before(() => {
      root = path.join(dir, 'probes');
      let n = 0;
      const id = (prefix: string) => `${prefix}${String(++n).padStart(12, '0')}`;
      for (const model of models) {
        const price = BUILTIN_PRICES.models[model];
        const agent = agentOf(model);
        const add = (what: string, u: ModelUsage, key: string) => probes.set(key, { agent, model, what, expected: modelCost(u, price) });
        const usage = (c: Partial<ModelUsage>): ModelUsage => {
          const z = { input: 0, cachedInput: 0, cacheWrite: 0, cacheWrite1h: 0, output: 0, reasoning: 0, requests: 1, ...c };
          return { ...z, total: tokensOf(z) };
        };
        if (agent === 'claude') {
          const buckets: [string, Record<string, unknown>, ModelUsage][] = [
            ['input', { input_tokens: N }, usage({ input: N })],
            ['output', { output_tokens: N }, usage({ output: N })],
            ['cache read', { cache_read_input_tokens: N }, usage({ cachedInput: N })],
            ['5-minute write', { cache_creation_input_tokens: N, cache_creation: { ephemeral_5m_input_tokens: N, ephemeral_1h_input_tokens: 0 } }, usage({ cacheWrite: N })],
            ['1-hour write', { cache_creation_input_tokens: N, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: N } }, usage({ cacheWrite: N, cacheWrite1h: N })],
          ];
          for (const [what, u, ours] of buckets) {
            const sid = id('00000000-0000-4000-8000-');
            add(what, ours, sid);
            const line = { type: 'assistant', sessionId: sid, cwd: '/probe', timestamp: '2026-11-20T10:00:00.000Z', requestId: `req_${sid}`, message: { id: `msg_${sid}`, model, role: 'assistant', content: [], stop_reason: 'end_turn', usage: { input_tokens: 0, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, ...u } } };
            fs.mkdirSync(path.join(root, 'claude', 'projects', 'probe'), { recursive: true });
            fs.writeFileSync(path.join(root, 'claude', 'projects', 'probe', `${sid}.jsonl`), JSON.stringify(line) + '\n');
          }
          // Long-context rates, through ccusage's per-bucket split: 300,000 input tokens cost 200,000 at the
          // base rate and 100,000 at the long-context rate there. Checks the rate, not the rule.
          const lc = price.longContext;
          const sid = id('00000000-0000-4000-8000-');
          probes.set(sid, { agent, model, what: 'long-context input rate', expected: (200_000 * (price.input ?? NaN) + N * (lc?.input ?? price.input ?? NaN)) / 1e6 });
          const line = { type: 'assistant', sessionId: sid, cwd: '/probe', timestamp: '2026-11-20T10:00:00.000Z', requestId: `req_${sid}`, message: { id: `msg_${sid}`, model, role: 'assistant', content: [], stop_reason: 'end_turn', usage: { input_tokens: 300_000, output_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 } } };
          fs.writeFileSync(path.join(root, 'claude', 'projects', 'probe', `${sid}.jsonl`), JSON.stringify(line) + '\n');
        } else if (agent === 'codex') {
          const threshold = price.longContext?.threshold ?? 200_000;
          const buckets: [string, number, number, number, ModelUsage][] = [
            ['input', N, 0, 0, usage({ input: N })],
            ['cached input', N, N, 0, usage({ cachedInput: N })],
            ['output', 0, 0, N, usage({ output: N })],
            // over the threshold: every token of the request at the long-context rates (or the same rates without a tier)
            ['long-context request', threshold + 28_000, 20_000, 10_000, { ...usage({ input: threshold + 8_000, cachedInput: 20_000, output: 10_000 }), longContext: usage({ input: threshold + 8_000, cachedInput: 20_000, output: 10_000 }) }],
          ];
          for (const [what, input, cached, output, ours] of buckets) {
            const uuid = id('019aa0f1-0000-7000-8000-');
            const name = `rollout-2026-11-20T10-00-00-${uuid}`;
            add(what, ours, name);
            const u = { input_tokens: input, cached_input_tokens: cached, output_tokens: output, reasoning_output_tokens: 0, total_tokens: input + output };
            const lines = [
              { timestamp: '2026-11-20T10:00:00.000Z', type: 'session_meta', payload: { id: uuid, cwd: '/probe', source: 'cli' } },
              { timestamp: '2026-11-20T10:00:01.000Z', type: 'turn_context', payload: { cwd: '/probe', model } },
              { timestamp: '2026-11-20T10:00:02.000Z', type: 'event_msg', payload: { type: 'token_count', info: { total_token_usage: u, last_token_usage: u } } },
            ];
            const d = path.join(root, 'codex', 'sessions', '2026', '11', '20');
            fs.mkdirSync(d, { recursive: true });
            fs.writeFileSync(path.join(d, `${name}.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
          }
        } else {
          const threshold = price.longContext?.threshold ?? 200_000;
          const buckets: [string, number, number, number, ModelUsage][] = [
            ['input', N, 0, 0, usage({ input: N })],
            ['cached input', N, N, 0, usage({ cachedInput: N })],
            ['output', 0, 0, N, usage({ output: N })],
            ['long-context request', threshold + 28_000, 20_000, 10_000, { ...usage({ input: threshold + 8_000, cachedInput: 20_000, output: 10_000 }), longContext: usage({ input: threshold + 8_000, cachedInput: 20_000, output: 10_000 }) }],
          ];
          for (const [what, input, cached, output, ours] of buckets) {
            const sid = id('5e0c7a91-0000-4000-8000-');
            add(what, ours, sid);
            const lines = [
              { sessionId: sid, projectHash: '0'.repeat(64), startTime: '2026-11-20T09:15:00.000Z', kind: 'main' },
              { id: `m-${sid}`, timestamp: '2026-11-20T09:15:10.000Z', type: 'gemini', content: [], model, tokens: { input, output, cached, thoughts: 0, tool: 0, total: input + output } },
            ];
            const d = path.join(root, 'home', '.gemini', 'tmp', 'probe', 'chats');
            fs.mkdirSync(d, { recursive: true });
            fs.writeFileSync(path.join(d, `session-2026-11-20T09-15-${sid.slice(-8)}.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
          }
        }
      }
    });

    it('every listed model, every bucket, and the long-context rates', () => {
      const home = path.join(root, 'home');
      const reported = new Map<string, number>();
      for (const s of ccusage('claude', { claude: path.join(root, 'claude'), home }).sessions) reported.set(s.sessionId as string, s.totalCost as number);
      for (const s of ccusage('codex', { codex: path.join(root, 'codex'), home }).sessions) reported.set(s.sessionFile as string, s.costUSD as number);
      for (const s of ccusage('gemini', { home }).sessions) reported.set(s.sessionId as string, s.totalCost as number);
      const wrong: string[] = [];
      for (const [key, p] of probes) {
        const got = reported.get(key);
        if (got === undefined || p.expected === undefined || Math.abs(got - p.expected) > 1e-9) {
          wrong.push(`${p.model} ${p.what}: ccusage ${String(got)}, podflow ${String(p.expected)}`);
        }
      }
      assert.deepEqual(wrong, []);
      assert.ok(probes.size >= models.length * 4);
    });
  });
});
