import * as vscode from 'vscode';
import { NEW_FILES, NewFileCommand, snippetBody } from './templates';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Where the folder dialog starts: the active file's folder, else the first workspace folder. */
function defaultFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme === 'file' && vscode.workspace.getWorkspaceFolder(active)) return vscode.Uri.joinPath(active, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/**
 * "New spec", "New ExecPlan", "New AGENTS.md": the file, in a folder the user picks, filled from
 * its snippet (placeholders to tab through, unsaved until the user saves). Never overwrites: an
 * existing file (AGENTS.md or agents.md for the last) is offered to open instead.
 */
export async function newFromSnippet(context: vscode.ExtensionContext, command: NewFileCommand): Promise<void> {
  const kind = NEW_FILES[command];
  const [folder] =
    (await vscode.window.showOpenDialog({
      title: `podflow: New ${kind.what}: the folder for ${kind.fileName}`,
      defaultUri: defaultFolder(),
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: `Create ${kind.fileName} here`,
    })) ?? [];
  if (!folder) return;
  for (const name of [kind.fileName, ...kind.sameAs]) {
    const existing = vscode.Uri.joinPath(folder, name);
    if (!(await exists(existing))) continue;
    const open = await vscode.window.showErrorMessage(`podflow: ${vscode.workspace.asRelativePath(existing)} already exists; podflow does not overwrite it.`, 'Open it');
    if (open) await vscode.window.showTextDocument(existing, { preview: false });
    return;
  }
  try {
    const snippets: unknown = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'snippets', 'markdown.json'))));
    const body = snippetBody(snippets, kind.snippet);
    const target = vscode.Uri.joinPath(folder, kind.fileName);
    const edit = new vscode.WorkspaceEdit();
    // overwrite false, ignoreIfExists false: a file that appeared since the check makes this fail.
    edit.createFile(target, { overwrite: false, ignoreIfExists: false });
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`${vscode.workspace.asRelativePath(target)} could not be created (did it appear meanwhile?)`);
    const editor = await vscode.window.showTextDocument(target, { preview: false });
    await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Position(0, 0));
  } catch (err) {
    void vscode.window.showErrorMessage(`podflow: New ${kind.what} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
