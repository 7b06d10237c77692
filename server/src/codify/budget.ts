import { splitLines } from '../documents/markdown';
import { chainOf } from './chain';
import type { AgentsFiles, BudgetCheck, CodifyLimits } from './types';

/** Lines of a text as AGENTS002 counts them (a final line break does not start another line). */
export function lineCount(text: string): number {
  const lines = splitLines(text);
  return lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
}

function bytes(text: string | undefined): number {
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}

/**
 * Whether writing `newText` to `targetPath` takes the file over
 * `agents.maxLines` (AGENTS002) or an AGENTS.md chain over
 * `agents.maxChainBytes` (AGENTS001). Every chain holding the target counts: its
 * own and those of the AGENTS.md files nested below it.
 */
export function checkBudget(targetPath: string, newText: string, files: AgentsFiles, limits: CodifyLimits): BudgetCheck {
  const before = files.get(targetPath);
  const after = new Map(files);
  after.set(targetPath, newText);
  const ends = [...after.keys()].filter((p) => p === targetPath || chainOf(p, after).includes(targetPath));
  let worst = { end: targetPath, before: 0, after: -1 };
  let pushes = false;
  for (const end of ends) {
    const chain = chainOf(end, after);
    const b = chain.reduce((n, p) => n + bytes(p === targetPath ? before : files.get(p)), 0);
    const a = chain.reduce((n, p) => n + bytes(after.get(p)), 0);
    if (b <= limits.maxChainBytes && a > limits.maxChainBytes) pushes = true;
    if (a > worst.after) worst = { end, before: b, after: a };
  }
  const linesBefore = before === undefined ? 0 : lineCount(before);
  const lines = lineCount(newText);
  return {
    linesBefore,
    lines,
    maxLines: limits.maxLines,
    pushesOverLines: linesBefore <= limits.maxLines && lines > limits.maxLines,
    overLines: lines > limits.maxLines,
    chainBytesBefore: worst.before,
    chainBytes: worst.after,
    chainEnd: worst.end,
    maxChainBytes: limits.maxChainBytes,
    pushesOverChain: pushes,
    overChain: worst.after > limits.maxChainBytes,
  };
}
