import { IdMatcher } from '../documents/ids';

/** How a reference names its requirement(s). */
export type ReferenceForm = 'plain' | 'qualified' | 'prefixed' | 'kiro' | 'range';

/** A mention of one or more requirement ids in a test file, as written. */
export interface Reference {
  form: ReferenceForm;
  /** Text as written: "FR-001", "002-export/FR-001", "2B-FR-001", "Requirements 5.3", "FR-005 to FR-011". */
  text: string;
  line: number;
  start: number;
  end: number;
  /** Requirement ids it names, ranges expanded: ["FR-005", "FR-006", ...]. */
  ids: string[];
  /** Spec qualifier: a folder name ("002-export") or a prefix ("2B"). */
  qualifier: string | undefined;
}

export interface ReferenceMatcher {
  scanLine(line: string, lineNo: number): Reference[];
}

/**
 * The same string, as a copy of its own. A piece cut from a file's text (by a regex
 * match, slice or split) points into that whole text in V8, so a long-lived index of
 * names and ids would keep every scanned file in memory.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1); // V8 copies pieces shorter than 13 characters anyway
}

/** Where a global regex resumes after an empty match at `index`: one code point on with the u/v flag. */
function nextIndex(s: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= s.length) return index + 1;
  const c = s.charCodeAt(index);
  const d = s.charCodeAt(index + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}

/** Whole-text pre-filters of the matchers `referenceMatcher` built (see `candidateLines`). */
const wholeTextFilters = new WeakMap<ReferenceMatcher, RegExp>();

/**
 * Lines of `text` (split into `lines` at "\n") worth passing to `matcher.scanLine`, in
 * order: every line where it can find a reference is among them. One regex pass over
 * the whole text instead of one per line. Undefined when it cannot tell (a matcher
 * not built by `referenceMatcher`, an id pattern whose meaning could change across
 * line ends, a text with "\r"): then every line is worth scanning.
 */
export function candidateLines(matcher: ReferenceMatcher, text: string, lines: readonly string[]): number[] | undefined {
  const filter = wholeTextFilters.get(matcher);
  if (filter === undefined || text.indexOf('\r') >= 0) return undefined;
  const out: number[] = [];
  let line = 0;
  let lineEnd = lines.length ? lines[0].length : 0; // index of the "\n" ending the line (or the text's end)
  const lineOf = (pos: number): number => {
    while (pos > lineEnd && line + 1 < lines.length) {
      line++;
      lineEnd += 1 + lines[line].length;
    }
    return line;
  };
  filter.lastIndex = 0;
  for (let m = filter.exec(text); m !== null; m = filter.exec(text)) {
    const first = lineOf(m.index);
    if (out.length === 0 || out[out.length - 1] < first) out.push(first);
    // A match running over a line end (only a user pattern could) marks every line it touches.
    const last = lineOf(Math.max(m.index, m.index + m[0].length - 1));
    for (let l = Math.max(first + 1, out[out.length - 1] + 1); l <= last; l++) out.push(l);
    if (m[0] === '') filter.lastIndex++;
  }
  return out;
}

// Ranges longer than this are typos ("FR-001 to FR-9999"); they are not expanded.
const MAX_RANGE = 500;

/** "FR-005".."FR-011" -> FR-005 ... FR-011, keeping the padding; undefined when not a range. */
export function expandRange(from: string, to: string): string[] | undefined {
  const a = /^(.*?)(\d+)$/.exec(from);
  const b = /^(.*?)(\d+)$/.exec(to);
  if (!a || !b || a[1] !== b[1]) return undefined;
  const lo = Number(a[2]);
  const hi = Number(b[2]);
  if (hi < lo || hi - lo > MAX_RANGE) return undefined;
  const width = a[2].length;
  const out: string[] = [];
  for (let n = lo; n <= hi; n++) out.push(a[1] + String(n).padStart(width, '0'));
  return out;
}

/**
 * Builds the matcher for one id pattern. One combined regex, tried left to
 * right, so "FR-005 to FR-011" is one range and "2B-FR-001" is not also "FR-001".
 */
export function referenceMatcher(ids: IdMatcher): ReferenceMatcher {
  const id = `(?:${ids.source})`;
  const edge = '(?<![A-Za-z0-9_\\-./])';
  const tail = '(?![A-Za-z0-9_]|-[A-Za-z0-9])';
  // Kiro: Requirements 5.3 / Requirement 5.3, 6.1
  // Not `\\b`: Kiro-generated tests write "_Requirements: 5.3_", where "_" is a word character.
  const kiro = `(?<![A-Za-z0-9])Requirements?:?[_*]*\\s+(?<kiro>\\d+\\.\\d+(?:\\s*,\\s*\\d+\\.\\d+)*)(?![0-9]|\\.[0-9])`;
  const combined = new RegExp(
    [
      // range: FR-005 to FR-011, FR-005..FR-011, FR-005 through FR-011, FR-005–FR-011
      `${edge}(?<rfrom>${id})\\s*(?:\\.\\.|\\u2013|\\u2014|\\s(?:to|through|thru)\\s)\\s*(?<rto>${id})${tail}`,
      // qualified: 002-export/FR-001 (a spec folder or file name before the slash)
      `(?<![A-Za-z0-9_\\-.])(?<qual>[A-Za-z0-9][\\w.-]*)/(?<qid>${id})${tail}`,
      // prefixed: 2B-FR-001 (a per-spec prefix: digits then letters)
      `${edge}(?<pfx>\\d+[A-Za-z]+)-(?<pid>${id})${tail}`,
      kiro,
      `${edge}(?<plain>${id})${tail}`,
    ].join('|'),
    'g',
  );
  // A cheap, exact pre-filter: every form above holds a whole id, or is a Kiro
  // reference, so a line where neither the id pattern alone nor the Kiro alternative
  // matches holds no reference. While the Kiro alternative starts with the word
  // "Requirement" (and has no "|"), that word stands in for it. (No pre-filter when
  // the id pattern has back-references: inside `combined` their numbers mean other groups.)
  const kiroWord = /^(?:\\b|\(\?<!\[A-Za-z0-9\]\))Requirement/.test(kiro) && !kiro.includes('|');
  const flags = combined.flags.replace(/[gy]/g, '');
  const candidate = /\\[1-9]|\\k</.test(ids.source) ? undefined : new RegExp(`(?:${ids.source})|${kiroWord ? 'Requirement' : kiro}`, flags);
  const matcher: ReferenceMatcher = {
    scanLine(line, lineNo) {
      const out: Reference[] = [];
      if (!/\d/.test(line)) return out; // every id form holds a digit
      if (candidate !== undefined && !candidate.test(line)) return out;
      // exec() on the one regex, not matchAll() (which clones it on every call); same matches.
      combined.lastIndex = 0;
      for (let m = combined.exec(line); m !== null; m = combined.exec(line)) {
        if (m[0] === '') combined.lastIndex = nextIndex(line, combined.lastIndex, /[uv]/.test(flags)); // as matchAll does
        const g = m.groups!;
        const start = m.index!;
        const end = start + m[0].length;
        const base = { text: detach(m[0]), line: lineNo, start, end };
        if (g.rfrom !== undefined) {
          const ids = expandRange(g.rfrom, g.rto!);
          if (ids) out.push({ ...base, form: 'range', ids, qualifier: undefined });
          else {
            const from = detach(g.rfrom);
            out.push({ ...base, text: from, end: start + from.length, form: 'plain', ids: [from], qualifier: undefined });
            const toStart = start + m[0].lastIndexOf(g.rto!);
            const to = detach(g.rto!);
            out.push({ text: to, line: lineNo, start: toStart, end: toStart + to.length, form: 'plain', ids: [to], qualifier: undefined });
          }
        } else if (g.qid !== undefined) {
          out.push({ ...base, form: 'qualified', ids: [detach(g.qid)], qualifier: detach(g.qual!) });
        } else if (g.pid !== undefined) {
          out.push({ ...base, form: 'prefixed', ids: [detach(g.pid)], qualifier: detach(g.pfx!) });
        } else if (g.kiro !== undefined) {
          out.push({ ...base, form: 'kiro', ids: g.kiro.split(/\s*,\s*/).map(detach), qualifier: undefined });
        } else if (g.plain !== undefined) {
          out.push({ ...base, form: 'plain', ids: [detach(g.plain)], qualifier: undefined });
        }
      }
      return out;
    },
  };
  // The same pre-filter over a whole file finds the same lines when it cannot tell a
  // line's end from its middle: no anchors, word boundaries or lookaround.
  if (candidate !== undefined && kiroWord && !/[\^$]|\\[bB]|\(\?<?[=!]/.test(ids.source)) {
    wholeTextFilters.set(matcher, new RegExp(candidate.source, `${flags}g`));
  }
  return matcher;
}
