import * as path from 'node:path';
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerModeClock } from './modeClock/register';
import { registerCodify } from './commands/codify/register';
import { registerCommands } from './commands/register';
import { registerTokenMeter } from './tokenMeter/tokenStatusBar';
import { registerCoverageStatus } from './trace/coverage';
import { contributedKeys, explicitSettings } from './settings';

let client: LanguageClient | undefined;

const TEST_LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'go', 'rust', 'java', 'kotlin', 'ruby'];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const keys = contributedKeys(context);
  const clientOptions: LanguageClientOptions = {
    // Markdown for specs, plans and AGENTS.md; test sources for requirement references.
    documentSelector: ['markdown', ...TEST_LANGUAGES].map((language) => ({ scheme: 'file', language })),
    // storageDir: the extension's global storage, where the mode clock keeps its history database.
    initializationOptions: { settings: explicitSettings(keys), storageDir: context.globalStorageUri.fsPath },
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.md'),
        vscode.workspace.createFileSystemWatcher('**/{package.json,Makefile,makefile,GNUmakefile,.podflow.yaml}'),
        vscode.workspace.createFileSystemWatcher('**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts,py,go,rs,java,kt,kts,rb,xml}'),
      ],
    },
  };
  client = new LanguageClient('podflow', 'podflow', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('podflow') && client) {
        void client.sendNotification(DidChangeConfigurationNotification.type, { settings: { podflow: explicitSettings(keys) } });
      }
    }),
  );
  registerCommands(context, () => client);
  registerCoverageStatus(context, client);
  registerTokenMeter(context, client);
  const clock = registerModeClock(context, client);
  registerCodify(context, () => client, clock.send);
  try {
    await client.start();
  } catch (err) {
    void vscode.window.showErrorMessage(`podflow: the language server failed to start: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
