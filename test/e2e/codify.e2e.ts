import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { useScenario } from './helpers/scenario';
import { session } from './helpers/session';
import { waitUntil, type Workbench } from './helpers/workbench';

const COMMAND = 'podflow: Codify learning';
const API_AGENTS = 'packages/api/AGENTS.md';
const TEST_FILE = 'packages/api/test/csv.test.ts';
/** The lesson, typed as a comment on the blank line 4 of the test file and selected. */
const COMMENT = '// Run these tests with node --test, never jest (FR-002).';
const LEARNING = 'Run these tests with node --test, never jest (FR-002).';

interface LearningRow {
  text: string;
  target: string;
  section: string;
  line: number;
  source_file: string | null;
  commit_sha: string | null;
  requirement_id: string | null;
}

/** The learnings the run's history database (PODFLOW_DB) holds for a workspace folder. */
function learningRows(workspace: string): LearningRow[] {
  const db = new Database(session().modeClockDb, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT text, target, section, line, source_file, commit_sha, requirement_id FROM learnings WHERE workspace = ? ORDER BY id').all(workspace) as LearningRow[];
  } finally {
    db.close();
  }
}

/** Milliseconds the mode clock counted as codify on `file` in a workspace folder. */
function codifyMs(workspace: string, file: string): number {
  const db = new Database(session().modeClockDb, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT COALESCE(SUM(end_ms - start_ms), 0) AS ms FROM intervals WHERE workspace = ? AND file = ? AND mode = 'codify'").get(workspace, file) as { ms: number };
    return row.ms;
  } finally {
    db.close();
  }
}

/** Steps 2 to 4 of the command: the target and section quick picks, then the preview's button. */
async function pickTargetSectionAndAdd(wb: Workbench, section: string): Promise<{ targets: string[]; preview: { message: string; detail: string; buttons: string[] } }> {
  await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'which AGENTS.md' }).waitFor({ state: 'visible' });
  const targets = await wb.quickPickLabels();
  await wb.pickQuickItem(API_AGENTS, 'which AGENTS.md');
  await wb.pickQuickItem(section, `which section of ${API_AGENTS}`);
  const preview = await wb.modalDialog();
  await wb.clickDialogButton('Add');
  return { targets, preview };
}

async function waitForActiveFile(wb: Workbench, rel: string): Promise<void> {
  await waitUntil(`${rel} to be the active editor`, async () => ((await wb.activeEditorPath())?.endsWith(`/${rel}`) ? true : undefined), 20_000);
}

describe('e2e: Codify learning', () => {
  const s = useScenario();

  it('from the palette with a selection: quick picks, preview, the line in AGENTS.md (saved), recorded; undo removes it', async () => {
    const wb = s.wb;
    const agentsFile = path.join(s.workspace, ...API_AGENTS.split('/'));
    const before = readFileSync(agentsFile, 'utf8');
    // Wait for the language server: the Problems item counts podflow's findings once it has linted.
    await wb.waitForProblemCounts((c) => c.errors + c.warnings + c.infos > 0, 'podflow findings in the status bar', 45_000);

    await wb.openFile(TEST_FILE);
    await wb.goTo(4);
    await wb.page.keyboard.type(COMMENT);
    await wb.page.keyboard.press('Escape'); // a suggestion list, if any, must not take the next keys
    await wb.selectLine(4);

    await wb.runCommandThatAsks(COMMAND);
    assert.equal(await wb.inputBoxValue('Codify learning (1/4)'), LEARNING, 'the learning is pre-filled from the selection, without the comment marker');
    await wb.submitInputBox();
    const { targets, preview } = await pickTargetSectionAndAdd(wb, 'Commands');
    assert.deepEqual(targets, [API_AGENTS, 'AGENTS.md', 'packages/api/test/AGENTS.md']);
    assert.equal(preview.message, `Codify learning: Add this line to ${API_AGENTS} under "Commands"?`);
    assert.ok(preview.detail.includes(`${API_AGENTS}, line 8:\n- ${LEARNING}`), `preview detail: ${preview.detail}`);
    assert.ok(preview.buttons.includes('Add'), `buttons: ${preview.buttons.join(', ')}`);

    // The editor shows the new line, the file is saved (it had no unsaved changes) byte for byte.
    await waitForActiveFile(wb, API_AGENTS);
    await wb.waitForLineText(8, `- ${LEARNING}`);
    const expected = before.replace('- Run the API tests: `npm test`\n', `- Run the API tests: \`npm test\`\n- ${LEARNING}\n`);
    await waitUntil('AGENTS.md saved with the line', async () => (readFileSync(agentsFile, 'utf8') === expected ? true : undefined), 10_000);
    assert.equal(await wb.activeTabDirty(), false);

    // Recorded with its provenance; the time in the command counted as codify on the test file.
    const rows = await waitUntil('the learning in the history database', async () => {
      const r = learningRows(s.workspace);
      return r.length ? r : undefined;
    });
    assert.deepEqual(rows, [{ text: LEARNING, target: API_AGENTS, section: 'Commands', line: 7, source_file: TEST_FILE, commit_sha: null, requirement_id: 'FR-002' }]);
    await waitUntil('codify time on the test file in the mode clock history', async () => (codifyMs(s.workspace, TEST_FILE) > 0 ? true : undefined), 20_000);

    // One undo step takes the line out again (the buffer: the saved file keeps it until saved).
    await wb.page.keyboard.press('Control+Z');
    await wb.waitForLineText(8, '');
    await wb.waitForLineText(9, '## Rules');
    assert.equal(await wb.activeTabDirty(), true);
  });

  it('into an AGENTS.md with unsaved edits: they are kept, the file stays unsaved and untouched on disk', async () => {
    const wb = s.wb;
    const agentsFile = path.join(s.workspace, ...API_AGENTS.split('/'));
    const before = readFileSync(agentsFile, 'utf8');
    await wb.waitForProblemCounts((c) => c.errors + c.warnings + c.infos > 0, 'podflow findings in the status bar', 45_000);

    await wb.openFile(API_AGENTS);
    await wb.goTo(14); // the empty line after the last bullet (the file ends with a line break)
    await wb.page.keyboard.type('- Unsaved rule typed by hand.');
    await wb.page.keyboard.press('Escape');
    await wb.waitForLineText(14, '- Unsaved rule typed by hand.');
    assert.equal(await wb.activeTabDirty(), true);

    await wb.runCommandThatAsks(COMMAND);
    assert.equal(await wb.inputBoxValue('Codify learning (1/4)'), '', 'no selection: nothing pre-filled');
    await wb.submitInputBox('Name CSV files ledgerly-YYYY-MM.csv.');
    const { preview } = await pickTargetSectionAndAdd(wb, 'Rules');
    assert.ok(preview.detail.includes(`${API_AGENTS}, line 15:\n- Name CSV files ledgerly-YYYY-MM.csv.`), `preview detail: ${preview.detail}`);

    await wb.waitForLineText(15, '- Name CSV files ledgerly-YYYY-MM.csv.');
    await wb.waitForLineText(14, '- Unsaved rule typed by hand.');
    assert.equal(await wb.activeTabDirty(), true, 'a file with unsaved changes is not saved by the command');
    assert.equal(readFileSync(agentsFile, 'utf8'), before);
  });

  it('New spec creates SPEC.md from its snippet in the chosen folder; New AGENTS.md refuses to overwrite', async () => {
    const wb = s.wb;
    const agentsFile = path.join(s.workspace, 'AGENTS.md');
    const agentsBefore = readFileSync(agentsFile, 'utf8');
    await wb.waitForProblemCounts((c) => c.errors + c.warnings + c.infos > 0, 'podflow findings in the status bar', 45_000);

    // No editor open: the folder dialog starts at the workspace folder; Enter takes it.
    await wb.runCommandThatAsks('podflow: New spec');
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'New spec' }).waitFor({ state: 'visible' });
    await wb.submitInputBox();
    await waitForActiveFile(wb, 'SPEC.md');
    await wb.waitForLineText(1, '---');
    await wb.waitForLineText(2, 'status: draft');
    await wb.waitForLineText(6, '# Feature name');
    assert.equal(await wb.activeTabDirty(), true, 'the snippet waits in the editor for its placeholders');

    await wb.runCommandThatAsks('podflow: New AGENTS.md');
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: 'New AGENTS.md' }).waitFor({ state: 'visible' });
    await wb.submitInputBox();
    const toast = await waitUntil('the refusal', async () => (await wb.notifications()).find((n) => /AGENTS\.md already exists; podflow does not overwrite it/.test(n.text)));
    assert.equal(toast.severity, 'error');
    assert.equal(readFileSync(agentsFile, 'utf8'), agentsBefore);
  });
});
