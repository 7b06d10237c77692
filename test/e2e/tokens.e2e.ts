import * as assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { useScenario } from './helpers/scenario';
import { agentLogDirs, session } from './helpers/session';
import { waitUntil, type Workbench } from './helpers/workbench';
import { REPO_ROOT } from './toolchain.mjs';

/** The agent-log fixtures with their exact totals (their README.md). */
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'agent-logs');
const FIXTURE_CWD = '/home/sam/src/ledger-svc';
const CLAUDE_PROJECT = '-home-sam-src-ledger-svc';
const CODEX_FILE = 'sessions/2026/11/23/rollout-2026-11-23T08-42-17-019ab3c4-51d2-7e08-a6f1-83c0d2e4b915.jsonl';

/** The session budget set in the workspace's settings: the fixtures' 128,265 tokens are 78% of it, 8,000 more are 83%. */
const BUDGET = { session: { tokens: 165_000 } };
/** Codex 38,315 tokens ($0.0450555) + Claude Code main and sub-agent 89,950 ($0.108298), of 165,000. */
const START_TEXT = '128.3k tok · $0.15 · 78%';
/** After one more Codex turn of 7,000 uncached input and 1,000 output tokens (+$0.01875). */
const GROWN_TEXT = '136.3k tok · $0.17 · 83%';
const BUDGET_MESSAGE = "podflow: 83% of this session's token budget (136,265 tokens of 165,000 tokens) used.";
/** The status bar item's DOM id: VS Code prefixes the extension's item id (podflow.tokens) with the extension's. */
const TOKEN_ITEM_ID = /(?:^|\.)podflow\.tokens$/;
/** "Within a second", plus what polling the DOM and the browser round trip add. */
const UPDATE_LIMIT_MS = 1500;

/** Claude Code's folder name for a working directory: every character outside [a-zA-Z0-9] becomes '-'. */
const claudeDirName = (cwd: string) => cwd.normalize('NFC').replace(/[^a-zA-Z0-9]/g, '-');

/** Copies a fixture tree, with the sessions' working directory (as JSON text) rewritten to `cwd`. */
function copyWithCwd(from: string, to: string, cwd: string): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) copyWithCwd(src, dst, cwd);
    else writeFileSync(dst, readFileSync(src, 'utf8').split(JSON.stringify(FIXTURE_CWD).slice(1, -1)).join(JSON.stringify(cwd).slice(1, -1)));
  }
}

/**
 * Puts the fixtures where the run's CODEX_HOME and CLAUDE_CONFIG_DIR point, each folder built aside
 * and renamed into place, so a rescan never sees half a copy: all of Codex's sessions (one ran in the
 * workspace, one in another project) and Claude Code's ledger-svc project (with its sub-agent) as the
 * workspace's project, next to the ui-kit project, which stays another project's.
 */
function installAgentLogs(workspace: string): { codexHome: string } {
  const { codexHome, claudeConfigDir } = agentLogDirs(session().run);
  const staging = path.join(path.dirname(codexHome), `staging-${Date.now()}`);
  copyWithCwd(path.join(FIXTURES, 'codex'), path.join(staging, 'codex'), workspace);
  for (const project of readdirSync(path.join(FIXTURES, 'claude', 'projects'))) {
    const name = project === CLAUDE_PROJECT ? claudeDirName(workspace) : project;
    copyWithCwd(path.join(FIXTURES, 'claude', 'projects', project), path.join(staging, 'claude', 'projects', name), workspace);
  }
  for (const [from, to] of [
    [path.join(staging, 'codex'), codexHome],
    [path.join(staging, 'claude'), claudeConfigDir],
  ] as const) {
    rmSync(to, { recursive: true, force: true });
    renameSync(from, to);
  }
  rmSync(staging, { recursive: true, force: true });
  return { codexHome };
}

/** A Codex `token_count` event with cumulative totals (the fixture's last one is 35,710 / 22,784 / 2,605 / 1,472). */
function codexTokenCount(input: number, cached: number, output: number, reasoning: number): string {
  const usage = (i: number, c: number, o: number, r: number) => ({ input_tokens: i, cached_input_tokens: c, output_tokens: o, reasoning_output_tokens: r, total_tokens: i + o });
  return `${JSON.stringify({
    timestamp: new Date().toISOString(),
    type: 'event_msg',
    payload: { type: 'token_count', info: { total_token_usage: usage(input, cached, output, reasoning), last_token_usage: usage(7000, 0, 1000, 0), model_context_window: 272000 } },
  })}\n`;
}

interface StatusItem {
  id: string;
  /** Its text, icons left out, non-breaking spaces as spaces. */
  text: string;
  classes: string;
  /** Computed background colour. */
  background: string;
}

/** Every status bar item with its DOM id (VS Code's entry id), text, classes and computed background. */
async function statusItems(wb: Workbench): Promise<StatusItem[]> {
  return wb.page.locator('.part.statusbar').evaluate((bar) => {
    // tsconfig has no DOM lib: the DOM is typed here as far as it is used.
    type El = { id: string; className: string; textContent: string | null };
    const g = globalThis as unknown as { getComputedStyle(e: El): { backgroundColor: string } };
    const items = (bar as unknown as { querySelectorAll(sel: string): ArrayLike<El> }).querySelectorAll('.statusbar-item');
    return Array.from(items).map((e) => ({
      id: e.id,
      text: (e.textContent ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim(),
      classes: e.className,
      background: g.getComputedStyle(e).backgroundColor,
    }));
  });
}

/** The token meter's item (its id ends with the extension's `podflow.tokens`), if it is shown. */
async function tokenItem(wb: Workbench): Promise<StatusItem | undefined> {
  return (await statusItems(wb)).find((i) => TOKEN_ITEM_ID.test(i.id));
}

/** Waits until the item reads `text` (`intervalMs` between reads of the DOM); returns it and when it was seen. */
async function waitForTokenText(wb: Workbench, text: string | RegExp, timeoutMs: number, intervalMs: number): Promise<{ item: StatusItem; at: number }> {
  let seen = '(no token item)';
  return waitUntil(
    `the token meter to read ${String(text)}`,
    async () => {
      const item = await tokenItem(wb);
      const at = Date.now();
      seen = item ? item.text : `no token item; the status bar has: ${JSON.stringify((await statusItems(wb)).map((i) => `${i.id}: ${i.text}`))}`;
      return item && (typeof text === 'string' ? item.text === text : text.test(item.text)) ? { item, at } : undefined;
    },
    timeoutMs,
    intervalMs,
  ).catch((err: Error) => {
    throw new Error(`${err.message} (it reads: ${seen})`);
  });
}

async function requireStatusItem(wb: Workbench): Promise<StatusItem> {
  const item = await tokenItem(wb);
  if (!item) throw new Error('the token meter item is gone');
  return item;
}

const TRANSPARENT = /^(?:transparent|rgba\(0, 0, 0, 0\))$/;

/** Notification toasts about a token budget. */
async function budgetToasts(wb: Workbench): Promise<{ severity: string; text: string }[]> {
  return (await wb.notifications()).filter((n) => /token budget/.test(n.text));
}

describe('e2e: token meter', () => {
  const s = useScenario();

  it('the status bar sums the workspace agent sessions from CODEX_HOME and CLAUDE_CONFIG_DIR, follows an appended token_count within a second, and turns to the warning colour with one message at 80% of the budget', async () => {
    if (!existsSync(FIXTURES)) throw new Error(`the agent-log fixtures are missing: ${FIXTURES}`);
    // The logs go where the run's environment points; the budget into the workspace's settings,
    // which the extension sends to the language server when they change (it then looks for sessions at once).
    const t0 = Date.now();
    const { codexHome } = installAgentLogs(s.workspace);
    mkdirSync(path.join(s.workspace, '.vscode'), { recursive: true });
    writeFileSync(path.join(s.workspace, '.vscode', 'settings.json'), `${JSON.stringify({ 'podflow.tokens.budgets': BUDGET }, null, 2)}\n`);

    let { item } = await waitForTokenText(s.wb, START_TEXT, 30_000, 100);
    console.log(`      the token meter showed "${START_TEXT}" ${Date.now() - t0} ms after the logs and the budget were written (item #${item.id})`);
    assert.deepEqual(await s.wb.statusBarItemIcons(START_TEXT), ['pulse']);
    assert.doesNotMatch(item.classes, /\b(?:warning|error)-kind\b/, `below 80% the item has no warning colour: ${item.classes}`);
    assert.match(item.background, TRANSPARENT, 'below 80% the item has no background of its own');
    assert.deepEqual(await budgetToasts(s.wb), [], 'no budget message below 80%');

    // One more Codex turn: +8,000 tokens, 83% of the budget. Timed from the append to the item's new text.
    const file = path.join(codexHome, CODEX_FILE);
    const appendedAt = Date.now();
    appendFileSync(file, codexTokenCount(42_710, 22_784, 3_605, 1_472));
    const grown = await waitForTokenText(s.wb, GROWN_TEXT, 10_000, 20);
    item = grown.item;
    const latency = grown.at - appendedAt;
    console.log(`      appended token_count → status bar "${GROWN_TEXT}" in ${latency} ms`);
    assert.ok(latency < UPDATE_LIMIT_MS, `the status bar took ${latency} ms to follow the log (limit ${UPDATE_LIMIT_MS} ms)`);

    // Crossing 80%: the warning colour, and one information message.
    item = await waitUntil('the warning colour', async () => {
      const it = await requireStatusItem(s.wb);
      return /\bwarning-kind\b/.test(it.classes) ? it : undefined;
    }, 5000);
    assert.doesNotMatch(item.classes, /\berror-kind\b/);
    assert.doesNotMatch(item.background, TRANSPARENT, `the warning colour is drawn: ${item.background}`);
    const toasts = await waitUntil('the 80% budget message', async () => {
      const t = await budgetToasts(s.wb);
      return t.length ? t : undefined;
    }, 10_000);
    assert.deepEqual(toasts.map((t) => t.severity), ['info'], JSON.stringify(toasts));
    assert.ok(toasts[0]!.text.includes(BUDGET_MESSAGE), `the message reads: ${toasts[0]!.text}`);

    // More growth below 90%: the item follows, the colour stays, and no second message.
    appendFileSync(file, codexTokenCount(42_810, 22_784, 3_605, 1_472));
    await waitForTokenText(s.wb, /^136\.4k tok · \$0\.17 · 83%$/, 5000, 100);
    await s.page.waitForTimeout(1500);
    item = await requireStatusItem(s.wb);
    assert.match(item.classes, /\bwarning-kind\b/, 'still the warning colour');
    const after = await budgetToasts(s.wb);
    assert.equal(after.length, 1, `one budget message: ${JSON.stringify(after)}`);
    assert.ok(after[0]!.text.includes(BUDGET_MESSAGE), after[0]!.text);
  });
});
