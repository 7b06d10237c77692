import { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { Project } from '../project';
import { idRangeIn, locate } from './locate';
import { mentionsIn, otherSpecMentions, testReferences } from './navigation';

type UriOf = (path: string) => string;

/** Only a requirement id can be renamed: its range, or null (VS Code then says it cannot be renamed). */
export function prepareRename(project: Project, path: string, pos: Position): { range: Range; placeholder: string } | null {
  const at = locate(project, path, pos);
  if (!at) return null;
  if (at.kind === 'requirement') {
    if (!at.requirement.anchor.idLocation) return null; // an inherited or implicit id is not written here
    return { range: at.range, placeholder: at.requirement.id };
  }
  // Renaming one end of "FR-005 to FR-011" would break the range: ranges are not renamed.
  if (at.ref.form === 'range' || at.targets.length !== 1 || !at.idRange) return null;
  return { range: at.idRange, placeholder: at.targets[0].id };
}

/** Renames the id in its spec (every mention there), in every test citing it and where other specs mention it (as Find All References lists them). */
export function rename(project: Project, path: string, pos: Position, newName: string, uriOf: UriOf): WorkspaceEdit | null {
  const prep = prepareRename(project, path, pos);
  const at = locate(project, path, pos);
  if (!prep || !at) return null;
  const r = at.kind === 'requirement' ? at.requirement : at.targets[0];
  const changes: Record<string, TextEdit[]> = {};
  const add = (uri: string, range: Range): void => {
    (changes[uri] ??= []).push({ range, newText: newName });
  };
  const spec = project.trace.specs.get(r.spec)!;
  for (const m of mentionsIn(spec.doc.model.text, r.id)) {
    add(uriOf(r.spec), { start: { line: m.line, character: m.start }, end: { line: m.line, character: m.end } });
  }
  for (const loc of testReferences(project, r, uriOf, true)) add(loc.uri, loc.range);
  for (const loc of otherSpecMentions(project, r, uriOf)) add(loc.uri, loc.range);
  return { changes };
}
