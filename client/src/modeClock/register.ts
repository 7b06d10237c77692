import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { forwardEditorSignals, type ClockSignal } from './editorSignals';
import { modeClockMenu, ModeStatusBar, pinMode, registerModeStatus } from './modeStatusBar';
import { showModeReport } from './reportView';

/**
 * The mode clock's client half: editor events go to the server as `podflow/modeSignal`,
 * its `podflow/modeStatus` goes to the status bar; commands to pin, pause and report.
 */
export function registerModeClock(context: vscode.ExtensionContext, client: LanguageClient): { send(s: ClockSignal): void } {
  const status = new ModeStatusBar();
  const send = (s: ClockSignal): void => {
    if (client.isRunning()) void client.sendNotification('podflow/modeSignal', s).catch(() => undefined);
  };
  const getClient = () => client;
  registerModeStatus(context, client, status);
  let forwarding: vscode.Disposable | undefined;
  // A (re)started server knows nothing yet: tell it the focus, the editor and the terminals again.
  context.subscriptions.push(
    client.onDidChangeState((e) => {
      forwarding?.dispose();
      forwarding = e.newState === State.Running ? forwardEditorSignals(send) : undefined;
    }),
    { dispose: () => forwarding?.dispose() },
  );
  context.subscriptions.push(
    vscode.commands.registerCommand('podflow.modeClockMenu', () => modeClockMenu(status, send)),
    vscode.commands.registerCommand('podflow.switchMode', (mode?: unknown) => pinMode(send, typeof mode === 'string' ? mode : undefined)),
    vscode.commands.registerCommand('podflow.toggleModeClock', () => send({ type: 'pause', at: Date.now(), paused: status.last?.state !== 'paused' })),
    vscode.commands.registerCommand('podflow.showModeReport', () => showModeReport(context, getClient())),
  );
  return { send };
}
