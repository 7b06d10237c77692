import { distance } from 'fastest-levenshtein';
import { parseMarkdown } from '../documents/markdown';
import { normalizeBullet } from '../rules/agents008DuplicateBullet';
import { chainOf } from './chain';
import type { AgentsFiles, DuplicateMatch } from './types';

/** Token Jaccard at or above this is a near-duplicate (the AGENTS008 threshold), for texts of MIN_WORDS words or more. */
export const JACCARD_THRESHOLD = 0.8;
const MIN_WORDS = 5;
/** Levenshtein ratio (1 - distance / longer length) at or above this is a near-duplicate: catches typos and small rewordings. */
export const LEVENSHTEIN_THRESHOLD = 0.85;
/** Normalised texts shorter than this ("yes", "N/A") are only compared for equality. */
const MIN_NEAR_LENGTH = 12;

interface Bullet {
  line: number;
  text: string;
  norm: string;
}

function bulletsOf(text: string): Bullet[] {
  const model = parseMarkdown(text);
  const out: Bullet[] = [];
  for (const b of model.blocks) {
    if (b.kind !== 'paragraph' || !b.listItem) continue;
    out.push({ line: b.startLine, text: model.lines[b.startLine] ?? '', norm: normalizeBullet(b.text) });
  }
  return out;
}

function words(norm: string): Set<string> {
  return new Set(norm.split(' ').filter(Boolean));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

/**
 * How alike two different normalised bullets are, when they are near-duplicates:
 * the larger of token Jaccard (both of MIN_WORDS words or more) and Levenshtein
 * ratio, if either reaches its threshold; undefined otherwise.
 */
export function nearSimilarity(a: string, b: string): number | undefined {
  if (a.length < MIN_NEAR_LENGTH || b.length < MIN_NEAR_LENGTH) return undefined;
  const wa = words(a);
  const wb = words(b);
  const j = wa.size >= MIN_WORDS && wb.size >= MIN_WORDS ? jaccard(wa, wb) : 0;
  const lev = 1 - distance(a, b) / Math.max(a.length, b.length);
  return j >= JACCARD_THRESHOLD || lev >= LEVENSHTEIN_THRESHOLD ? Math.max(j, lev) : undefined;
}

/**
 * Bullets of the target AGENTS.md and of its parent chain that say the same as
 * the learning (equal once normalised as AGENTS008 normalises bullets) or nearly
 * the same (token Jaccard or Levenshtein ratio over a threshold). Exact matches
 * first, then by similarity; ties root first, then by line. The target need not
 * exist yet (a file to create): then only its parents are searched.
 */
export function findDuplicates(learning: string, targetPath: string, files: AgentsFiles): DuplicateMatch[] {
  const norm = normalizeBullet(learning);
  if (norm === '') return [];
  const out: (DuplicateMatch & { order: number })[] = [];
  chainOf(targetPath, files).forEach((path, order) => {
    const text = files.get(path);
    if (text === undefined) return;
    for (const b of bulletsOf(text)) {
      if (b.norm === norm) out.push({ path, line: b.line, text: b.text, kind: 'exact', similarity: 1, order });
      else {
        const s = nearSimilarity(b.norm, norm);
        if (s !== undefined) out.push({ path, line: b.line, text: b.text, kind: 'near', similarity: s, order });
      }
    }
  });
  out.sort((a, b) => b.similarity - a.similarity || a.order - b.order || a.line - b.line);
  return out.map(({ order: _order, ...m }) => m);
}
