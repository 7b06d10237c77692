import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { learningFromSelection, normalizeLearning } from '../../../../server/src/codify/learning';
import type { SectionCandidate } from '../../../../server/src/codify';
import type { CodifyEditParams, CodifyEditResult, CodifyPlanResult } from '../../../../server/src/features/codifyFeature';
import type { RecordLearningParams, RecordLearningResult } from '../../../../server/src/features/learningsFeature';
import type { ClockSignal } from '../../modeClock/editorSignals';
import { applyCodifyEdit, openDocument } from './applyEdit';
import { Choice, previewOf, sectionRow, targetRow, TITLE } from './present';
import { pickOne } from './quickInput';

/** What the command ran on: the active editor's document and selection, if any. */
interface Origin {
  uri: string | undefined;
  selection: RecordLearningParams['selection'];
  prefill: string;
}

function originOf(editor: vscode.TextEditor | undefined): Origin {
  if (!editor) return { uri: undefined, selection: undefined, prefill: '' };
  const s = editor.selection;
  return {
    uri: editor.document.uri.toString(),
    selection: { start: { line: s.start.line, character: s.start.character }, end: { line: s.end.line, character: s.end.character } },
    prefill: learningFromSelection(editor.document.getText(s)),
  };
}

/** Step 1: the learning, pre-filled from the selection. */
function askLearning(prefill: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: `${TITLE} (1/4): the learning`,
    prompt: 'One line the next agent session should know. It goes into an AGENTS.md as a bullet.',
    placeHolder: 'e.g. Run the API tests with `node --test`, never jest.',
    value: prefill,
    ignoreFocusOut: true,
    validateInput: (v) => (normalizeLearning(v) === '' ? 'Type the learning: one line of text.' : undefined),
  });
}

type Target = CodifyPlanResult['targets'][number];
type Duplicate = Target['duplicates'][number];

/** Steps 2 and 3: the AGENTS.md and the section. */
async function askWhere(plan: CodifyPlanResult): Promise<{ target: Target; section: SectionCandidate } | undefined> {
  const target = await pickOne(`${TITLE} (2/4): which AGENTS.md`, 'The nearest AGENTS.md first, then its parents', plan.targets.map((t) => ({ ...targetRow(t), value: t })));
  if (!target) return undefined;
  // A file to create has one place for it: its Learnings section.
  if (target.sections.length === 1) return { target, section: target.sections[0] };
  const section = await pickOne(
    `${TITLE} (3/4): which section of ${target.path}`,
    'The best guess first; "Learnings" is created at the end if the file has none',
    target.sections.map((s, i) => ({ ...sectionRow(s, i === 0), value: s })),
  );
  return section ? { target, section } : undefined;
}

interface Confirmed {
  result: CodifyEditResult;
  /** The duplicate it replaces, when the user chose Replace. */
  replace: Duplicate | undefined;
  /** The target document's version the edit was computed for (undefined when it was not open). */
  version: number | undefined;
}

/** Step 4: the preview; resolves with the edit to apply, or undefined to write nothing. */
async function confirm(request: (replace?: Duplicate) => Promise<CodifyEditResult>, target: Target): Promise<Confirmed | undefined> {
  const version = openDocument(vscode.Uri.parse(target.uri))?.version;
  const add = await request();
  const [duplicate] = target.duplicates;
  // The replacement is previewed too; if it cannot be computed the choice is not offered.
  const replace = duplicate?.kind === 'near' ? await request(duplicate).catch(() => undefined) : undefined;
  const preview = previewOf(add, duplicate, replace);
  const show = preview.warning ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const picked = await show(`${TITLE}: ${preview.message}`, { modal: true, detail: preview.detail }, ...preview.buttons.map((b) => b.label));
  const choice: Choice | undefined = preview.buttons.find((b) => b.label === picked)?.choice;
  if (choice === 'skip' && duplicate) {
    await reveal(vscode.Uri.parse(duplicate.uri), duplicate.line, duplicate.text.length);
    vscode.window.setStatusBarMessage(`$(info) podflow: nothing added; ${duplicate.path}:${duplicate.line + 1} already says it`, 8000);
    return undefined;
  }
  if (choice === 'replace' && replace) return { result: replace, replace: duplicate, version };
  return choice === 'add' ? { result: add, replace: undefined, version } : undefined;
}

async function reveal(uri: vscode.Uri, line: number, length: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line, 0, line, length), preview: false });
}

/**
 * "Codify learning": the learning, the AGENTS.md, the section, a preview, then one undo step that
 * adds the line (saved only if the file had no unsaved changes) and a record of it in the history
 * database. Counts as codify time on the mode clock while it runs.
 */
export async function codifyLearning(client: LanguageClient | undefined, send: (s: ClockSignal) => void): Promise<void> {
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('podflow: the language server is not running; try "podflow: Restart language server".');
    return;
  }
  send({ type: 'codify', at: Date.now(), active: true });
  try {
    await run(client);
  } catch (err) {
    void vscode.window.showErrorMessage(`podflow: ${TITLE} failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    send({ type: 'codify', at: Date.now(), active: false });
  }
}

async function run(client: LanguageClient): Promise<void> {
  const origin = originOf(vscode.window.activeTextEditor);
  const typed = await askLearning(origin.prefill);
  if (typed === undefined) return;
  const plan = await client.sendRequest<CodifyPlanResult>('podflow/codifyPlan', { uri: origin.uri, learning: typed });
  if (plan.targets.length === 0) throw new Error('there is no AGENTS.md to write to (is a workspace folder open?).');
  const where = await askWhere(plan);
  if (!where) return;
  const { target, section } = where;
  const request = (replace?: Duplicate): Promise<CodifyEditResult> => {
    const params: CodifyEditParams = { uri: origin.uri, learning: plan.learning, target: target.path, section };
    if (replace) params.replace = { path: replace.path, line: replace.line };
    return client.sendRequest<CodifyEditResult>('podflow/codifyEdit', params);
  };
  const confirmed = await confirm(request, target);
  if (!confirmed) return;
  // Typing while the preview was open moves lines: then the edit is computed again on the text as it is now.
  const changed = openDocument(vscode.Uri.parse(target.uri))?.version !== confirmed.version;
  const result = changed ? await request(confirmed.replace) : confirmed.result;
  const doc = await applyCodifyEdit(result);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(result.line, 0, result.line, result.lineText.length), preview: false });
  const record: RecordLearningParams = {
    uri: origin.uri,
    selection: origin.selection,
    learning: plan.learning,
    target: result.path,
    section: result.section,
    line: result.line,
    at: Date.now(),
  };
  const recorded = await client.sendRequest<RecordLearningResult>('podflow/recordLearning', record).catch((err: unknown) => {
    void vscode.window.showWarningMessage(`podflow: the line was added, but recording the learning failed: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  });
  if (recorded && !recorded.persistent) {
    void vscode.window.showWarningMessage('podflow: the line was added; the learning is kept in memory only, as the history database cannot be used (see "podflow: Show output").');
  }
  vscode.window.setStatusBarMessage(`$(check) podflow: codified into ${result.path}:${result.line + 1}`, 8000);
}
