import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ClockSignal } from '../../modeClock/editorSignals';
import { codifyLearning } from './codifyLearning';
import { newFromSnippet } from './newFile';
import { showLearnings } from './showLearnings';
import { NEW_FILES, NewFileCommand } from './templates';

/**
 * The codify commands: Codify learning (counted as codify time through `send`, the mode clock's
 * signal), Show codified learnings, and New spec / ExecPlan / AGENTS.md from the snippets.
 */
export function registerCodify(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined, send: (s: ClockSignal) => void): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('podflow.codifyLearning', () => codifyLearning(getClient(), send)),
    vscode.commands.registerCommand('podflow.showLearnings', () => showLearnings(getClient())),
    ...(Object.keys(NEW_FILES) as NewFileCommand[]).map((command) => vscode.commands.registerCommand(command, () => newFromSnippet(context, command))),
  );
}
