import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { MODE_CLOCK } from './helpers/expectations';
import { useScenario } from './helpers/scenario';
import { MODE_CLOCK_TICK_MS, session } from './helpers/session';
import { waitUntil, type Workbench } from './helpers/workbench';

/** The mode clock's status bar item: "Plan · P40 E10 R40 C10" after its icon. */
const MODE_ITEM = / · (?:P\d+ E\d+ R\d+ C\d+|no time yet)/;
const SPLIT = /^(\w+) · P(\d+) E(\d+) R(\d+) C(\d+)$/;
const LETTER = { Plan: 2, Execute: 3, Review: 4, Codify: 5 } as const;
/** How long the user stays in each mode once the item shows it: longer than a tick of the server's timer. */
const STAY_MS = Math.max(3000, MODE_CLOCK_TICK_MS + 500);

/** Today as the server names days (the local calendar date; the test and code-server share the time zone). */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Waits until the item names `label` and its split gives that mode counted time (the server's
 * timer moves the split every MODE_CLOCK_TICK_MS); returns its text and icons.
 */
async function waitForMode(wb: Workbench, label: keyof typeof LETTER, timeoutMs = 20_000): Promise<{ text: string; icons: string[] }> {
  let seen = '';
  const text = await waitUntil(
    `the mode clock to read "${label} · …" with ${label} time counted`,
    async () => {
      seen = await wb.statusBarItem(MODE_ITEM, 5000);
      const m = SPLIT.exec(seen);
      return m && m[1] === label && Number(m[LETTER[label]]) > 0 ? seen : undefined;
    },
    timeoutMs,
    250,
  ).catch((err: Error) => {
    throw new Error(`${err.message} (it reads: ${seen})`);
  });
  return { text, icons: await wb.statusBarItemIcons(MODE_ITEM) };
}

/** Stays `ms` on what is open, checking that the item keeps reading `label` (ticks do not move it). */
async function stay(wb: Workbench, label: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const text = await wb.statusBarItem(MODE_ITEM, 5000);
    assert.ok(text.startsWith(`${label} · `), `the mode clock left ${label}: ${text}`);
    await wb.page.waitForTimeout(500);
  }
}

/** Rows the mode clock wrote to the run's history database (PODFLOW_DB) for one workspace folder. */
function historyRows(workspace: string): { mode: string; file: string; day: string; n: number; ms: number }[] {
  const db = new Database(session().modeClockDb, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT mode, file, day, COUNT(*) AS n, SUM(end_ms - start_ms) AS ms FROM intervals WHERE workspace = ? GROUP BY mode, file, day ORDER BY mode, file')
      .all(workspace) as { mode: string; file: string; day: string; n: number; ms: number }[];
  } finally {
    db.close();
  }
}

/** The report webview's bars for a day, by mode, and its "Totals per mode" share column. */
async function reportOf(wb: Workbench, day: string): Promise<{ modes: string[]; shares: Record<string, number>; workspaces: string[] }> {
  const frame = await wb.webviewFrame('#bars rect.bar');
  const bars = frame.locator(`#bars rect.bar[data-day="${day}"]`);
  await bars.first().waitFor();
  const modes: string[] = [];
  for (const bar of await bars.all()) modes.push((await bar.getAttribute('data-mode')) ?? '');
  const tables = frame.locator('table');
  const shares: Record<string, number> = {};
  for (const row of (await tables.nth(0).locator('tbody tr').allInnerTexts()).map((r) => r.split('\t').map((c) => c.trim()))) {
    shares[row[0]!] = Number(row[2]!.replace('%', ''));
  }
  const workspaces = (await tables.nth(1).locator('tbody tr td:first-child').allInnerTexts()).map((t) => t.trim());
  return { modes, shares, workspaces };
}

describe('e2e: mode clock', () => {
  const s = useScenario();

  it('the status bar follows the editor: a spec is Plan, a source file Execute, a diff Review; the report and the history have them', async () => {
    const { plan, execute, review } = MODE_CLOCK;
    // The clock reports once the server has indexed the workspace.
    await s.wb.statusBarItem(MODE_ITEM, 60_000);

    await s.wb.openFile(plan.file);
    const planned = await waitForMode(s.wb, 'Plan');
    assert.deepEqual(planned.icons, ['compass'], planned.text);
    await stay(s.wb, 'Plan', STAY_MS);

    await s.wb.openFile(execute.file);
    const executed = await waitForMode(s.wb, 'Execute');
    assert.deepEqual(executed.icons, ['compass'], executed.text);
    await stay(s.wb, 'Execute', STAY_MS);

    // A change to the source file, compared with its saved version: a real diff editor.
    await s.wb.goTo(1);
    await s.page.keyboard.type('// reviewed ', { delay: 5 });
    await s.wb.runCommand(review.command);
    await s.page.locator('.part.editor .editor-group-container.active .monaco-diff-editor').waitFor({ state: 'visible' });
    await waitForMode(s.wb, 'Review');
    await stay(s.wb, 'Review', STAY_MS);

    // The report, from the palette: today's bar has the three modes.
    await s.wb.runCommand(MODE_CLOCK.reportCommand);
    const report = await reportOf(s.wb, today());
    for (const mode of ['plan', 'execute', 'review']) assert.ok(report.modes.includes(mode), `today's bar has no ${mode} part: ${report.modes.join(', ')}`);
    for (const label of ['Plan', 'Execute', 'Review']) assert.ok(report.shares[label]! > 0, `the report gives ${label} no share: ${JSON.stringify(report.shares)}`);
    assert.ok(report.workspaces.includes(path.basename(s.workspace)), `the report lists no row for this workspace: ${report.workspaces.join(', ')}`);

    // The history database has this workspace's intervals, by file.
    const rows = historyRows(s.workspace);
    const ms = (mode: string, file: string) => rows.filter((r) => r.mode === mode && r.file === file && r.day === today()).reduce((a, r) => a + r.ms, 0);
    const table = JSON.stringify(rows);
    assert.ok(ms('plan', plan.file) >= STAY_MS, `plan time on ${plan.file}: ${table}`);
    assert.ok(ms('execute', execute.file) >= STAY_MS, `execute time on ${execute.file}: ${table}`);
    assert.ok(ms('review', review.file) >= STAY_MS, `review time on ${review.file}: ${table}`);
  });

  it('pinning a mode from the status bar sticks across editors; the menu opens the report and unpins', async () => {
    const { menu } = MODE_CLOCK;
    await s.wb.statusBarItem(MODE_ITEM, 60_000);
    await s.wb.openFile(MODE_CLOCK.execute.file);
    await waitForMode(s.wb, 'Execute');

    await s.wb.clickStatusBarItem(MODE_ITEM);
    const offered = await s.wb.quickPickLabels();
    assert.deepEqual(offered, [menu.switchMode, menu.report, menu.pause], 'the menu of an unpinned clock');
    await s.wb.pickQuickItem(menu.switchMode);
    await s.wb.pickQuickItem('Plan', 'Switch mode now');
    await s.wb.pickQuickItem(menu.untilChanged, 'Pin plan');
    const pinned = await waitForMode(s.wb, 'Plan');
    assert.deepEqual(pinned.icons, ['pin'], pinned.text);

    // Other source files would be Execute: the pin holds.
    await s.wb.openFile(MODE_CLOCK.otherSource);
    await stay(s.wb, 'Plan', STAY_MS);
    assert.deepEqual(await s.wb.statusBarItemIcons(MODE_ITEM), ['pin']);

    // The menu now offers to unpin; its "Show split report" opens the report with today's plan time.
    await s.wb.clickStatusBarItem(MODE_ITEM);
    assert.deepEqual(await s.wb.quickPickLabels(), [menu.switchMode, menu.unpin, menu.report, menu.pause], 'the menu of a pinned clock');
    await s.wb.pickQuickItem(menu.report);
    const report = await reportOf(s.wb, today());
    assert.ok(report.modes.includes('plan'), `today's bar has no plan part: ${report.modes.join(', ')}`);

    // Unpinned, the source file counts as Execute again.
    await s.wb.openFile(MODE_CLOCK.otherSource);
    await s.wb.clickStatusBarItem(MODE_ITEM);
    await s.wb.pickQuickItem(menu.unpin);
    const unpinned = await waitForMode(s.wb, 'Execute');
    assert.deepEqual(unpinned.icons, ['compass'], unpinned.text);
  });
});
