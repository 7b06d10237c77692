import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { claudeProjectDirName } from '../../server/src/agentLogs/discovery';
import { ensureServerBuilt, LspClient, TempWorkspace } from './lspClient';

/** The agent-log fixtures with their exact expected totals (test/fixtures/agent-logs/README.md). */
const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'agent-logs');
const CODEX_FILE = 'sessions/2026/11/23/rollout-2026-11-23T08-42-17-019ab3c4-51d2-7e08-a6f1-83c0d2e4b915.jsonl';
const CLAUDE_PROJECT = '-home-sam-src-ledger-svc';
const FIXTURE_CWD = '/home/sam/src/ledger-svc';
/**
 * The server's clock (the PODFLOW_NOW test hook): 2026-11-25, in the month of the fixture sessions
 * (Codex 2026-11-23, Claude Code 2026-11-20) and after them, so "today" starts empty.
 */
const NOW = '2026-11-25T12:00:00.000Z';

interface TokenStatus {
  visible: boolean;
  text: string;
  tooltip: string;
  colour?: string;
}

interface BudgetMessage {
  level: string;
  threshold: number;
  text: string;
  actions: string[];
}

/** Copies a fixture tree, rewriting the sessions' working directory to the test workspace. */
function copyWithCwd(from: string, to: string, cwd: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) copyWithCwd(src, dst, cwd);
    else fs.writeFileSync(dst, fs.readFileSync(src, 'utf8').split(JSON.stringify(FIXTURE_CWD).slice(1, -1)).join(cwd));
  }
}

/** A Codex `token_count` event with cumulative totals (the fixture's last one is 35,710 / 22,784 / 2,605 / 1,472). */
function codexTokenCount(input: number, cached: number, output: number, reasoning: number): string {
  const total = input + output;
  return (
    JSON.stringify({
      timestamp: new Date(Date.parse(NOW) + 30_000).toISOString(),
      type: 'event_msg',
      payload: {
        type: 'token_count',
        info: {
          total_token_usage: { input_tokens: input, cached_input_tokens: cached, output_tokens: output, reasoning_output_tokens: reasoning, total_tokens: total },
          last_token_usage: { input_tokens: 7000, cached_input_tokens: 0, output_tokens: 1000, reasoning_output_tokens: 0, total_tokens: 8000 },
          model_context_window: 272000,
        },
      },
    }) + '\n'
  );
}

describe('protocol: token meter', function () {
  this.timeout(30_000);
  let ws: TempWorkspace;
  let home: string;
  let client: LspClient | undefined;
  const saved = { poll: process.env.PODFLOW_TOKENS_POLL_MS, db: process.env.PODFLOW_DB, now: process.env.PODFLOW_NOW };

  before(function () {
    if (!fs.existsSync(FIXTURES)) throw new Error(`the agent-log fixtures are missing: ${FIXTURES}`);
    ensureServerBuilt();
  });

  beforeEach(() => {
    ws = new TempWorkspace();
    home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'podflow-tokens-')));
    copyWithCwd(path.join(FIXTURES, 'codex'), path.join(home, 'codex'), ws.root);
    copyWithCwd(path.join(FIXTURES, 'claude', 'projects', CLAUDE_PROJECT), path.join(home, 'claude', 'projects', claudeProjectDirName(ws.root)), ws.root);
    fs.mkdirSync(path.join(home, 'gemini'));
    process.env.PODFLOW_TOKENS_POLL_MS = '100';
    process.env.PODFLOW_DB = path.join(home, 'podflow.db');
    process.env.PODFLOW_NOW = NOW;
  });

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    ws.dispose();
    fs.rmSync(home, { recursive: true, force: true });
    for (const [k, v] of [
      ['PODFLOW_TOKENS_POLL_MS', saved.poll],
      ['PODFLOW_DB', saved.db],
      ['PODFLOW_NOW', saved.now],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  async function start(budgets: unknown): Promise<LspClient> {
    const settings = {
      'tokens.codexHome': path.join(home, 'codex'),
      'tokens.claudeDirs': [path.join(home, 'claude')],
      'tokens.geminiDir': path.join(home, 'gemini'),
      'tokens.budgets': budgets,
      // days in UTC, whatever the zone of the machine running the test
      'modeClock.timeZone': 'UTC',
    };
    client = await LspClient.start({ root: ws.root, initializationOptions: { settings } });
    return client;
  }

  it('shows the Codex and Claude Code sessions of the workspace, summed, with the tooltip breakdown', async () => {
    const c = await start({ session: { tokens: 200_000 } });
    // Codex 38,315 tokens ($0.0450555) + Claude Code main and sub-agent 81,063 + 8,887 ($0.108298): 128,265, $0.1533535.
    const s = await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.visible, 15_000);
    assert.equal(s.text, '$(pulse) 128.3k tok · $0.15 · 64%');
    assert.equal(s.colour, undefined);
    assert.match(s.tooltip, /\*\*Codex CLI\*\* · session `019ab3c4-51d`/);
    assert.match(s.tooltip, /\| gpt-5\.1-codex \| 12\.9k \| 22\.8k \| 0 \| 2\.6k \| 1\.5k \| \$0\.05 \|/);
    assert.match(s.tooltip, /\*\*Claude Code\*\* · session `e4a91c07-3b6`/);
    assert.match(s.tooltip, /\| claude-sonnet-4-5-20250929 \| 25 \| 70\.6k \| 8\.6k \| 1\.8k \| 0 \| \$0\.10 \|/);
    assert.match(s.tooltip, /\| claude-haiku-4-5-20251001 \| 18 \| 3\.9k \| 4\.3k \| 659 \| 0 \| \$0\.01 \|/);
    assert.match(s.tooltip, /Context: 15\.1k of 272\.0k \(6%\) in the latest turn/);
    // Claude Code's context: the last main request, 9 + 830 + 20,190 prompt and 1,020 output tokens
    assert.match(s.tooltip, /Context: 22\.0k tokens in the latest turn/);
    // The sessions were last written on 2026-11-20 and 2026-11-23: this month, not today (2026-11-25).
    assert.match(s.tooltip, /Today: 0 tok · \$0\.00 — this month: 128\.3k tok · \$0\.15/);
    assert.match(s.tooltip, /- Session: 128\.3k tok of 200\.0k tok \(64%\)/);
  });

  it('an appended token_count line updates the total; crossing 80% of the budget colours the item and says so once', async () => {
    const c = await start({ session: { tokens: 165_000 } });
    let s = await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.visible, 15_000);
    assert.equal(s.text, '$(pulse) 128.3k tok · $0.15 · 78%');
    assert.equal(s.colour, undefined);
    // 7,000 more uncached input and 1,000 more output: +8,000 tokens, +$0.01875 (gpt-5.1-codex).
    const since = c.notifications.length;
    fs.appendFileSync(path.join(home, 'codex', CODEX_FILE), codexTokenCount(42_710, 22_784, 3_605, 1_472));
    s = await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.text.includes('136.3k'), 5_000, since);
    assert.equal(s.text, '$(pulse) 136.3k tok · $0.17 · 83%');
    assert.equal(s.colour, 'warning');
    const m = await c.waitForNotification<BudgetMessage>('podflow/budgetMessage', () => true, 5_000, since);
    assert.equal(m.threshold, 80);
    assert.equal(m.level, 'info');
    assert.match(m.text, /83% of this session's token budget \(136,265 tokens of 165,000 tokens\)/);
    // Today's total holds only what grew today (2026-11-25 by the clock): the 8,000 tokens just read.
    assert.match(s.tooltip, /Today: 8\.0k tok · \$0\.02 — this month: 136\.3k tok · \$0\.17/);

    // More growth below 90%: the colour stays, no second message.
    const again = c.notifications.length;
    fs.appendFileSync(path.join(home, 'codex', CODEX_FILE), codexTokenCount(42_810, 22_784, 3_605, 1_472));
    await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.text.includes('136.4k'), 5_000, again);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(c.notifications.slice(since).filter((n) => n.method === 'podflow/budgetMessage').length, 1);
  });

  it('a budget set after the sessions were found updates the status at once', async () => {
    const c = await start({});
    const s = await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.visible, 15_000);
    assert.equal(s.text, '$(pulse) 128.3k tok · $0.15');
    const since = c.notifications.length;
    await c.changeConfiguration({
      podflow: {
        'tokens.codexHome': path.join(home, 'codex'),
        'tokens.claudeDirs': [path.join(home, 'claude')],
        'tokens.geminiDir': path.join(home, 'gemini'),
        'tokens.budgets': { session: { tokens: 165_000 } },
        'modeClock.timeZone': 'UTC',
      },
    });
    const after = await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.text.endsWith('78%'), 5_000, since);
    assert.equal(after.text, '$(pulse) 128.3k tok · $0.15 · 78%');
  });

  it('a half-written line is not counted until it is complete', async () => {
    const c = await start({});
    await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.text.startsWith('$(pulse) 128.3k'), 15_000);
    const line = codexTokenCount(42_710, 22_784, 3_605, 1_472);
    const file = path.join(home, 'codex', CODEX_FILE);
    const since = c.notifications.length;
    fs.appendFileSync(file, line.slice(0, 100));
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(!c.notifications.slice(since).some((n) => n.method === 'podflow/tokenStatus' && (n.params as TokenStatus).text.includes('136.3k')));
    fs.appendFileSync(file, line.slice(100));
    const s = await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.text.includes('136.3k'), 5_000, since);
    assert.equal(s.text, '$(pulse) 136.3k tok · $0.17');
  });

  it('the usage breakdown lists sessions, days, models and modes', async () => {
    const c = await start({});
    await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.visible, 15_000);
    const r = await c.connection.sendRequest<{ markdown: string }>('podflow/tokenUsage', { days: 30 });
    // the last 30 days up to the clock's day
    assert.match(r.markdown, /^# Agent token usage, 2026-10-27 to 2026-11-25\n/);
    assert.match(r.markdown, /Total: 128\.3k tokens · \$0\.15/);
    assert.match(r.markdown, /\| codex 019ab3c4-51d2-7e08-a6f1-83c0d2e4b915 \| 12\.9k \| 22\.8k \| 0 \| 2\.6k \| 1\.5k \| 38\.3k \| \$0\.05 \|/);
    assert.match(r.markdown, /\| claude e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83 \| 43 \| 74\.5k \| 12\.9k \| 2\.4k \| 0 \| 90\.0k \| \$0\.11 \|/);
    // each session's tokens on the day it was last written
    assert.match(r.markdown, /\| 2026-11-20 \| .* \| 90\.0k \| \$0\.11 \|/);
    assert.match(r.markdown, /\| 2026-11-23 \| .* \| 38\.3k \| \$0\.05 \|/);
    assert.match(r.markdown, /\| gpt-5\.1-codex \|/);
    assert.match(r.markdown, /\| unknown \| .* \| 128\.3k \| \$0\.15 \|/);
  });
});
