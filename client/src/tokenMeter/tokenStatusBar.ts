import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** `podflow/tokenStatus` (server/src/agentLogs/status.ts). */
interface TokenStatusParams {
  visible: boolean;
  text: string;
  tooltip: string;
  colour?: 'warning' | 'error';
}

/** `podflow/budgetMessage` (server/src/agentLogs/budgets.ts). */
interface BudgetMessageParams {
  level: 'info' | 'warning' | 'error';
  text: string;
  actions: string[];
}

/** The token meter's status bar item, its budget messages and its commands. */
export function registerTokenMeter(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.window.createStatusBarItem('podflow.tokens', vscode.StatusBarAlignment.Left, 48);
  item.name = 'podflow token meter';
  item.command = 'podflow.showTokenUsage';
  context.subscriptions.push(
    item,
    client.onNotification('podflow/tokenStatus', (s: TokenStatusParams) => {
      if (!s.visible) {
        item.hide();
        return;
      }
      item.text = s.text;
      item.tooltip = new vscode.MarkdownString(s.tooltip, true);
      item.backgroundColor = s.colour ? new vscode.ThemeColor(s.colour === 'error' ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground') : undefined;
      item.show();
    }),
    client.onNotification('podflow/budgetMessage', async (m: BudgetMessageParams) => {
      const show = m.level === 'error' ? vscode.window.showErrorMessage : m.level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
      const pick = await show(m.text, ...m.actions);
      if (pick === 'Show usage') await vscode.commands.executeCommand('podflow.showTokenUsage');
      if (pick === 'Open settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'podflow.tokens');
    }),
    vscode.commands.registerCommand('podflow.showTokenUsage', () => showTokenUsage(context, client)),
    vscode.commands.registerCommand('podflow.resetTokenSession', async () => {
      await client.sendRequest('podflow/resetTokenSession');
      void vscode.window.setStatusBarMessage('podflow: the session view now counts from here', 4000);
    }),
  );
}

/** Writes the usage breakdown (markdown from the server) to global storage and opens its preview. */
async function showTokenUsage(context: vscode.ExtensionContext, client: LanguageClient): Promise<void> {
  if (!client.isRunning()) {
    void vscode.window.showWarningMessage('podflow: the language server is not running.');
    return;
  }
  const r = await client.sendRequest<{ markdown: string } | null>('podflow/tokenUsage', { days: 30 });
  if (!r) {
    void vscode.window.showWarningMessage('podflow: the token meter has not started yet.');
    return;
  }
  const dir = context.globalStorageUri;
  await vscode.workspace.fs.createDirectory(dir);
  const file = vscode.Uri.joinPath(dir, 'token-usage.md');
  await vscode.workspace.fs.writeFile(file, Buffer.from(r.markdown, 'utf8'));
  await vscode.commands.executeCommand('markdown.showPreview', file);
}
