import { IdMatcher } from './ids';
import { findKeywords, isBoilerplate, KeywordHit, Level } from './keywords';
import { Block, MarkdownModel } from './markdown';

export type IdSource = 'leading' | 'emphasis' | 'heading' | 'kiro' | 'marker' | 'parent';

export interface Requirement {
  block: Block;
  /** Lines whose text states the requirement (its paragraph, heading or row). */
  startLine: number;
  endLine: number;
  /** Lines the requirement owns, including nested sub-items ("MUST accept:" + bullets). */
  extentEnd: number;
  keywords: KeywordHit[];
  /** Strongest level among its keywords. */
  level: Level;
  id: string | undefined;
  idSource: IdSource | undefined;
  /** Where the id is written, when it is written in this block. */
  idLocation: { line: number; start: number; end: number } | undefined;
  text: string;
}

/** An id written at the start of a block: the place that defines it. */
export interface IdDefinition {
  id: string;
  line: number;
  start: number;
  end: number;
  block: Block;
}

export interface RequirementIndex {
  requirements: Requirement[];
  definitions: IdDefinition[];
}

// List marker, task box, heading hashes, then emphasis / bracket / code openers before an id.
const LEAD = /^(\s*(?:#{1,6}\s+)?(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?)((?:\*\*|__|\*|_|\[|`)*)/;
// `r[auth.login]` / `req[x.y+2]` on a line of its own (tracey-style markers, also inside blockquotes).
const TRACEY_MARKER = /^\s*[a-z][a-z0-9]*\[([A-Za-z0-9_.+-]+)\]\s*$/;
const QUOTE = /^(?:\s{0,3}>\s?)+/;

/** A line without its blockquote markers, and how many characters they took. */
function unquote(line: string): { text: string; offset: number } {
  const q = QUOTE.exec(line);
  return q ? { text: line.slice(q[0].length), offset: q[0].length } : { text: line, offset: 0 };
}
const KIRO_HEADING = /^Requirement\s+(\d+)\b/i;
const KIRO_CRITERION = /^(\d+)\.(\d+)\.?\s/;
// A conventions list defining a keyword ("- **SHALL**: Indicates a mandatory requirement") states no requirement.
const KEYWORD_DEFINITION =
  /^(?:\*\*|__|\*|_|`)?(?:MUST NOT|SHALL NOT|SHOULD NOT|NOT RECOMMENDED|MUST|SHALL|REQUIRED|SHOULD|RECOMMENDED|MAY|OPTIONAL)(?:\*\*|__|\*|_|`)?\s*(?::|[-\u2013\u2014=]\s)/;
const LEVEL_RANK: Record<Level, number> = { must: 3, should: 2, may: 1 };

/** Finds the id at the start of a source line, after list markers and emphasis. */
export function leadingId(line: string, ids: IdMatcher): { id: string; start: number; end: number } | undefined {
  const { text, offset } = unquote(line);
  const lead = LEAD.exec(text);
  const at = offset + (lead ? lead[0].length : 0);
  const rest = line.slice(at);
  // The closing `__` of `__FR-001__` would otherwise read as the rest of a longer word.
  const unclosed = lead?.[2].includes('_') ? rest.replace(/_+/, (u) => ' '.repeat(u.length)) : undefined;
  const m = ids.anchored.exec(rest) ?? (unclosed === undefined ? null : ids.anchored.exec(unclosed));
  if (!m) return undefined;
  return { id: m[0], start: at, end: at + m[0].length };
}

function emphasisId(line: string, ids: IdMatcher): { id: string; start: number; end: number } | undefined {
  for (const m of line.matchAll(ids.global)) {
    const s = m.index!;
    const e = s + m[0].length;
    const before = line.slice(Math.max(0, s - 2), s);
    const after = line.slice(e, e + 2);
    if ((before.endsWith('**') && after.startsWith('**')) || (before.endsWith('[') && after.startsWith(']'))) {
      return { id: m[0], start: s, end: e };
    }
  }
  return undefined;
}

/** Table rows are requirements only in tables that hold ids and are not tables of examples. */
function tableCounts(b: Block, model: MarkdownModel, ids: IdMatcher): boolean {
  if (!b.table || b.tableRowIndex === 0) return false;
  if (/\bexamples?\b/i.test(b.table.header)) return false;
  ids.global.lastIndex = 0;
  return ids.global.test(model.masked[b.startLine] ?? '') || leadingCell(model.lines[b.startLine], ids) !== undefined;
}

function leadingCell(line: string | undefined, ids: IdMatcher): { id: string; start: number; end: number } | undefined {
  if (!line) return undefined;
  const m = /^\s*\|?\s*(?:\*\*|`|\[)?/.exec(line);
  const at = m ? m[0].length : 0;
  const id = ids.anchored.exec(line.slice(at));
  return id ? { id: id[0], start: at, end: at + id[0].length } : undefined;
}

// Whitespace other than a single space: only then does collapsing change the text.
const NEEDS_COLLAPSE = /[^\S ]| {2}/;

/** `text.replace(/\s+/g, ' ').trim()`, without rebuilding the (usual) text that has nothing to collapse. */
function collapseSpace(text: string): string {
  return NEEDS_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

export function extractRequirements(model: MarkdownModel, ids: IdMatcher): RequirementIndex {
  const requirements: Requirement[] = [];
  const definitions: IdDefinition[] = [];
  const headingIds = new Map<number, string>();
  // Ids of list items by their start line, so nested items inherit their parent's id.
  const itemIds = new Map<number, string>();
  let quoteMarker: { id: string; end: number } | undefined;
  let kiro: { number: string; end: number } | undefined;

  for (const b of model.blocks) {
    const firstLine = model.lines[b.startLine] ?? '';
    if (kiro && b.startLine >= kiro.end) kiro = undefined;
    let own: { id: string; start: number; end: number } | undefined;
    let source: IdSource | undefined;
    // Only rows of requirement tables define ids; a table of examples merely shows them.
    const countedRow = b.kind === 'tableRow' && tableCounts(b, model, ids);
    if (b.kind === 'tableRow') {
      own = countedRow ? leadingCell(firstLine, ids) : undefined;
      if (own) source = 'leading';
    } else {
      own = leadingId(firstLine, ids);
      if (own) source = 'leading';
    }
    if (own) {
      definitions.push({ id: own.id, line: b.startLine, start: own.start, end: own.end, block: b });
    }
    if (b.kind === 'heading') {
      if (own) headingIds.set(b.startLine, own.id);
      const k = KIRO_HEADING.exec(b.text);
      const heading = model.headings.find((h) => h.line === b.startLine);
      if (k && heading) kiro = { number: k[1], end: heading.sectionEnd };
    }
    const marker = TRACEY_MARKER.exec(unquote(firstLine).text);
    if (!own && marker) {
      const start = firstLine.indexOf(`[${marker[1]}]`) + 1;
      own = { id: marker[1], start, end: start + marker[1].length };
      source = 'marker';
      definitions.push({ line: b.startLine, ...own, block: b });
      if (b.quote) quoteMarker = { id: own.id, end: b.quote[1] };
    }
    if (quoteMarker && (!b.quote || b.startLine >= quoteMarker.end)) quoteMarker = undefined;
    if (own && b.listItem) itemIds.set(b.listItem.startLine, own.id);

    if (b.kind === 'tableRow' && !countedRow) continue;
    const keywords = findKeywords(model.masked, b.startLine, b.endLine);
    if (keywords.length === 0 || isBoilerplate(b.text) || KEYWORD_DEFINITION.test(b.text)) continue;

    let id = own?.id;
    let idLocation = own ? { line: b.startLine, start: own.start, end: own.end } : undefined;
    if (!id) {
      for (let l = b.startLine; l < b.endLine && !id; l++) {
        const e = emphasisId(model.lines[l] ?? '', ids);
        if (e) {
          id = e.id;
          source = 'emphasis';
          idLocation = { line: l, start: e.start, end: e.end };
        }
      }
    }
    // Criteria written as paragraphs carry their full number: "5.3. WHEN ..., THE System SHALL ...".
    const numbered = kiro && !b.listItem ? KIRO_CRITERION.exec(b.text) : null;
    if (!id && kiro && numbered && numbered[1] === kiro.number) {
      id = `${numbered[1]}.${numbered[2]}`;
      source = 'kiro';
      const col = firstLine.indexOf(id);
      idLocation = col >= 0 ? { line: b.startLine, start: col, end: col + id.length } : undefined;
    } else if (!id && kiro && b.listItem?.ordered && b.listItem.number && b.listItem.depth === 0) {
      id = `${kiro.number}.${b.listItem.number}`;
      source = 'kiro';
    }
    if (!id && quoteMarker) {
      id = quoteMarker.id;
      source = 'marker';
    }
    if (!id && b.enclosingItem) {
      for (let p = b.enclosingItem.parent; p && !id; p = p.parent) {
        id = itemIds.get(p.startLine);
        if (id) source = 'parent';
      }
    }
    if (!id && b.kind !== 'heading' && b.section && headingIds.has(b.section.line)) {
      id = headingIds.get(b.section.line);
      source = 'heading';
    }
    const level = keywords.reduce<Level>((best, k) => (LEVEL_RANK[k.level] > LEVEL_RANK[best] ? k.level : best), 'may');
    requirements.push({
      block: b,
      startLine: b.startLine,
      endLine: b.endLine,
      extentEnd: b.listItem ? b.listItem.endLine : b.endLine,
      keywords,
      level,
      id,
      idSource: id ? source : undefined,
      idLocation,
      text: collapseSpace(b.text),
    });
  }
  return { requirements, definitions };
}

/** A requirement's text without its own id at the front ("**FR-002**: The system ..." -> "The system ..."). */
export function withoutId(text: string, id: string): string {
  const at = text.indexOf(id);
  if (at < 0 || at > 4) return text;
  return text.slice(at + id.length).replace(/^(?:\*\*|__|\]|`)?\s*[:\u2014\u2013-]?\s*/, '') || text;
}
