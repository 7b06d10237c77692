import * as vscode from 'vscode';

/** The shape of `podflow/modeSignal` (see server/src/modeClock/signals.ts); the client only forwards. */
export type EditorView = 'text' | 'diff' | 'merge' | 'pullRequest' | 'testing';
export type ClockSignal =
  | { type: 'editor'; at: number; editor?: { uri: string; view?: EditorView } }
  | { type: 'activity'; at: number }
  | { type: 'focus'; at: number; focused: boolean }
  | { type: 'debug'; at: number; active: boolean }
  | { type: 'testRun'; at: number; active: boolean }
  | { type: 'agentTerminal'; at: number; active: boolean }
  | { type: 'codify'; at: number; active: boolean }
  | { type: 'pin'; at: number; mode?: string; until?: number }
  | { type: 'pause'; at: number; paused: boolean };

/** Keystrokes, selections and scrolls are forwarded at most this often: idle is judged in minutes. */
const ACTIVITY_EVERY_MS = 5_000;
/** Terminal commands and terminal names that mean an agent is at work. */
const AGENT_COMMAND = /^\s*(?:npx\s+|bunx\s+)?(?:@openai\/)?(codex|claude|gemini)(?:\s|$)/;
const AGENT_TERMINAL_NAME = /\b(codex|claude|gemini)\b/i;

/** The merge editor's tab input is not in the stable API; it has base, input1, input2 and result. */
function isMergeInput(input: unknown): input is { result: vscode.Uri } {
  return typeof input === 'object' && input !== null && 'base' in input && 'result' in input && (input as { result: unknown }).result instanceof vscode.Uri;
}

/** What the active tab shows, as the classifier needs it. */
export function activeEditorInfo(): { uri: string; view?: EditorView } | undefined {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  const input: unknown = tab?.input;
  if (input instanceof vscode.TabInputTextDiff) return { uri: input.modified.toString(), view: 'diff' };
  if (input instanceof vscode.TabInputNotebookDiff) return { uri: input.modified.toString(), view: 'diff' };
  if (isMergeInput(input)) return { uri: input.result.toString(), view: 'merge' };
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputNotebook) return { uri: input.uri.toString() };
  if (input instanceof vscode.TabInputWebview) {
    // The GitHub Pull Requests extension's review views; other webviews say nothing about the mode.
    return /pullrequest|pr[-.]?review|review/i.test(input.viewType) ? { uri: `webview:${input.viewType}`, view: 'pullRequest' } : { uri: `webview:${input.viewType}` };
  }
  const editor = vscode.window.activeTextEditor;
  return editor ? { uri: editor.document.uri.toString() } : undefined;
}

/**
 * Turns VS Code's editor, window, debug, task and terminal events into mode-clock signals.
 * `send` delivers them to the language server.
 */
export function forwardEditorSignals(send: (s: ClockSignal) => void): vscode.Disposable {
  let lastEditorKey = '';
  let lastActivity = 0;
  const agentTerminals = new Set<vscode.Terminal>();
  let agentActive = false;

  const editorChanged = (): void => {
    const editor = activeEditorInfo();
    const key = JSON.stringify(editor ?? null);
    if (key === lastEditorKey) return;
    lastEditorKey = key;
    lastActivity = Date.now();
    send({ type: 'editor', at: lastActivity, editor });
  };
  const activity = (): void => {
    const now = Date.now();
    if (now - lastActivity < ACTIVITY_EVERY_MS) return;
    lastActivity = now;
    send({ type: 'activity', at: now });
  };
  const agentsChanged = (): void => {
    const active = agentTerminals.size > 0;
    if (active === agentActive) return;
    agentActive = active;
    send({ type: 'agentTerminal', at: Date.now(), active });
  };

  const subs: vscode.Disposable[] = [
    vscode.window.onDidChangeActiveTextEditor(editorChanged),
    vscode.window.tabGroups.onDidChangeTabs(editorChanged),
    vscode.window.tabGroups.onDidChangeTabGroups(editorChanged),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length && e.document.uri.scheme !== 'output') activity();
    }),
    vscode.window.onDidChangeTextEditorSelection(activity),
    vscode.window.onDidChangeTextEditorVisibleRanges(activity),
    vscode.window.onDidChangeWindowState((s) => send({ type: 'focus', at: Date.now(), focused: s.focused })),
    vscode.debug.onDidStartDebugSession(() => send({ type: 'debug', at: Date.now(), active: true })),
    vscode.debug.onDidTerminateDebugSession(() => send({ type: 'debug', at: Date.now(), active: false })),
    vscode.tasks.onDidStartTask((e) => {
      if (e.execution.task.group === vscode.TaskGroup.Test) send({ type: 'testRun', at: Date.now(), active: true });
    }),
    vscode.tasks.onDidEndTask((e) => {
      if (e.execution.task.group === vscode.TaskGroup.Test) send({ type: 'testRun', at: Date.now(), active: false });
    }),
    vscode.window.onDidOpenTerminal((t) => {
      if (AGENT_TERMINAL_NAME.test(t.name)) agentTerminals.add(t);
      agentsChanged();
    }),
    vscode.window.onDidCloseTerminal((t) => {
      agentTerminals.delete(t);
      agentsChanged();
    }),
  ];
  // Shell integration (VS Code 1.93+) names the command a terminal runs.
  const win = vscode.window as typeof vscode.window & {
    onDidStartTerminalShellExecution?: vscode.Event<{ terminal: vscode.Terminal; execution: { commandLine: { value: string } } }>;
    onDidEndTerminalShellExecution?: vscode.Event<{ terminal: vscode.Terminal; execution: { commandLine: { value: string } } }>;
  };
  if (win.onDidStartTerminalShellExecution && win.onDidEndTerminalShellExecution) {
    subs.push(
      win.onDidStartTerminalShellExecution((e) => {
        if (AGENT_COMMAND.test(e.execution.commandLine.value)) agentTerminals.add(e.terminal);
        agentsChanged();
      }),
      win.onDidEndTerminalShellExecution((e) => {
        if (AGENT_COMMAND.test(e.execution.commandLine.value) && !AGENT_TERMINAL_NAME.test(e.terminal.name)) agentTerminals.delete(e.terminal);
        agentsChanged();
      }),
    );
  }
  for (const t of vscode.window.terminals) if (AGENT_TERMINAL_NAME.test(t.name)) agentTerminals.add(t);

  // The state at start: focus, the editor, terminals already running an agent.
  send({ type: 'focus', at: Date.now(), focused: vscode.window.state.focused });
  editorChanged();
  agentsChanged();
  return vscode.Disposable.from(...subs);
}
