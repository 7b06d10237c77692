/** RFC 2119 / RFC 8174 normative keywords and the obligation level each one carries. */
export type Level = 'must' | 'should' | 'may';

export const KEYWORD_LEVEL: Readonly<Record<string, Level>> = {
  'MUST NOT': 'must',
  'SHALL NOT': 'must',
  'SHOULD NOT': 'should',
  'NOT RECOMMENDED': 'should',
  MUST: 'must',
  SHALL: 'must',
  REQUIRED: 'must',
  SHOULD: 'should',
  RECOMMENDED: 'should',
  MAY: 'may',
  OPTIONAL: 'may',
};

export interface KeywordHit {
  keyword: string;
  level: Level;
  line: number;
  start: number;
  end: number;
}

// Longest forms first so "MUST NOT" wins over "MUST".
const UPPER = /(?<![A-Za-z0-9_])(MUST NOT|SHALL NOT|SHOULD NOT|NOT RECOMMENDED|MUST|SHALL|REQUIRED|SHOULD|RECOMMENDED|MAY|OPTIONAL)(?![A-Za-z0-9_])/g;
// Lower- or mixed-case forms that RFC 8174 says carry no normative meaning; "may" and
// "required"/"optional" are left out because ordinary prose uses them all the time.
const NON_UPPER = /(?<![A-Za-z0-9_])(must|shall|should)(\s+not)?(?![A-Za-z0-9_])/gi;

const QUOTES = new Set(['"', "'", '\u201c', '\u201d', '\u2018', '\u2019']);

/** True when the keyword is quoted, as in the RFC 2119 boilerplate sentence ("MUST", "SHOULD"). */
function quoted(line: string, start: number, end: number): boolean {
  return QUOTES.has(line[start - 1] ?? '') && QUOTES.has(line[end] ?? '');
}

// Between two keywords only punctuation or "or"/"and"/"not": the keywords are being named, not used.
const LIST_GAP = /^[\s,/()|]*(?:\b(?:or|and|not|vs|versus)\b\.?[\s,/()|]*)?$/;

export function findKeywords(masked: readonly string[], fromLine: number, toLine: number): KeywordHit[] {
  const hits: KeywordHit[] = [];
  for (let l = fromLine; l < toLine && l < masked.length; l++) {
    const line = masked[l];
    const onLine: KeywordHit[] = [];
    for (const m of line.matchAll(UPPER)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (quoted(line, start, end)) continue;
      onLine.push({ keyword: m[1], level: KEYWORD_LEVEL[m[1]], line: l, start, end });
    }
    // "(MUST, not MUST NOT)", "MUST/SHOULD": keywords listed next to each other are mentions.
    const mention = onLine.map(() => false);
    for (let i = 0; i + 1 < onLine.length; i++) {
      if (LIST_GAP.test(line.slice(onLine[i].end, onLine[i + 1].start))) mention[i] = mention[i + 1] = true;
    }
    onLine.forEach((h, i) => {
      if (!mention[i]) hits.push(h);
    });
  }
  return hits;
}

export interface LooseKeywordHit {
  text: string;
  upper: string;
  line: number;
  start: number;
  end: number;
}

export function findLooseKeywords(masked: readonly string[], fromLine: number, toLine: number): LooseKeywordHit[] {
  const hits: LooseKeywordHit[] = [];
  for (let l = fromLine; l < toLine && l < masked.length; l++) {
    const line = masked[l];
    for (const m of line.matchAll(NON_UPPER)) {
      const text = m[0];
      const upper = text.toUpperCase();
      if (text === upper) continue; // already normative
      if (quoted(line, m.index!, m.index! + text.length)) continue;
      hits.push({ text, upper: upper.replace(/\s+/, ' '), line: l, start: m.index!, end: m.index! + text.length });
    }
  }
  return hits;
}

/** The RFC 2119 / 8174 boilerplate paragraph names every keyword; it is not a requirement. */
export function isBoilerplate(text: string): boolean {
  return /\b(RFC\s*2119|RFC\s*8174|BCP\s*14)\b/i.test(text) && /\binterpreted\b/i.test(text);
}
