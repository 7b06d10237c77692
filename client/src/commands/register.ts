import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { peekTests, showCoverageReport } from '../trace/coverage';

/** Palette commands; each is a thin call into VS Code or the language server. */
export function registerCommands(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('podflow.fixAll', async () => {
      if (!vscode.window.activeTextEditor) {
        void vscode.window.showInformationMessage('podflow: open a SPEC.md, PLANS.md or AGENTS.md first.');
        return;
      }
      await vscode.commands.executeCommand('editor.action.codeAction', { kind: 'source.fixAll.podflow', apply: 'first' });
    }),
    vscode.commands.registerCommand('podflow.restartServer', async () => {
      const client = getClient();
      if (!client) return;
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'podflow: restarting language server' }, () => client.restart());
    }),
    vscode.commands.registerCommand('podflow.showOutput', () => getClient()?.outputChannel.show(true)),
    vscode.commands.registerCommand('podflow.showCoverage', () => showCoverageReport(context, getClient())),
    vscode.commands.registerCommand('podflow.peekTests', peekTests),
  );
}
