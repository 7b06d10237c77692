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
  /** Line text for the "disable for this line" action; undefined where comments cannot go. */
  lineText: ((line: number) => string) | undefined,
  only: string[] | undefined,
): CodeAction[] {
  const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  const ours = diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of ours) {
      const data = d.data as DiagnosticData | undefined;
      if (data?.fix) {
        actions.push({ title: data.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: data.fix.edits } } });
      }
      for (const alt of data?.fixes ?? []) {
        actions.push({ title: alt.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [uri]: alt.edits } } });
      }
    }
    for (const d of lineText ? ours : []) {
      const line = d.range.start.line;
      const end = lineText ? lineText(line).length : 0;
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
