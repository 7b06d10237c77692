import * as vscode from 'vscode';
import type { CodifyEditResult } from '../../../../server/src/features/codifyFeature';

const METADATA: vscode.WorkspaceEditEntryMetadata = { label: 'Codify learning', needsConfirmation: false };

function sameUri(a: vscode.Uri, b: vscode.Uri): boolean {
  return a.toString() === b.toString();
}

/** The open document for a URI, if VS Code has one (an editor, or a model kept after closing). */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => sameUri(d.uri, uri));
}

/**
 * The server's LSP WorkspaceEdit as VS Code's: a file to create (left alone if it appeared
 * meanwhile), then text edits against the document as it is now (never the saved file).
 */
export function toWorkspaceEdit(result: CodifyEditResult): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of result.edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'create') edit.createFile(vscode.Uri.parse(change.uri), { ignoreIfExists: true }, METADATA);
      continue;
    }
    const uri = vscode.Uri.parse(change.textDocument.uri);
    for (const e of change.edits) {
      if (!('newText' in e)) continue; // snippet edits (LSP 3.18): the codify requests never send them
      const r = e.range;
      edit.replace(uri, new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), e.newText, METADATA);
    }
  }
  return edit;
}

/**
 * Applies a codify edit as one undo step and saves the file only when it had no unsaved changes
 * before (a file with unsaved edits keeps them, and stays unsaved). Returns the document.
 */
export async function applyCodifyEdit(result: CodifyEditResult): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.parse(result.uri);
  const wasDirty = openDocument(uri)?.isDirty ?? false;
  const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(result));
  if (!applied) throw new Error(`VS Code did not apply the edit to ${result.path}.`);
  const doc = await vscode.workspace.openTextDocument(uri);
  if (!wasDirty && doc.isDirty && !(await doc.save())) throw new Error(`the line was added to ${result.path}, but saving it failed; it is open with unsaved changes.`);
  return doc;
}
