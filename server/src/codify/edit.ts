import { Heading, MarkdownModel, parseMarkdown } from '../documents/markdown';
import type { TextEdit } from '../rules/types';
import { headingTitle } from '../rules/util';
import { LEARNINGS_TITLE, learningsLevel } from './sections';

/** Which section a learning goes under: a heading of the current text, or a section to create. */
export interface SectionRef {
  /** Heading title; used to find the heading again when `line` no longer holds it. */
  title: string;
  /** Zero-based heading line; undefined to create the section at the end of the file. */
  line: number | undefined;
  /** Level of a section to create (default: H2, or H1 in a file whose sections are all H1). */
  level?: number;
}

export interface EditResult {
  edits: TextEdit[];
  text: string;
}

/** Title of the file `newAgentsFile` writes. */
export const NEW_FILE_TITLE = '# Agent instructions';

// Indentation, bullet marker and the spaces after it, at the start of a list item's line.
const BULLET = /^( {0,3})([-*+])( +)/;
// Everything before a list item's text: indentation, marker, task box.
const ITEM_LEAD = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})\s*$/;

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

/** Where the heading block ends (exclusive): one line for ATX, two for setext. */
function headingEnd(model: MarkdownModel, h: Heading): number {
  return model.blocks.find((b) => b.kind === 'heading' && b.startLine === h.line)?.endLine ?? h.line + 1;
}

/** The heading a SectionRef names in this text: at its line if the title still matches, else the first with that title. */
function findHeading(model: MarkdownModel, ref: SectionRef): Heading {
  const same = (h: Heading): boolean => headingTitle(h.text).toLowerCase() === headingTitle(ref.title).toLowerCase();
  const hit = model.headings.find((h) => h.line === ref.line && same(h)) ?? model.headings.find(same);
  if (!hit) throw new Error(`No section "${ref.title}" in this AGENTS.md any more.`);
  return hit;
}

/** The fenced code block holding `line`, when it runs to the end of the file without a closing fence. */
function unclosedFenceAt(model: MarkdownModel, line: number): { startLine: number } | undefined {
  const cb = model.codeBlocks.find((c) => c.fenced && c.startLine <= line && line < c.endLine);
  if (!cb) return undefined;
  const closed = cb.endLine - 1 > cb.startLine && FENCE_CLOSE.test(model.lines[cb.endLine - 1] ?? '');
  return closed ? undefined : cb;
}

/** The bullet list a new item can join when `line` is the last line of one: its marker and whether it is loose. */
function listToExtend(model: MarkdownModel, line: number): { lead: string; loose: boolean } | undefined {
  const top = model.listItems.filter((i) => i.depth === 0 && !i.ordered && i.startLine <= line && line < i.endLine).pop();
  if (!top) return undefined;
  const m = BULLET.exec(model.lines[top.startLine] ?? '');
  if (!m) return undefined;
  // A list is loose when a blank line parts its items: the previous top-level item reaches this one.
  const previous = model.listItems.filter((i) => i.depth === 0 && !i.ordered && i.startLine < top.startLine).pop();
  const loose = previous !== undefined && previous.endLine >= top.startLine - 1 && isBlank(model.lines[top.startLine - 1]);
  return { lead: `${m[1]}${m[2]}${m[3].length > 4 ? ' ' : m[3]}`, loose };
}

function insertAt(model: MarkdownModel, line: number, newText: string): EditResult {
  const character = (model.lines[line] ?? '').length;
  const edit: TextEdit = { range: { start: { line, character }, end: { line, character } }, newText };
  return { edits: [edit], text: applyOne(model, edit) };
}

/** Offset of an LSP position in a text whose lines end in "\n" or "\r\n". */
function offsetOf(text: string, pos: { line: number; character: number }): number {
  let o = 0;
  for (let l = 0; l < pos.line; l++) {
    const nl = text.indexOf('\n', o);
    if (nl < 0) return text.length;
    o = nl + 1;
  }
  return o + pos.character;
}

function applyOne(model: MarkdownModel, edit: TextEdit): string {
  return model.text.slice(0, offsetOf(model.text, edit.range.start)) + edit.newText + model.text.slice(offsetOf(model.text, edit.range.end));
}

/**
 * Inserts `- <learning>` as the last item of a section: after the last non-blank
 * line of the section's own content (up to its first sub-heading, or the next
 * heading of the same or higher level), after a fenced code block that ends it,
 * before one that never closes. It joins a bullet list that ends the section
 * (same marker and indentation); otherwise it starts a list after a blank line.
 * A section to create goes at the end of the file as "## Learnings". Line
 * endings (CRLF or LF) and a missing final line break are kept.
 */
export function insertLearning(text: string, section: SectionRef, learning: string): EditResult {
  const model = parseMarkdown(text);
  const eol = model.eol;
  if (section.line === undefined) {
    const existing = model.headings.find((h) => headingTitle(h.text).toLowerCase() === headingTitle(section.title).toLowerCase());
    if (!existing) return appendSection(model, section.title, section.level ?? learningsLevel(model.headings), learning);
    return insertLearning(text, { title: existing.text, line: existing.line }, learning);
  }
  const h = findHeading(model, section);
  const start = headingEnd(model, h);
  const end = h.children[0]?.line ?? h.sectionEnd;
  let last = start - 1;
  for (let l = end - 1; l >= start; l--) {
    if (!isBlank(model.lines[l])) {
      last = l;
      break;
    }
  }
  const open = last >= start ? unclosedFenceAt(model, last) : undefined;
  if (open) {
    // A fence that never closes swallows everything after it: the item goes before it.
    last = start - 1;
    for (let l = open.startLine - 1; l >= start; l--) {
      if (!isBlank(model.lines[l])) {
        last = l;
        break;
      }
    }
  }
  const list = last >= start ? listToExtend(model, last) : undefined;
  if (list && !list.loose) return insertAt(model, last, `${eol}${list.lead}${learning}`);
  const bullet = `${list ? list.lead : '- '}${learning}`;
  const after = isBlank(model.lines[last + 1]) ? '' : eol;
  return insertAt(model, last, `${eol}${eol}${bullet}${after}`);
}

/** Appends "## <title>" with the learning under it at the end of the file. */
function appendSection(model: MarkdownModel, title: string, level: number, learning: string): EditResult {
  const eol = model.eol;
  const heading = `${'#'.repeat(level)} ${title}`;
  let last = -1;
  for (let l = model.lines.length - 1; l >= 0; l--) {
    if (!isBlank(model.lines[l])) {
      last = l;
      break;
    }
  }
  if (last < 0) {
    // Nothing but blank lines (or nothing at all): the section becomes the file's first lines.
    const edit: TextEdit = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${heading}${eol}${eol}- ${learning}${model.text === '' ? eol : ''}` };
    return { edits: [edit], text: applyOne(model, edit) };
  }
  return insertAt(model, last, `${eol}${eol}${heading}${eol}${eol}- ${learning}`);
}

/**
 * Replaces the text of the list item whose text starts on `line` (a duplicate
 * the user chose to replace) with the learning, keeping its indentation, marker
 * and task box; a text that runs over several lines is replaced whole.
 */
export function replaceWithLearning(text: string, line: number, learning: string): EditResult {
  const model = parseMarkdown(text);
  const block = model.blocks.find((b) => b.kind === 'paragraph' && b.listItem && b.startLine === line);
  if (!block) throw new Error(`Line ${line + 1} is not a list item any more.`);
  const lead = ITEM_LEAD.exec(model.lines[line] ?? '')?.[0].length ?? 0;
  const lastLine = block.endLine - 1;
  const edit: TextEdit = {
    range: { start: { line, character: lead }, end: { line: lastLine, character: (model.lines[lastLine] ?? '').length } },
    newText: learning,
  };
  return { edits: [edit], text: applyOne(model, edit) };
}

/** The text of a brand-new AGENTS.md holding one learning, with the given line ending. */
export function newAgentsFile(learning: string, eol: '\n' | '\r\n' = '\n'): EditResult {
  const text = `${NEW_FILE_TITLE}${eol}${eol}## ${LEARNINGS_TITLE}${eol}${eol}- ${learning}${eol}`;
  return { edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }], text };
}

