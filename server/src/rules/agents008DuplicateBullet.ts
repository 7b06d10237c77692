import { lineRange } from '../documents/types';
import { agentsChain } from './agentsChain';
import { LintDocument, Rule } from './types';

interface Bullet {
  path: string;
  line: number;
  endLine: number;
  length: number;
  norm: string;
  words: Set<string>;
}

// Pairwise near-duplicate checks are quadratic; past this many bullets only exact duplicates are checked.
const NEAR_DUPLICATE_LIMIT = 1500;
const SIMILARITY = 0.8;
const MIN_WORDS = 5;

export function normalizeBullet(text: string): string {
  return text
    .toLowerCase()
    .replace(/^\[[ x]\]\s+/, '')
    .replace(/[`*_~[\]()<>#>"'.,;:!?]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function bullets(doc: LintDocument): Bullet[] {
  const out: Bullet[] = [];
  for (const b of doc.model.blocks) {
    if (b.kind !== 'paragraph' || !b.listItem) continue;
    const norm = normalizeBullet(b.text);
    if (norm.length < 12) continue; // "yes", "N/A" and other short items repeat legitimately
    let last = b.listItem.endLine;
    while (last > b.listItem.startLine + 1 && (doc.model.lines[last - 1] ?? '').trim() === '') last--;
    out.push({
      path: doc.path,
      line: b.startLine,
      endLine: last,
      length: (doc.model.lines[b.startLine] ?? '').length,
      norm,
      words: new Set(norm.split(' ')),
    });
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

export const agents008: Rule = {
  id: 'AGENTS008',
  name: 'duplicate-bullet',
  description: 'A bullet repeats (or nearly repeats) another one in this file or in a parent AGENTS.md.',
  defaultSeverity: 'warning',
  appliesTo: ['agents'],
  fixable: true,
  check(ctx) {
    const chain = agentsChain(ctx);
    const earlier: Bullet[] = [];
    for (const link of chain.slice(0, -1)) if (link.doc) earlier.push(...bullets(link.doc));
    const own = bullets(ctx.doc);
    const exact = new Map<string, Bullet>();
    for (const b of earlier) if (!exact.has(b.norm)) exact.set(b.norm, b);
    const near = earlier.length + own.length <= NEAR_DUPLICATE_LIMIT;
    const seen: Bullet[] = earlier.slice();
    for (const b of own) {
      const same = exact.get(b.norm);
      let match: Bullet | undefined = same;
      if (!match && near && b.words.size >= MIN_WORDS) {
        match = seen.find((o) => o.words.size >= MIN_WORDS && jaccard(o.words, b.words) >= SIMILARITY);
      }
      if (match) {
        const where = match.path === b.path ? `line ${match.line + 1}` : `${match.path} line ${match.line + 1}`;
        const fix =
          same && b.endLine - b.line <= 1
            ? { title: 'Remove the duplicate bullet', edits: [{ range: { start: { line: b.line, character: 0 }, end: { line: b.line + 1, character: 0 } }, newText: '' }] }
            : undefined;
        ctx.report(lineRange(b.line, 0, b.length), `${same ? 'Duplicate' : 'Near-duplicate'} bullet: repeats ${where}.`, {
          fix,
          related: [{ path: match.path, range: lineRange(match.line, 0, match.length), message: 'the earlier bullet' }],
        });
      }
      if (!exact.has(b.norm)) exact.set(b.norm, b);
      seen.push(b);
    }
  },
};
