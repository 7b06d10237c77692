import { normalizeLearning } from './learning';

/**
 * Where a codified learning is in its AGENTS.md now: the line whose bullet text is the learning
 * (the one nearest the line it was written at, when there are several), or undefined when no
 * line holds it any more (edited, moved to another file, removed).
 */
export function findLearningLine(text: string, learning: string, near: number): number | undefined {
  const wanted = normalizeLearning(learning);
  let best: number | undefined;
  text.split('\n').forEach((raw, line) => {
    const trimmed = raw.replace(/\r$/, '');
    if (!/^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(trimmed) || normalizeLearning(trimmed) !== wanted) return;
    if (best === undefined || Math.abs(line - near) < Math.abs(best - near)) best = line;
  });
  return best;
}
