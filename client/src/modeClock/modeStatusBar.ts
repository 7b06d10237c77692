import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ClockSignal } from './editorSignals';

/** `podflow/modeStatus` as the server sends it (server/src/modeClock/status.ts). */
export interface ModeStatusParams {
  text: string;
  tooltip: string;
  drift: boolean;
  mode?: string;
  state: 'counting' | 'idle' | 'unfocused' | 'paused' | 'unknown';
  pinned?: { mode: string; until?: number };
  persistent: boolean;
}

const MODES = [
  { mode: 'plan', label: 'Plan', detail: 'Specs, ExecPlans, design documents' },
  { mode: 'execute', label: 'Execute', detail: 'Source files, agent sessions' },
  { mode: 'review', label: 'Review', detail: 'Diffs, pull requests, tests' },
  { mode: 'codify', label: 'Codify', detail: 'AGENTS.md and learnings' },
];

/** The mode clock's status bar item, showing what the server computed. */
export class ModeStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('podflow.modeClock', vscode.StatusBarAlignment.Left, 49);
  last: ModeStatusParams | undefined;

  constructor() {
    this.item.name = 'podflow mode clock';
    this.item.command = 'podflow.modeClockMenu';
  }

  show(s: ModeStatusParams): void {
    this.last = s;
    this.item.text = s.text;
    const tip = new vscode.MarkdownString(s.tooltip, true);
    this.item.tooltip = tip;
    this.item.backgroundColor = s.drift ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** The status bar item's click: switch mode (pin), unpin, pause or resume, show the report. */
export async function modeClockMenu(status: ModeStatusBar, send: (s: ClockSignal) => void): Promise<void> {
  const s = status.last;
  type Item = vscode.QuickPickItem & { run: () => Thenable<unknown> | void };
  const items: Item[] = [{ label: '$(pin) Switch mode now…', detail: 'Count time in a mode you choose until you change it or for a while', run: () => pinMode(send) }];
  if (s?.pinned) items.push({ label: '$(pinned-dirty) Unpin', detail: 'Back to inferring the mode from what you work on', run: () => send({ type: 'pin', at: Date.now() }) });
  items.push({ label: '$(graph) Show split report', detail: 'Time per mode per day against the 40/10/40/10 target', run: () => vscode.commands.executeCommand('podflow.showModeReport') });
  items.push(
    s?.state === 'paused'
      ? { label: '$(play) Resume the clock', run: () => send({ type: 'pause', at: Date.now(), paused: false }) }
      : { label: '$(debug-pause) Pause the clock', detail: 'Nothing is counted until you resume', run: () => send({ type: 'pause', at: Date.now(), paused: true }) },
  );
  const pick = await vscode.window.showQuickPick(items, { title: 'podflow mode clock', placeHolder: s ? s.text.replace(/\$\([^)]*\)\s*/g, '') : undefined });
  await pick?.run();
}

export async function pinMode(send: (s: ClockSignal) => void, mode?: string): Promise<void> {
  const chosen =
    mode ??
    (await vscode.window.showQuickPick(
      MODES.map((m) => ({ label: m.label, description: m.detail, mode: m.mode })),
      { title: 'Switch mode now', placeHolder: 'Which mode are you in?' },
    ))?.mode;
  if (!chosen) return;
  const durations = [
    { label: 'Until I change it', minutes: 0 },
    { label: 'For 15 minutes', minutes: 15 },
    { label: 'For 30 minutes', minutes: 30 },
    { label: 'For 1 hour', minutes: 60 },
    { label: 'For 2 hours', minutes: 120 },
  ];
  const d = await vscode.window.showQuickPick(durations, { title: `Pin ${chosen}`, placeHolder: 'For how long?' });
  if (!d) return;
  const at = Date.now();
  send({ type: 'pin', at, mode: chosen, until: d.minutes ? at + d.minutes * 60_000 : undefined });
}

/** Wires the item to the server's notifications. */
export function registerModeStatus(context: vscode.ExtensionContext, client: LanguageClient, status: ModeStatusBar): void {
  context.subscriptions.push(
    status,
    client.onNotification('podflow/modeStatus', (p: ModeStatusParams) => {
      if (vscode.workspace.getConfiguration('podflow').get<boolean>('modeClock.enabled', true)) status.show(p);
      else status.hide();
    }),
  );
}
