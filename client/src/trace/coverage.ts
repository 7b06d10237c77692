import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface CoverageParams {
  covered: number;
  total: number;
}

/** Status bar item "MUST 41/45", fed by the server's `podflow/coverage` notification. */
export function registerCoverageStatus(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.window.createStatusBarItem('podflow.coverage', vscode.StatusBarAlignment.Left, 50);
  item.name = 'podflow MUST coverage';
  item.command = 'podflow.showCoverage';
  context.subscriptions.push(
    item,
    client.onNotification('podflow/coverage', (p: CoverageParams) => {
      if (p.total === 0) {
        item.hide();
        return;
      }
      const all = p.covered === p.total;
      item.text = `${all ? '$(pass)' : '$(warning)'} MUST ${p.covered}/${p.total}`;
      item.tooltip = `${p.covered} of ${p.total} MUST requirements are cited by a test that runs. Click for the coverage report.`;
      item.backgroundColor = all ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
      item.show();
    }),
  );
}

/** Opens the coverage report (markdown from the server) in a preview. */
/**
 * Writes the coverage report (markdown from the server) to the extension's
 * storage and opens its preview: a real file, so no unsaved tab is left
 * behind, and its links to spec lines are relative paths the preview opens.
 */
export async function showCoverageReport(context: vscode.ExtensionContext, client: LanguageClient | undefined): Promise<void> {
  if (!client) {
    void vscode.window.showWarningMessage('podflow: the language server is not running.');
    return;
  }
  const dir = context.globalStorageUri;
  await vscode.workspace.fs.createDirectory(dir);
  const file = vscode.Uri.joinPath(dir, 'coverage-report.md');
  const { markdown } = await client.sendRequest<{ markdown: string }>('podflow/coverageReport', { reportDir: dir.fsPath });
  await vscode.workspace.fs.writeFile(file, Buffer.from(markdown, 'utf8'));
  await vscode.commands.executeCommand('markdown.showPreview', file);
}

/** The code lens command: peek the tests citing a requirement. */
export async function peekTests(uri: string, position: { line: number; character: number }, locations: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]): Promise<void> {
  const toPos = (p: { line: number; character: number }): vscode.Position => new vscode.Position(p.line, p.character);
  const locs = locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(toPos(l.range.start), toPos(l.range.end))));
  if (locs.length === 0) {
    void vscode.window.showInformationMessage('podflow: no test cites this requirement yet. Name its id in a test (for example `@covers FR-001`).');
    return;
  }
  await vscode.commands.executeCommand('editor.action.peekLocations', vscode.Uri.parse(uri), toPos(position), locs, 'peek');
}
