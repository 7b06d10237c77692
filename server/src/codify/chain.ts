import { ancestorsRel, dirnameRel } from '../workspace/workspace';
import type { AgentsFiles } from './types';

/** File names agents read, in the order `agentsChain` tries them in each folder. */
export const AGENTS_NAMES = ['AGENTS.md', 'agents.md'] as const;

/** The AGENTS.md of a folder ("" is the root), if any: the first of AGENTS_NAMES that exists. */
export function agentsFileIn(folder: string, files: AgentsFiles): string | undefined {
  for (const name of AGENTS_NAMES) {
    const p = folder === '' ? name : `${folder}/${name}`;
    if (files.has(p)) return p;
  }
  return undefined;
}

/**
 * The chain an agent reads for `path`'s folder, root first, ending with `path`
 * itself (which need not exist yet): the same files `rules/agentsChain.ts` reads.
 */
export function chainOf(path: string, files: AgentsFiles): string[] {
  const dir = dirnameRel(path);
  const out: string[] = [];
  for (const folder of ancestorsRel(dir)) {
    if (folder === dir) break;
    const p = agentsFileIn(folder, files);
    if (p) out.push(p);
  }
  out.push(path);
  return out;
}
