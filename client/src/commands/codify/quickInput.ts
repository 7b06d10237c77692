import * as vscode from 'vscode';
import type { Row } from './present';

/**
 * One quick pick of a multi-step command: resolves with the value of the accepted row, or
 * undefined when the user presses Escape or the pick loses focus to another quick input.
 */
export function pickOne<T>(title: string, placeholder: string, rows: readonly (Row & { value: T })[]): Promise<T | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { value: T }>();
    qp.title = title;
    qp.placeholder = placeholder;
    qp.items = rows.map((r) => ({ ...r }));
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    qp.ignoreFocusOut = true;
    let done = false;
    const finish = (value: T | undefined): void => {
      if (done) return;
      done = true;
      resolve(value);
      qp.dispose();
    };
    qp.onDidAccept(() => finish(qp.selectedItems[0]?.value));
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}
