import { CompletionItem, CompletionItemKind, Connection, MarkupKind, Position, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { nextFreeId, splitId } from '../documents/ids';
import { MarkdownModel } from '../documents/markdown';
import { Linter } from '../lint/linter';
import { FileKind } from '../project';
import { decoration } from '../rules/spec003MissingId';
import { LintDocument } from '../rules/types';
import { headingTitle } from '../rules/util';
import { TraceIndex } from '../trace/traceIndex';
import { Located } from './traceFeatures';

/** What completion reads of a project: `Project` is one. */
export interface CompletionSource {
  kindOf(path: string): FileKind | undefined;
  readonly trace: TraceIndex;
  readonly linter: Pick<Linter, 'parse'>;
}

/** Characters after which the editor asks for completions: "- ", "**", "FR-", "@covers ", "covers:", "[", quotes, "## ". */
export const COMPLETION_TRIGGER_CHARACTERS = [' ', '*', '-', '[', ':', '"', "'"];

/** Section names most AGENTS.md files have, with the titles that already stand for each. */
export const AGENTS_SECTIONS: readonly { name: string; aliases: readonly string[] }[] = [
  { name: 'Project context', aliases: ['project context', 'project', 'context', 'overview', 'project overview', 'about'] },
  { name: 'Commands', aliases: ['commands', 'build and test', 'build & test', 'setup', 'useful commands', 'development commands'] },
  { name: 'Coding standards', aliases: ['coding standards', 'code style', 'style', 'conventions', 'coding conventions', 'code conventions'] },
  { name: 'Testing', aliases: ['testing', 'tests', 'test'] },
  { name: 'Boundaries', aliases: ['boundaries', "don'ts", 'donts', 'never'] },
  { name: 'Learnings', aliases: ['learnings', 'learning', 'lessons', 'lessons learned'] },
];

/**
 * Completions at a position of a podflow file, from its current text: the next
 * free requirement id in a spec, requirement ids after `@covers` in a test file,
 * missing section names after `## ` in an AGENTS.md. Empty anywhere else.
 */
export function completionsAt(source: CompletionSource, path: string, text: string, position: Position): CompletionItem[] {
  const kind = source.kindOf(path);
  const lines = text.split(/\r?\n/);
  const line = lines[position.line];
  if (line === undefined || kind === undefined) return [];
  const before = line.slice(0, position.character);
  const after = line.slice(position.character);
  if (kind === 'test') return requirementReferences(source.trace, path, before, position);
  if (kind === 'plans') return [];
  const doc = source.linter.parse(path, kind, text);
  if (inCode(doc.model, position)) return [];
  if (kind === 'spec') return nextIds(doc, before, after, position);
  return agentsSections(doc.model, before, position);
}

/** Inside a code block, a code span or the front matter: no completions there. */
function inCode(model: MarkdownModel, pos: Position): boolean {
  if (model.frontMatter && pos.line <= model.frontMatter.endLine) return true;
  if (model.codeBlocks.some((c) => c.startLine <= pos.line && pos.line < c.endLine)) return true;
  return model.codeSpans.some((s) => s.line === pos.line && s.start < pos.character && pos.character < s.end);
}

function replacing(pos: Position, typed: string, newText: string): CompletionItem['textEdit'] {
  return { range: { start: { line: pos.line, character: pos.character - typed.length }, end: pos }, newText };
}

// "- **" or "- **FR-0" at the start of a list item; "**FR-" anywhere; a bare "- " (or "1. ") starting an item.
const ITEM_BOLD = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?\*\*([A-Za-z][\w.-]*)?$/;
const INLINE_BOLD = /\*\*([A-Z][\w.-]*)$/;
const ITEM_START = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?$/;

/** (a) In a spec: the next free id of each id scheme (prefix) the spec uses, the nearest one above first. */
function nextIds(doc: LintDocument, before: string, after: string, pos: Position): CompletionItem[] {
  const defs = doc.requirements.definitions.filter((d) => d.block.kind !== 'heading' && d.block.kind !== 'tableRow');
  const bold = ITEM_BOLD.exec(before);
  const inline = bold ? undefined : INLINE_BOLD.exec(before);
  const bare = bold || inline ? undefined : ITEM_START.exec(before);
  if (!bold && !inline && !bare) return [];
  const typed = (bold ?? inline)?.[1] ?? '';
  if (bare && !idsNearby(doc, defs, pos.line)) return [];
  const taken = new Set(doc.requirements.definitions.map((d) => d.id));
  for (const r of doc.requirements.requirements) if (r.id !== undefined) taken.add(r.id);
  const above = defs.filter((d) => d.line < pos.line);
  // One base per prefix: the nearest definition above the cursor, else the last one in the spec.
  const bases = new Map<string, (typeof defs)[number]>();
  for (const d of [...above].reverse().concat([...defs].reverse())) {
    const prefix = splitId(d.id).prefix;
    if (!bases.has(prefix)) bases.set(prefix, d);
  }
  const nearest = above[above.length - 1] ?? defs[0];
  const primary = nearest ? splitId(nearest.id).prefix : undefined;
  const ordered = [...bases.entries()].sort(([pa, a], [pb, b]) => Number(pb === primary) - Number(pa === primary) || a.line - b.line).map(([, d]) => d);
  const candidates: { id: string; base: string | undefined; decorate: { before: string; after: string } }[] = ordered.map((d) => ({
    id: nextFreeId(d.id, taken),
    base: d.id,
    decorate: decoration(doc.model.lines[d.line] ?? '', d.start, d.end),
  }));
  // A spec without ids yet starts the spec-kit way.
  if (candidates.length === 0) candidates.push({ id: 'FR-001', base: undefined, decorate: { before: '**', after: '**: ' } });
  const closing = /^\*\*/.test(after) ? '' : bold ? '**: ' : '**';
  return candidates
    .filter((c) => c.id.toLowerCase().startsWith(typed.toLowerCase()))
    .map((c, i) => ({
      label: c.id,
      kind: CompletionItemKind.Constant,
      detail: c.base ? `next free id after ${c.base}` : 'first requirement id',
      sortText: String(i).padStart(3, '0'),
      preselect: i === 0,
      filterText: bare ? `${c.decorate.before}${c.id}` : c.id,
      textEdit: replacing(pos, typed, bare ? `${c.decorate.before}${c.id}${c.decorate.after}` : `${c.id}${closing}`),
    }));
}

/** A bare "- " offers an id only where requirements with ids are: in a section that defines some, or right after one. */
function idsNearby(doc: LintDocument, defs: LintDocument['requirements']['definitions'], line: number): boolean {
  const section = [...doc.model.headings].reverse().find((h) => h.line < line);
  if (defs.some((d) => (section ? d.line > section.line && d.line < section.sectionEnd : d.line < line))) return true;
  for (let l = line - 1; l >= 0; l--) {
    if ((doc.model.lines[l] ?? '').trim() === '') continue;
    return defs.some((d) => d.line === l);
  }
  return false;
}

// After "@covers " (or @req, @requirement, @verifies, @trace), "covers:", a tag list "[" and a pytest marker's quote;
// earlier ids of a comma-separated list are skipped. Group 1 is what is typed of the id so far.
const REF_CONTEXTS = [
  /(?:^|[\s*/#("'`])@(?:covers|req|requirements?|verifies|trace)\s+(?:\[\s*)?(?:["']?[\w./-]+["']?\s*,\s*)*["']?([\w./-]*)$/i,
  /\bcovers:\s*(?:\[\s*)?(?:["']?[\w./-]+["']?\s*,\s*)*["']?([\w./-]*)$/i,
  /\btags?\s*[:=]\s*\[\s*(?:["']@?[\w./-]+["']\s*,\s*)*["']@?([\w./-]*)$/i,
  /\brequirements?\(\s*(?:["'][\w./-]+["']\s*,\s*)*["']([\w./-]*)$/i,
];

/** (b) In a test file: every requirement id a spec defines, qualified where the bare id would not resolve to it. */
function requirementReferences(trace: TraceIndex, testPath: string, before: string, pos: Position): CompletionItem[] {
  const typed = REF_CONTEXTS.map((re) => re.exec(before)).find((m) => m)?.[1];
  if (typed === undefined) return [];
  const items: { item: CompletionItem; group: number; spec: string; line: number }[] = [];
  for (const spec of trace.specs.values()) {
    for (const r of spec.byId.values()) {
      const bare = trace.resolve({ form: 'plain', text: r.id, line: 0, start: 0, end: 0, ids: [r.id], qualifier: undefined, test: undefined }, testPath);
      const resolvesBare = bare.targets.length === 1 && bare.targets[0].spec === spec.path;
      const insert = resolvesBare ? r.id : `${spec.scope}/${r.id}`;
      items.push({
        group: resolvesBare ? 0 : 1,
        spec: spec.path,
        line: r.anchor.startLine,
        item: {
          label: insert,
          labelDetails: { description: spec.path },
          kind: CompletionItemKind.Reference,
          detail: `${r.keyword} · ${spec.path}:${r.anchor.startLine + 1}`,
          documentation: { kind: MarkupKind.Markdown, value: r.text },
          filterText: insert,
          textEdit: replacing(pos, typed, insert),
        },
      });
    }
  }
  items.sort((a, b) => a.group - b.group || a.spec.localeCompare(b.spec) || a.line - b.line);
  return items.map((x, i) => ({ ...x.item, sortText: String(i).padStart(5, '0') }));
}

const HEADING_START = /^##\s+([^#]*)$/;

/** (c) In an AGENTS.md: after "## ", the common section names the file does not have yet. */
function agentsSections(model: MarkdownModel, before: string, pos: Position): CompletionItem[] {
  const m = HEADING_START.exec(before);
  if (!m) return [];
  const typed = m[1];
  const present = new Set(model.headings.filter((h) => h.line !== pos.line).map((h) => headingTitle(h.text).toLowerCase()));
  return AGENTS_SECTIONS.filter((s) => !s.aliases.some((a) => present.has(a))).map((s, i) => ({
    label: s.name,
    kind: CompletionItemKind.Module,
    detail: 'AGENTS.md section',
    sortText: String(i).padStart(2, '0'),
    textEdit: replacing(pos, typed, s.name),
  }));
}

/** Wires completion to LSP; the handler is a thin call into `completionsAt` on the open document's text. */
export function registerCompletion(connection: Connection, documents: TextDocuments<TextDocument>, at: (uri: string) => Located | undefined): void {
  connection.onCompletion((p) => {
    const l = at(p.textDocument.uri);
    const doc = documents.get(p.textDocument.uri);
    return l && doc ? completionsAt(l.project, l.path, doc.getText(), p.position) : [];
  });
}
