import { Position } from 'vscode-languageserver';
import { Range } from '../documents/types';
import { Project } from '../project';
import { TestReference } from '../trace/testScanner';
import { requirementRange } from '../trace/traceFindings';
import { TracedRequirement } from '../trace/traceIndex';

/** What sits under the cursor, as far as traceability is concerned. */
export type Located =
  | { kind: 'requirement'; requirement: TracedRequirement; range: Range }
  | { kind: 'reference'; ref: TestReference; targets: TracedRequirement[]; range: Range; idRange: Range | undefined };

function inside(r: { line: number; start: number; end: number }, pos: Position): boolean {
  return r.line === pos.line && pos.character >= r.start && pos.character <= r.end;
}

function contains(range: Range, pos: Position): boolean {
  return range.start.line === pos.line && pos.character >= range.start.character && pos.character <= range.end.character;
}

/** The range of `id` inside a reference's text (the id part of "002-export/FR-001"). */
export function idRangeIn(ref: TestReference, id: string): Range | undefined {
  const at = ref.text.lastIndexOf(id);
  if (at < 0) return undefined;
  return { start: { line: ref.line, character: ref.start + at }, end: { line: ref.line, character: ref.start + at + id.length } };
}

export function locate(project: Project, path: string, pos: Position): Located | undefined {
  const kind = project.kindOf(path);
  if (kind === 'spec') {
    const entry = project.trace.specs.get(path);
    if (!entry) return undefined;
    for (const r of entry.byId.values()) {
      const range = requirementRange(r);
      if (r.anchor.idLocation && contains(range, pos)) return { kind: 'requirement', requirement: r, range };
    }
    // Inherited and Kiro ids have no written id: the keyword or the first line stands for them.
    for (const r of entry.byId.values()) {
      if (!r.anchor.idLocation && pos.line === r.anchor.startLine) return { kind: 'requirement', requirement: r, range: requirementRange(r) };
    }
    return undefined;
  }
  if (kind === 'test') {
    const scanned = project.trace.tests.get(path);
    const ref = scanned?.references.find((r) => inside(r, pos));
    if (!ref) return undefined;
    const res = project.trace.resolve(ref, path);
    const candidates = [...res.targets, ...res.ambiguous.flatMap((a) => a.specs.map((spec) => ({ spec, id: a.id })))];
    // In a range, the id under the cursor is the one meant.
    const pointed = ref.ids.find((id) => {
      const r = idRangeIn(ref, id);
      return r !== undefined && contains(r, pos);
    });
    const wanted = pointed ? candidates.filter((c) => c.id === pointed) : candidates;
    const targets = wanted.map((t) => project.trace.specs.get(t.spec)?.byId.get(t.id)).filter((t): t is TracedRequirement => !!t);
    const range = { start: { line: ref.line, character: ref.start }, end: { line: ref.line, character: ref.end } };
    return { kind: 'reference', ref, targets, range, idRange: pointed ? idRangeIn(ref, pointed) : ref.ids.length === 1 ? idRangeIn(ref, ref.ids[0]) : undefined };
  }
  return undefined;
}
