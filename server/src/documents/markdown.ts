import MarkdownIt from 'markdown-it';
import { extractFrontMatter, FrontMatter } from './frontMatter';

export interface Heading {
  level: number;
  text: string;
  line: number;
  /** First line after this heading's section (next heading of the same or higher level, or EOF). */
  sectionEnd: number;
  parent: Heading | undefined;
  children: Heading[];
}

export interface ListItem {
  startLine: number;
  endLine: number;
  depth: number;
  ordered: boolean;
  /** The number written before an ordered item ("3" for "3. ..."). */
  number: string | undefined;
  /** ' ' or 'x' for task items, undefined otherwise. */
  checkbox: string | undefined;
  parent: ListItem | undefined;
}

export type BlockKind = 'heading' | 'paragraph' | 'tableRow';

/** A run of inline text: a heading, a paragraph (in a list item or not) or a table row. */
export interface Block {
  kind: BlockKind;
  startLine: number;
  /** Exclusive. */
  endLine: number;
  /** Inline source as markdown-it sees it (list markers and indentation removed). */
  text: string;
  /** The list item this paragraph opens (its first paragraph), if any. */
  listItem: ListItem | undefined;
  /** The list item this paragraph sits in (first paragraph or not). */
  enclosingItem: ListItem | undefined;
  /** Nearest heading above (for a heading block, its parent heading). */
  section: Heading | undefined;
  headingLevel: number | undefined;
  /** For table rows: index of the row inside its table (0 = header). */
  tableRowIndex: number | undefined;
  table: Table | undefined;
  /** The outermost blockquote this block sits in: [startLine, endLine). */
  quote: [number, number] | undefined;
}

export interface Table {
  startLine: number;
  endLine: number;
  header: string;
}

export interface CodeBlock {
  startLine: number;
  /** Exclusive. */
  endLine: number;
  fenced: boolean;
  lang: string;
  content: string;
  /** First content line (after the opening fence). */
  contentStartLine: number;
}

export interface CodeSpan {
  line: number;
  start: number;
  end: number;
  content: string;
}

export interface Link {
  target: string;
  line: number;
  start: number;
  end: number;
}

export interface MarkdownModel {
  text: string;
  lines: string[];
  eol: '\n' | '\r\n';
  /** Lines with code blocks, code spans, HTML comments and front matter blanked to spaces. */
  masked: string[];
  frontMatter: FrontMatter | undefined;
  headings: Heading[];
  blocks: Block[];
  listItems: ListItem[];
  codeBlocks: CodeBlock[];
  codeSpans: CodeSpan[];
  links: Link[];
  /** HTML comments with their line, used for inline suppression. */
  comments: { line: number; text: string }[];
}

const md = new MarkdownIt('commonmark').enable('table');
// Only block tokens are read (an inline token's `content`, never its `children`), so skip
// inline tokenizing: it built most of the tokens and was the costliest part of a parse.
md.core.ruler.disable(['inline', 'text_join']);

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

export function parseMarkdown(text: string): MarkdownModel {
  const lines = splitLines(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const frontMatter = extractFrontMatter(lines);
  // Blank the front matter so markdown-it does not read `---` as a rule or setext heading.
  const bodyLines = lines.slice();
  if (frontMatter) for (let i = 0; i <= frontMatter.endLine; i++) bodyLines[i] = '';
  const tokens = md.parse(bodyLines.join('\n'), {});

  const headings: Heading[] = [];
  const blocks: Block[] = [];
  const listItems: ListItem[] = [];
  const codeBlocks: CodeBlock[] = [];
  const itemStack: ListItem[] = [];
  const listStack: { ordered: boolean }[] = [];
  const headingStack: Heading[] = [];
  let firstParagraphPending: ListItem | undefined;
  let table: Table | undefined;
  let tableRow = -1;
  let current: Heading | undefined;
  let quote: [number, number] | undefined;
  let quoteDepth = 0;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case 'heading_open': {
        const level = Number(t.tag.slice(1));
        const inline = tokens[i + 1];
        while (headingStack.length && headingStack[headingStack.length - 1].level >= level) headingStack.pop();
        const parent = headingStack[headingStack.length - 1];
        const h: Heading = { level, text: inline.content.trim(), line: t.map![0], sectionEnd: lines.length, parent, children: [] };
        parent?.children.push(h);
        headings.push(h);
        headingStack.push(h);
        blocks.push(makeBlock('heading', t.map!, inline.content, parent, undefined, undefined, level));
        current = h;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        listStack.push({ ordered: t.type === 'ordered_list_open' });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listStack.pop();
        break;
      case 'list_item_open': {
        const item: ListItem = {
          startLine: t.map![0],
          endLine: t.map![1],
          depth: itemStack.length,
          ordered: listStack[listStack.length - 1]?.ordered ?? false,
          number: t.info || undefined,
          checkbox: undefined,
          parent: itemStack[itemStack.length - 1],
        };
        const next = tokens[i + 2];
        if (tokens[i + 1]?.type === 'paragraph_open' && next?.type === 'inline') {
          const m = /^\[([ xX])\](?:\s|$)/.exec(next.content);
          if (m) item.checkbox = m[1].toLowerCase();
        }
        itemStack.push(item);
        listItems.push(item);
        firstParagraphPending = item;
        break;
      }
      case 'list_item_close':
        itemStack.pop();
        firstParagraphPending = undefined;
        break;
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        const enclosing = itemStack[itemStack.length - 1];
        const opens = firstParagraphPending === enclosing ? enclosing : undefined;
        firstParagraphPending = undefined;
        blocks.push(makeBlock('paragraph', t.map!, inline.content, current, opens, enclosing, undefined));
        break;
      }
      case 'blockquote_open':
        if (quoteDepth++ === 0) quote = [t.map![0], t.map![1]];
        break;
      case 'blockquote_close':
        if (--quoteDepth === 0) quote = undefined;
        break;
      case 'table_open':
        table = { startLine: t.map![0], endLine: t.map![1], header: '' };
        tableRow = -1;
        break;
      case 'table_close':
        table = undefined;
        break;
      case 'tr_open': {
        tableRow++;
        const cells: string[] = [];
        for (let j = i + 1; j < tokens.length && tokens[j].type !== 'tr_close'; j++) {
          if (tokens[j].type === 'inline') cells.push(tokens[j].content);
        }
        const map = t.map ?? [table!.startLine + tableRow + (tableRow > 0 ? 1 : 0), 0];
        const rowLine = map[0];
        if (tableRow === 0 && table) table.header = cells.join(' | ');
        const b = makeBlock('tableRow', [rowLine, rowLine + 1], cells.join(' | '), current, undefined, undefined, undefined);
        b.tableRowIndex = tableRow;
        b.table = table;
        blocks.push(b);
        break;
      }
      case 'fence':
      case 'code_block': {
        const [s, e] = t.map!;
        codeBlocks.push({
          startLine: s,
          endLine: e,
          fenced: t.type === 'fence',
          lang: t.info.trim().split(/\s+/)[0] ?? '',
          content: t.content,
          contentStartLine: t.type === 'fence' ? s + 1 : s,
        });
        break;
      }
      default:
        break;
    }
    const last = blocks[blocks.length - 1];
    if (last && last.quote === undefined && quote && last.startLine >= quote[0]) last.quote = quote;
  }

  // Section ends: a heading's section runs to the next heading of the same or higher level.
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k];
    for (let j = k + 1; j < headings.length; j++) {
      if (headings[j].level <= h.level) {
        h.sectionEnd = headings[j].line;
        break;
      }
    }
  }

  const masked = bodyLines.slice();
  for (const cb of codeBlocks) for (let l = cb.startLine; l < cb.endLine && l < masked.length; l++) masked[l] = blank(masked[l]);
  const comments = maskComments(masked, bodyLines);
  const codeSpans = maskCodeSpans(masked, bodyLines);
  const links = findLinks(masked, bodyLines);
  return { text, lines, eol, masked, frontMatter, headings, blocks, listItems, codeBlocks, codeSpans, links, comments };
}

function makeBlock(
  kind: BlockKind,
  map: [number, number] | number[],
  text: string,
  section: Heading | undefined,
  listItem: ListItem | undefined,
  enclosingItem: ListItem | undefined,
  headingLevel: number | undefined,
): Block {
  return {
    kind,
    startLine: map[0],
    endLine: map[1],
    text,
    listItem,
    enclosingItem,
    section,
    headingLevel,
    tableRowIndex: undefined,
    table: undefined,
    quote: undefined,
  };
}

function blank(s: string): string {
  return ' '.repeat(s.length);
}

/** An inline code span on one line: a run of backticks, content, the same run. */
const CODE_SPAN = /(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;

/** Blanks `<!-- ... -->` (possibly spanning lines) and returns each comment's text. */
function maskComments(masked: string[], raw: string[]): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let open: { line: number; col: number; parts: string[] } | undefined;
  for (let l = 0; l < masked.length; l++) {
    const line = masked[l];
    const spans: [number, number][] = [];
    // `<!-- x -->` inside a code span is literal text, not a comment (nor a suppression directive).
    const code: [number, number][] =
      line.includes('`') && line.includes('<!--') ? [...line.matchAll(CODE_SPAN)].map((m) => [m.index!, m.index! + m[0].length]) : [];
    let from = 0;
    let ci = 0; // code spans are sorted and `s` only grows: one pass over them, not a search per comment
    for (;;) {
      if (!open) {
        let s = line.indexOf('<!--', from);
        for (;;) {
          while (s >= 0 && ci < code.length && code[ci][1] <= s) ci++;
          if (s < 0 || ci >= code.length || code[ci][0] > s) break;
          s = line.indexOf('<!--', code[ci][1]);
        }
        if (s < 0) break;
        open = { line: l, col: s, parts: [] };
        from = s + 4;
      }
      const e = line.indexOf('-->', from);
      const startCol = open.line === l ? open.col : 0;
      if (e < 0) {
        open.parts.push(raw[l].slice(startCol === open.col && open.line === l ? open.col + 4 : 0));
        spans.push([startCol, line.length]);
        break;
      }
      open.parts.push(raw[l].slice(open.line === l ? open.col + 4 : 0, e));
      spans.push([startCol, e + 3]);
      out.push({ line: open.line, text: open.parts.join('\n').trim() });
      open = undefined;
      from = e + 3;
    }
    masked[l] = blankSpans(line, spans);
  }
  return out;
}

/**
 * `s` with each [start, end) span (sorted, disjoint) replaced by spaces. Built in
 * one pass: re-slicing the line per span is quadratic on a long line of spans.
 */
function blankSpans(s: string, spans: readonly [number, number][]): string {
  if (spans.length === 0) return s;
  let out = '';
  let last = 0;
  for (const [start, end] of spans) {
    out += s.slice(last, start) + ' '.repeat(end - start);
    last = end;
  }
  return out + s.slice(last);
}

/** Blanks inline code spans (single line) and records them with their columns. */
function maskCodeSpans(masked: string[], raw: string[]): CodeSpan[] {
  const out: CodeSpan[] = [];
  for (let l = 0; l < masked.length; l++) {
    const line = masked[l];
    if (!line.includes('`')) continue;
    const spans: [number, number][] = [];
    for (const m of line.matchAll(CODE_SPAN)) {
      const start = m.index!;
      const end = start + m[0].length;
      out.push({ line: l, start, end, content: raw[l].slice(start + m[1].length, end - m[1].length).trim() });
      spans.push([start, end]);
    }
    masked[l] = blankSpans(line, spans);
  }
  return out;
}

/** Inline links `[text](target)` and reference definitions `[x]: target`, outside code. */
function findLinks(masked: string[], raw: string[]): Link[] {
  const out: Link[] = [];
  const inline = /\]\(\s*<?([^)\s>]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
  const refDef = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/;
  for (let l = 0; l < masked.length; l++) {
    const line = masked[l];
    if (!line.includes('](') && !line.includes(']:')) continue;
    for (const m of line.matchAll(inline)) {
      const start = m.index! + m[0].indexOf(m[1]);
      out.push({ target: raw[l].slice(start, start + m[1].length), line: l, start, end: start + m[1].length });
    }
    const d = refDef.exec(line);
    if (d) {
      // Search after the label: `[docs/a.md]: docs/a.md` holds the target twice.
      const start = line.indexOf(d[1], line.indexOf(']:') + 2);
      out.push({ target: d[1], line: l, start, end: start + d[1].length });
    }
  }
  return out;
}
