/**
 * The user stories of test/e2e, checked through the VS Code API from inside the
 * extension host: diagnostics (vscode.languages.getDiagnostics), code actions,
 * edits, undo and commands (vscode.commands.executeCommand). Runs in VS Code
 * desktop (npm run test:vscode) and in code-server's extension host (test/e2e).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  AGENTS_UNKNOWN_SCRIPT,
  contributedCommands,
  SPEC_LOWERCASE_MUST as MUST,
  TYPED_DEFECT,
  type ContributedCommand,
} from '../../e2e/helpers/expectations';
import { waitUntil } from '../../e2e/helpers/wait';

const EXTENSION_ID = 'podflow.podflow';

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the examples workspace open');
  return folder.uri;
}

const fileUri = (rel: string) => vscode.Uri.joinPath(root(), ...rel.split('/'));

function diagnosticsOn(uri: vscode.Uri, rule: string, line0?: number): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === rule && (line0 === undefined || d.range.start.line === line0));
}

async function waitForDiagnostic(uri: vscode.Uri, rule: string, line0: number, present = true): Promise<vscode.Diagnostic | undefined> {
  return waitUntil(`${rule} on line ${line0 + 1} of ${vscode.workspace.asRelativePath(uri)} to be ${present ? 'published' : 'gone'}`, () => {
    const hits = diagnosticsOn(uri, rule, line0);
    if (present) return hits[0];
    return hits.length === 0 ? null : undefined;
  }, 30_000).then((d) => d ?? undefined);
}

export function defineScenarios(): void {
  describe('podflow through the VS Code API', function () {
    this.timeout(60_000);
    let extension: vscode.Extension<unknown>;

    before(async () => {
      const found = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(found, `${EXTENSION_ID} is not installed`);
      extension = found;
      await extension.activate();
    });

    afterEach(async () => {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('activates on the example workspace', () => {
      assert.equal(extension.isActive, true);
    });

    it(`publishes ${AGENTS_UNKNOWN_SCRIPT.rule} for AGENTS.md without the file being opened`, async () => {
      const uri = fileUri(AGENTS_UNKNOWN_SCRIPT.file);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'AGENTS.md must not be open');
      const d = await waitForDiagnostic(uri, AGENTS_UNKNOWN_SCRIPT.rule, AGENTS_UNKNOWN_SCRIPT.line - 1);
      assert.equal(d?.source, 'podflow');
      assert.match(d!.message, AGENTS_UNKNOWN_SCRIPT.message);
    });

    it(`${MUST.rule} on line ${MUST.line}; the quick fix "${MUST.fixTitle}" changes the text and undo restores it`, async () => {
      const uri = fileUri(MUST.file);
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      const line0 = MUST.line - 1;
      assert.equal(doc.lineAt(line0).text, MUST.lineText);
      const d = (await waitForDiagnostic(uri, MUST.rule, line0))!;
      assert.equal(doc.getText(d.range), MUST.word);
      assert.match(d.message, MUST.hover);

      // Quick fixes for the diagnostic's range, as Ctrl+. asks. Right after opening, the server may not
      // have the document yet and answers with nothing: ask again until it does.
      const fix = await waitUntil(`the quick fix "${MUST.fixTitle}"`, async () => {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
        return actions.find((a) => a.title === MUST.fixTitle);
      }, 10_000, 250);
      assert.ok(fix.edit);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(doc.lineAt(line0).text, MUST.fixedLineText);
      await waitForDiagnostic(uri, MUST.rule, line0, false);

      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      await waitUntil('undo to restore the line', () => doc.lineAt(line0).text === MUST.lineText);
      await waitForDiagnostic(uri, MUST.rule, line0);
    });

    it('typing a new defect adds a diagnostic; fixing it removes it', async () => {
      const uri = fileUri(TYPED_DEFECT.file);
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      const line0 = TYPED_DEFECT.line - 1;
      await waitForDiagnostic(uri, MUST.rule, MUST.line - 1);
      assert.ok(await editor.edit((e) => e.insert(new vscode.Position(line0, 0), `${TYPED_DEFECT.text}\n`)));
      const d = (await waitForDiagnostic(uri, TYPED_DEFECT.rule, line0))!;
      assert.equal(doc.getText(d.range), TYPED_DEFECT.word);
      assert.ok(await editor.edit((e) => e.replace(d.range, 'MUST')));
      assert.equal(doc.lineAt(line0).text, TYPED_DEFECT.fixedText);
      await waitForDiagnostic(uri, TYPED_DEFECT.rule, line0, false);
    });

    it('registers every command it contributes, and they run', async () => {
      const commands = contributedCommands(extension.packageJSON as { contributes?: { commands?: ContributedCommand[] } });
      assert.ok(commands.length > 0);
      const registered = new Set(await vscode.commands.getCommands(true));
      for (const c of commands) {
        assert.equal(c.category, 'podflow', `${c.command} category`);
        assert.ok(registered.has(c.command), `${c.command} is contributed but not registered`);
      }
      await vscode.commands.executeCommand('podflow.showOutput');
      await vscode.commands.executeCommand('podflow.restartServer');
      // After a restart the server lints the workspace again.
      await waitForDiagnostic(fileUri(AGENTS_UNKNOWN_SCRIPT.file), AGENTS_UNKNOWN_SCRIPT.rule, AGENTS_UNKNOWN_SCRIPT.line - 1);
    });
  });
}
