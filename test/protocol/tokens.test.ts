import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { claudeProjectDirName } from '../../server/src/agentLogs/discovery';
import { ensureServerBuilt, LspClient, TempWorkspace } from './lspClient';

/** The agent-log fixtures with their exact expected totals (../shared/fixtures/agent-logs/README.md). */
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'agent-logs');
const CODEX_FILE = 'sessions/2026/11/20/rollout-2026-11-20T10-00-00-019aa0f1-3c2e-7b41-9d5a-2f6e8c1b4a70.jsonl';
const CLAUDE_PROJECT = '-home-dev-projects-acme-api';
const FIXTURE_CWD = '/home/dev/projects/acme-api';

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

/** A Codex `token_count` event with cumulative totals. */
function codexTokenCount(input: number, cached: number, output: number, reasoning: number): string {
  const total = input + output;
  return (
    JSON.stringify({
      timestamp: new Date().toISOString(),
      type: 'event_msg',
      payload: {
        type: 'token_count',
        info: {
          total_token_usage: { input_tokens: input, cached_input_tokens: cached, output_tokens: output, reasoning_output_tokens: reasoning, total_tokens: total },
          last_token_usage: { input_tokens: 7000, cached_input_tokens: 0, output_tokens: 1000, reasoning_output_tokens: 0, total_tokens: 8000 },
          model_context_window: 258400,
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
  const saved = { poll: process.env.PODFLOW_TOKENS_POLL_MS, db: process.env.PODFLOW_DB };

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
  });

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    ws.dispose();
    fs.rmSync(home, { recursive: true, force: true });
    for (const [k, v] of [
      ['PODFLOW_TOKENS_POLL_MS', saved.poll],
      ['PODFLOW_DB', saved.db],
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
    };
    client = await LspClient.start({ root: ws.root, initializationOptions: { settings } });
    return client;
  }

  it('shows the Codex and Claude Code sessions of the workspace, summed, with the tooltip breakdown', async () => {
    const c = await start({ session: { tokens: 200_000 } });
    // Codex 33,140 tokens ($0.040765) + Claude Code main and sub-agent 88,171 + 9,636 ($0.1091185).
    const s = await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.visible, 15_000);
    assert.equal(s.text, '$(pulse) 130.9k tok · $0.15 · 65%');
    assert.equal(s.colour, undefined);
    assert.match(s.tooltip, /\*\*Codex CLI\*\* · session `019aa0f1-3c2/);
    assert.match(s.tooltip, /\| gpt-5-codex \| 9\.4k \| 21\.1k \| 0 \| 2\.6k \| 1\.4k \| \$0\.04 \|/);
    assert.match(s.tooltip, /\*\*Claude Code\*\* · session `7d3c2b1a-5e4/);
    assert.match(s.tooltip, /\| claude-sonnet-4-5-20250929 \| 21 \| 78\.1k \| 8\.3k \| 1\.7k \| 0 \| \$0\.10 \|/);
    assert.match(s.tooltip, /\| claude-haiku-4-5-20251001 \| 21 \| 4\.1k \| 4\.7k \| 805 \| 0 \| \$0\.01 \|/);
    assert.match(s.tooltip, /Context: 13\.4k of 258\.4k \(5%\) in the latest turn/);
    assert.match(s.tooltip, /this month: 130\.9k tok · \$0\.15/);
    assert.match(s.tooltip, /- Session: 130\.9k tok of 200\.0k tok \(65%\)/);
  });

  it('an appended token_count line updates the total; crossing 80% of the budget colours the item and says so once', async () => {
    const c = await start({ session: { tokens: 170_000 } });
    let s = await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.visible, 15_000);
    assert.equal(s.text, '$(pulse) 130.9k tok · $0.15 · 77%');
    assert.equal(s.colour, undefined);
    // 7,000 more uncached input and 1,000 more output: +8,000 tokens, +$0.01875.
    const since = c.notifications.length;
    fs.appendFileSync(path.join(home, 'codex', CODEX_FILE), codexTokenCount(37_500, 21_120, 3_640, 1_408));
    s = await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.text.includes('138.9k'), 5_000, since);
    assert.equal(s.text, '$(pulse) 138.9k tok · $0.17 · 82%');
    assert.equal(s.colour, 'warning');
    const m = await c.waitForNotification<BudgetMessage>('podflow/budgetMessage', () => true, 5_000, since);
    assert.equal(m.threshold, 80);
    assert.equal(m.level, 'info');
    assert.match(m.text, /82% of this session's token budget \(138,947 tokens of 170,000 tokens\)/);
    // Today's total holds only what grew today: the 8,000 tokens just read.
    assert.match(s.tooltip, /Today: 8\.0k tok · \$0\.02/);

    // More growth below 90%: the colour stays, no second message.
    const again = c.notifications.length;
    fs.appendFileSync(path.join(home, 'codex', CODEX_FILE), codexTokenCount(37_600, 21_120, 3_640, 1_408));
    await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.text.includes('139.0k'), 5_000, again);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(c.notifications.slice(since).filter((n) => n.method === 'podflow/budgetMessage').length, 1);
  });

  it('a budget set after the sessions were found updates the status at once', async () => {
    const c = await start({});
    const s = await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.visible, 15_000);
    assert.equal(s.text, '$(pulse) 130.9k tok · $0.15');
    const since = c.notifications.length;
    await c.changeConfiguration({
      podflow: {
        'tokens.codexHome': path.join(home, 'codex'),
        'tokens.claudeDirs': [path.join(home, 'claude')],
        'tokens.geminiDir': path.join(home, 'gemini'),
        'tokens.budgets': { session: { tokens: 170_000 } },
      },
    });
    const after = await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.text.endsWith('77%'), 5_000, since);
    assert.equal(after.text, '$(pulse) 130.9k tok · $0.15 · 77%');
  });

  it('a half-written line is not counted until it is complete', async () => {
    const c = await start({});
    await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.text.startsWith('$(pulse) 130.9k'), 15_000);
    const line = codexTokenCount(37_500, 21_120, 3_640, 1_408);
    const file = path.join(home, 'codex', CODEX_FILE);
    const since = c.notifications.length;
    fs.appendFileSync(file, line.slice(0, 100));
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(!c.notifications.slice(since).some((n) => n.method === 'podflow/tokenStatus' && (n.params as TokenStatus).text.includes('138.9k')));
    fs.appendFileSync(file, line.slice(100));
    const s = await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.text.includes('138.9k'), 5_000, since);
    assert.equal(s.text, '$(pulse) 138.9k tok · $0.17');
  });

  it('the usage breakdown lists sessions, days, models and modes', async () => {
    const c = await start({});
    await c.waitForNotification<TokenStatus>('podflow/tokenStatus', (p) => p.visible, 15_000);
    const r = await c.connection.sendRequest<{ markdown: string }>('podflow/tokenUsage', { days: 30 });
    assert.match(r.markdown, /^# Agent token usage, /);
    assert.match(r.markdown, /Total: 130\.9k tokens · \$0\.15/);
    assert.match(r.markdown, /\| codex 019aa0f1-3c2e-7b41-9d5a-2f6e8c1b4a70 \| 9\.4k \| 21\.1k \| 0 \| 2\.6k \| 1\.4k \| 33\.1k \| \$0\.04 \|/);
    assert.match(r.markdown, /\| 2026-11-20 \| .* \| 130\.9k \| \$0\.15 \|/);
    assert.match(r.markdown, /\| gpt-5-codex \|/);
    assert.match(r.markdown, /\| unknown \| .* \| 130\.9k \| \$0\.15 \|/);
  });
});
