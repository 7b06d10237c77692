import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { INVITES_SPEC, INVITES_TEST, NO_TEST_MESSAGE, UNCOVERED_MUST } from './helpers/expectations';
import { useScenario } from './helpers/scenario';
import { session } from './helpers/session';
import { waitUntil, type Workbench } from './helpers/workbench';

/** The coverage status bar item: "MUST 5/8" (after its icon). */
const COVERAGE_ITEM = /MUST \d+\/\d+/;

interface CliCoverage {
  covered: number;
  total: number;
  specs: { path: string; covered: number; total: number; uncovered: { id?: string; line: number }[] }[];
}

/** `podflow coverage --root <workspace> --format json`, with the CLI of the installed package (the same build the workbench runs). */
function cliCoverage(workspace: string): CliCoverage {
  const cli = path.join(session().extensionDir, 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'coverage', '--root', workspace, '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, `podflow coverage failed (${r.status ?? r.signal}): ${r.stderr}`);
  return JSON.parse(r.stdout) as CliCoverage;
}

/** Text of a line (1-based) of a file of the scenario's workspace, as it is on disk. */
function diskLine(workspace: string, file: string, line: number): string {
  return readFileSync(path.join(workspace, file), 'utf8').split('\n')[line - 1] ?? '';
}

/** Covered and total counts from the status bar item, once the server has sent them. */
async function statusCoverage(wb: Workbench, text: string | RegExp = COVERAGE_ITEM, timeoutMs = 45_000): Promise<{ covered: number; total: number }> {
  const item = await wb.statusBarItem(text, timeoutMs);
  const m = /MUST (\d+)\/(\d+)/.exec(item)!;
  return { covered: Number(m[1]), total: Number(m[2]) };
}

describe('e2e: MUST-to-test traceability', () => {
  const s = useScenario();

  it(`code lenses above the requirements of ${INVITES_SPEC.file} tell how their tests ran`, async () => {
    for (const l of INVITES_SPEC.lenses) {
      assert.match(diskLine(s.workspace, INVITES_SPEC.file, l.line), new RegExp(`^- \\*\\*${l.id}\\*\\*: .* ${l.level} `), `${l.id} moved`);
    }
    await statusCoverage(s.wb); // the server has indexed the workspace
    await s.wb.openFile(INVITES_SPEC.file);
    for (const l of INVITES_SPEC.lenses) await s.wb.waitForCodeLens(l.line, l.title);
    // One lens per requirement, none elsewhere.
    const lenses = await s.wb.codeLenses();
    assert.deepEqual(
      lenses.map((l) => l.line),
      INVITES_SPEC.lenses.map((l) => l.line),
      `lenses: ${JSON.stringify(lenses)}`,
    );
    for (const [i, l] of INVITES_SPEC.lenses.entries()) {
      if (typeof l.title === 'string') assert.equal(lenses[i]!.title, l.title, l.id);
      else assert.match(lenses[i]!.title, l.title, l.id);
    }
  });

  it(`clicking the ${INVITES_TEST.id} lens peeks the test citing it; a lens with no test says so`, async () => {
    const fr001 = INVITES_SPEC.lenses[0];
    await statusCoverage(s.wb);
    await s.wb.openFile(INVITES_SPEC.file);
    await s.wb.waitForCodeLens(fr001.line, fr001.title);
    await s.wb.clickCodeLens(fr001.line);
    const peek = await s.wb.peekView();
    assert.equal(peek.file, path.basename(INVITES_TEST.file), JSON.stringify(peek));
    assert.ok(peek.folder.endsWith(`/${INVITES_TEST.folder}`), `peek folder: ${peek.folder}`);
    assert.ok(
      peek.rows.some((r) => r.includes(INVITES_TEST.name)),
      `the peek view lists: ${peek.rows.join(' | ')}`,
    );
    // Peeking does not navigate: the spec is still the active editor.
    assert.ok((await s.wb.activeEditorPath())?.endsWith(`/${INVITES_SPEC.file}`));
    await s.wb.closePeekView();

    // FR-005 (MAY) has no test: its lens says so instead of opening an empty peek view.
    const fr005 = INVITES_SPEC.lenses[4];
    await s.wb.clickCodeLens(fr005.line);
    await waitUntil('the "no test cites this requirement" notification', async () => (await s.wb.notifications()).find((n) => NO_TEST_MESSAGE.test(n.text)));
    assert.equal(await s.page.locator('.peekview-widget').count(), 0, 'no peek view for a requirement without tests');
    // End on the peek view: it is what the screenshot should show.
    await s.wb.clickCodeLens(fr001.line);
    await s.wb.peekView();
  });

  it(`Go to Definition on ${INVITES_TEST.id} in ${INVITES_TEST.file} lands on the requirement in the spec`, async () => {
    const source = diskLine(s.workspace, INVITES_TEST.file, INVITES_TEST.line);
    const column = source.indexOf(`/${INVITES_TEST.id}`) + 2; // 1-based column of the id
    assert.ok(column > 1, `${INVITES_TEST.id} is not on line ${INVITES_TEST.line}: ${source}`);
    const target = INVITES_SPEC.lenses[0];
    const targetColumn = diskLine(s.workspace, INVITES_SPEC.file, target.line).indexOf(target.id) + 1;

    await statusCoverage(s.wb);
    await s.wb.openFile(INVITES_TEST.file);
    await s.wb.goTo(INVITES_TEST.line, column + 2); // inside "FR-001"
    await s.wb.goToDefinition(INVITES_SPEC.file);
    assert.equal(await s.wb.activeTabLabel(), path.basename(INVITES_SPEC.file));
    assert.equal(await s.wb.activeEditorPath(), path.join(s.workspace, INVITES_SPEC.file));
    await s.wb.waitForStatusBar(new RegExp(`Ln ${target.line}, Col ${targetColumn}(?!\\d)`));
    assert.deepEqual(await s.wb.cursorPosition(), { line: target.line, column: targetColumn });
    // Lenses arrive after the editor opens and push lines down: read the line once it has settled.
    await s.wb.waitForCodeLens(target.line, target.title);
    await s.wb.waitForLineText(target.line, new RegExp(`^- \\*\\*${target.id}\\*\\*: `));
  });

  it('the status bar counts covered MUSTs, follows a test the user adds, and opens the coverage report', async () => {
    const before = cliCoverage(s.workspace);
    const uncovered = before.specs.find((x) => x.path === UNCOVERED_MUST.spec)?.uncovered ?? [];
    assert.ok(
      uncovered.some((u) => u.id === UNCOVERED_MUST.id && u.line === UNCOVERED_MUST.line - 1),
      `${UNCOVERED_MUST.spec} ${UNCOVERED_MUST.id} should be uncovered: ${JSON.stringify(uncovered)}`,
    );
    assert.deepEqual(await statusCoverage(s.wb), { covered: before.covered, total: before.total }, 'status bar vs podflow coverage');
    const item = await s.wb.statusBarItem(COVERAGE_ITEM);
    assert.equal(item, `MUST ${before.covered}/${before.total}`);

    await s.wb.openFile(UNCOVERED_MUST.spec);
    await s.wb.goTo(UNCOVERED_MUST.line);
    await s.wb.waitForCodeLens(UNCOVERED_MUST.line, UNCOVERED_MUST.lens);

    // The user adds a test citing the requirement at the end of the CSV tests, and saves.
    const lastLine = readFileSync(path.join(s.workspace, UNCOVERED_MUST.testFile), 'utf8').split('\n').length;
    assert.equal(diskLine(s.workspace, UNCOVERED_MUST.testFile, lastLine), '', 'the test file should end with a newline');
    await s.wb.openFile(UNCOVERED_MUST.testFile);
    await s.wb.goTo(lastLine);
    await s.page.keyboard.type(UNCOVERED_MUST.typed, { delay: 5 });
    await s.wb.waitForLineText(lastLine, UNCOVERED_MUST.typed);
    await s.wb.save();
    assert.equal(diskLine(s.workspace, UNCOVERED_MUST.testFile, lastLine), UNCOVERED_MUST.typed);

    const after = cliCoverage(s.workspace);
    assert.deepEqual({ covered: after.covered, total: after.total }, { covered: before.covered + 1, total: before.total });
    assert.deepEqual(await statusCoverage(s.wb, `MUST ${after.covered}/${after.total}`, 20_000), { covered: after.covered, total: after.total });
    // The spec's lens follows.
    await s.wb.openFile(UNCOVERED_MUST.spec);
    await s.wb.goTo(UNCOVERED_MUST.line);
    await s.wb.waitForCodeLens(UNCOVERED_MUST.line, UNCOVERED_MUST.lensAfter);

    // Clicking the item opens the report, with the new numbers.
    await s.wb.clickStatusBarItem(COVERAGE_ITEM);
    const report = await s.wb.webviewText(`MUST coverage: ${after.covered}/${after.total}`);
    for (const spec of after.specs) {
      assert.match(report, new RegExp(`${spec.path.replace(/\./g, '\\.')}\\s+${spec.covered}\\s+${spec.total}\\s`), `the report's row for ${spec.path}`);
    }
    assert.ok(!report.includes(UNCOVERED_MUST.text), `${UNCOVERED_MUST.id} is still listed as uncovered:\n${report}`);
    // Links to uncovered MUSTs render as links, not as raw "[FR-004](...)" text.
    assert.ok(!/\]\([^)]*#L\d+\)/.test(report), `the report shows raw link markup:\n${report}`);
    assert.match(await s.wb.activeTabLabel(), /^Preview coverage-report\.md/);
  });
});
