import { DocumentSymbol, SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { Project } from '../project';
import { withoutId } from '../documents/requirements';
import { requirementRange } from '../trace/traceFindings';

type UriOf = (path: string) => string;

function short(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Outline of a spec, plan or AGENTS.md: headings, with requirement ids under their heading. */
export function documentSymbols(project: Project, path: string, text: string): DocumentSymbol[] {
  const kind = project.kindOf(path);
  if (!kind || kind === 'test') return [];
  const doc = project.linter.parse(path, kind, text);
  const lines = doc.model.lines;
  const roots: DocumentSymbol[] = [];
  const byHeading = new Map<number, DocumentSymbol>();
  for (const h of doc.model.headings) {
    const endLine = Math.max(h.line, h.sectionEnd - 1);
    const sym: DocumentSymbol = {
      name: h.text || '(untitled)',
      kind: SymbolKind.String,
      range: { start: { line: h.line, character: 0 }, end: { line: endLine, character: (lines[endLine] ?? '').length } },
      selectionRange: { start: { line: h.line, character: 0 }, end: { line: h.line, character: (lines[h.line] ?? '').length } },
      children: [],
    };
    byHeading.set(h.line, sym);
    const parent = h.parent ? byHeading.get(h.parent.line) : undefined;
    (parent?.children ?? roots).push(sym);
  }
  const seen = new Set<string>();
  for (const r of doc.requirements.requirements) {
    if (!r.id || seen.has(r.id) || r.block.kind === 'heading') continue;
    seen.add(r.id);
    const last = Math.max(r.startLine, r.extentEnd - 1);
    const sel = r.idLocation
      ? { start: { line: r.idLocation.line, character: r.idLocation.start }, end: { line: r.idLocation.line, character: r.idLocation.end } }
      : { start: { line: r.keywords[0].line, character: r.keywords[0].start }, end: { line: r.keywords[0].line, character: r.keywords[0].end } };
    const sym: DocumentSymbol = {
      name: r.id,
      detail: `${r.keywords[0].keyword} · ${short(withoutId(r.text, r.id))}`,
      kind: SymbolKind.Key,
      range: { start: { line: r.startLine, character: 0 }, end: { line: last, character: (lines[last] ?? '').length } },
      selectionRange: sel,
    };
    const parent = r.block.section ? byHeading.get(r.block.section.line) : undefined;
    (parent?.children ?? roots).push(sym);
  }
  return roots;
}

/** Ctrl+T: requirements whose id or text matches the query, across every spec. */
export function workspaceSymbols(projects: readonly { project: Project; uriOf: UriOf }[], query: string, limit = 500): SymbolInformation[] {
  const q = query.trim().toLowerCase();
  const out: SymbolInformation[] = [];
  for (const { project, uriOf } of projects) {
    for (const spec of project.trace.specs.values()) {
      for (const r of spec.byId.values()) {
        if (q && !r.id.toLowerCase().includes(q) && !r.text.toLowerCase().includes(q)) continue;
        out.push({ name: `${r.id} ${short(withoutId(r.text, r.id), 60)}`, kind: SymbolKind.Key, containerName: spec.scope, location: { uri: uriOf(spec.path), range: requirementRange(r) } });
        if (out.length >= limit) return out;
      }
    }
  }
  // Exact id matches first.
  return out.sort((a, b) => Number(!a.name.toLowerCase().startsWith(q)) - Number(!b.name.toLowerCase().startsWith(q)));
}
