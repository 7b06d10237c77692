import { CodeAction, CodeActionKind, Diagnostic, TextEdit } from 'vscode-languageserver';
import { Finding } from '../rules/types';
import { DiagnosticData, DIAGNOSTIC_SOURCE } from './diagnostics';

export const FIX_ALL_TITLE = 'Fix all podflow problems in this file';

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const before = (x: TextEdit['range']['end'], y: TextEdit['range']['start']): boolean =>
    x.line < y.line || (x.line === y.line && x.character <= y.character);
  return !(before(a.range.end, b.range.start) || before(b.range.end, a.range.start));
}

/** Every fix in the file, skipping any edit that would overlap one already taken. */
export function fixAllEdits(findings: Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const f of findings) {
    if (!f.fix) continue;
    if (f.fix.edits.some((e) => taken.some((t) => overlaps(t, e)))) continue;
    taken.push(...f.fix.edits);
  }
  return taken;
}

export function codeActionsFor(
  uri: string,
  diagnostics: Diagnostic[],
  findings: Finding[],
  lineText: (line: number) => string,
  only: string[] | undefined,
): CodeAction[] {
  const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  const ours = diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of ours) {
      const fix = (d.data as DiagnosticData | undefined)?.fix;
      if (fix) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: fix.edits } } });
      }
    }
    for (const d of ours) {
      const line = d.range.start.line;
      const end = lineText(line).length;
      actions.push({
        title: `Disable ${String(d.code)} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [uri]: [{ range: { start: { line, character: end }, end: { line, character: end } }, newText: ` <!-- podflow-disable-line ${String(d.code)} -->` }] } },
      });
    }
  }
  const all = fixAllEdits(findings);
  if (all.length > 0) {
    const fixAll = { title: FIX_ALL_TITLE, edit: { changes: { [uri]: all } } };
    if (wants(CodeActionKind.QuickFix) && ours.some((d) => (d.data as DiagnosticData | undefined)?.fix)) {
      actions.push({ ...fixAll, kind: CodeActionKind.QuickFix });
    }
    if (wants(`${CodeActionKind.SourceFixAll}.podflow`) && only?.some((o) => o.startsWith(CodeActionKind.SourceFixAll) || o === CodeActionKind.Source)) {
      actions.push({ ...fixAll, kind: `${CodeActionKind.SourceFixAll}.podflow` });
    }
  }
  return actions;
}
