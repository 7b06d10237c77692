import { Location, Position } from 'vscode-languageserver';
import { Project } from '../project';
import { requirementRange } from '../trace/traceFindings';
import { TracedRequirement } from '../trace/traceIndex';
import { idRangeIn, locate } from './locate';

type UriOf = (path: string) => string;

function requirementLocation(r: TracedRequirement, uriOf: UriOf): Location {
  return { uri: uriOf(r.spec), range: requirementRange(r) };
}

/** Go to Definition: from a test reference to the requirement(s) it names. */
export function definition(project: Project, path: string, pos: Position, uriOf: UriOf): Location[] {
  const at = locate(project, path, pos);
  if (!at) return [];
  if (at.kind === 'requirement') return [requirementLocation(at.requirement, uriOf)];
  return at.targets.map((r) => requirementLocation(r, uriOf));
}

/**
 * Every test reference resolving to a requirement (ambiguous ones included).
 * With `writtenOnly` (for rename), only references that spell the id out on
 * their own and surely mean this requirement: not ranges, which merely include
 * it or would break if one end were renamed, and not ambiguous references,
 * which may mean another spec's requirement.
 */
export function testReferences(project: Project, r: TracedRequirement, uriOf: UriOf, writtenOnly = false): Location[] {
  const out: Location[] = [];
  for (const path of project.trace.testsMentioning(r.id)) {
    const scanned = project.trace.tests.get(path);
    for (const ref of scanned?.references ?? []) {
      if (!ref.ids.includes(r.id)) continue;
      const res = project.trace.resolve(ref, path);
      const hits = writtenOnly ? res.targets : [...res.targets, ...res.ambiguous.flatMap((a) => a.specs.map((spec) => ({ spec, id: a.id })))];
      if (!hits.some((t) => t.spec === r.spec && t.id === r.id)) continue;
      const written = idRangeIn(ref, r.id);
      if (writtenOnly && (!written || ref.form === 'range')) continue;
      const range = written ?? { start: { line: ref.line, character: ref.start }, end: { line: ref.line, character: ref.end } };
      out.push({ uri: uriOf(path), range });
    }
  }
  return out;
}

/** Mentions of an id as a whole token in a spec's text. */
export function mentionsIn(text: string, id: string): { line: number; start: number; end: number }[] {
  const out: { line: number; start: number; end: number }[] = [];
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![A-Za-z0-9_\\-.])${escaped}(?![A-Za-z0-9_]|-[A-Za-z0-9]|\\.[A-Za-z0-9])`, 'g');
  text.split(/\r?\n/).forEach((line, l) => {
    if (!line.includes(id)) return;
    for (const m of line.matchAll(re)) out.push({ line: l, start: m.index!, end: m.index! + id.length });
  });
  return out;
}

/** Mentions of a requirement's id in the other specs (those that do not define that id themselves). */
export function otherSpecMentions(project: Project, r: TracedRequirement, uriOf: UriOf): Location[] {
  const out: Location[] = [];
  for (const spec of project.trace.specs.values()) {
    if (spec.path === r.spec || spec.byId.has(r.id) || spec.definedIds.has(r.id)) continue;
    for (const m of mentionsIn(spec.doc.model.text, r.id)) {
      out.push({ uri: uriOf(spec.path), range: { start: { line: m.line, character: m.start }, end: { line: m.line, character: m.end } } });
    }
  }
  return out;
}

/** Find All References: the requirement, every test citing it, every other spec mentioning it. */
export function references(project: Project, path: string, pos: Position, includeDeclaration: boolean, uriOf: UriOf): Location[] {
  const at = locate(project, path, pos);
  if (!at) return [];
  const targets = at.kind === 'requirement' ? [at.requirement] : at.targets;
  const out: Location[] = [];
  for (const r of targets) {
    if (includeDeclaration) out.push(requirementLocation(r, uriOf));
    out.push(...testReferences(project, r, uriOf));
    out.push(...otherSpecMentions(project, r, uriOf));
  }
  return out;
}
