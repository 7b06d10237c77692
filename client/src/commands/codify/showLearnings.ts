import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ListedLearning } from '../../../../server/src/features/learningsFeature';
import { learningRow } from './present';
import { pickOne } from './quickInput';

/** "Show codified learnings": the recent learnings of this workspace with their provenance; picking one opens its line. */
export async function showLearnings(client: LanguageClient | undefined): Promise<void> {
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('podflow: the language server is not running; try "podflow: Restart language server".');
    return;
  }
  const uri = vscode.window.activeTextEditor?.document.uri.toString();
  let rows: ListedLearning[];
  try {
    rows = await client.sendRequest<ListedLearning[]>('podflow/listLearnings', { uri, limit: 200 });
  } catch (err) {
    void vscode.window.showErrorMessage(`podflow: cannot list the codified learnings: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  if (rows.length === 0) {
    const run = await vscode.window.showInformationMessage('podflow: no learnings codified in this workspace yet.', 'Codify learning');
    if (run) await vscode.commands.executeCommand('podflow.codifyLearning');
    return;
  }
  const now = Date.now();
  const picked = await pickOne(
    `Codified learnings (${rows.length})`,
    'Newest first: pick one to open its line in AGENTS.md',
    rows.map((l) => ({ ...learningRow(l, now), value: l })),
  );
  if (!picked) return;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(picked.targetUri)).then(
    (d) => d,
    () => undefined,
  );
  if (!doc) {
    void vscode.window.showWarningMessage(`podflow: ${picked.target} cannot be opened (was it moved or deleted?).`);
    return;
  }
  const line = Math.min(picked.currentLine, doc.lineCount - 1);
  const range = new vscode.Range(line, 0, line, doc.lineAt(line).text.length);
  await vscode.window.showTextDocument(doc, { selection: range, preview: false });
}
