import { ancestorsRel, dirnameRel } from '../workspace/workspace';
import { agentsFileIn } from './chain';
import type { AgentsFiles, TargetCandidate } from './types';

/**
 * Where a learning can go, best first: the AGENTS.md nearest above the active
 * file, then each one above that up to the root, then a new AGENTS.md in the
 * active file's folder when that folder has none. Without an active file (or
 * for one outside the workspace, `undefined`) the root is the folder.
 */
export function targetCandidates(activePath: string | undefined, files: AgentsFiles): TargetCandidate[] {
  const dir = activePath === undefined ? '' : dirnameRel(activePath);
  const out: TargetCandidate[] = [];
  for (const folder of ancestorsRel(dir).reverse()) {
    const path = agentsFileIn(folder, files);
    if (!path) continue;
    const relation = out.length === 0 ? 'nearest' : 'parent';
    out.push({ path, relation, exists: true, label: `${path} (${relation === 'nearest' ? 'nearest' : 'parent'})` });
  }
  if (!agentsFileIn(dir, files)) {
    const path = dir === '' ? 'AGENTS.md' : `${dir}/AGENTS.md`;
    out.push({ path, relation: 'create', exists: false, label: `${path} (create a new AGENTS.md in ${dir === '' ? 'the workspace root' : `${dir}/`})` });
  }
  return out;
}
