import { ancestorsRel, dirnameRel } from '../workspace/workspace';
import { LintDocument, RuleContext } from './types';

export interface ChainLink {
  path: string;
  text: string;
  doc: LintDocument | undefined;
}

const NAMES = ['AGENTS.md', 'agents.md'];

/**
 * The AGENTS.md files an agent reads for this folder, root first, ending with
 * the document being linted (read from its live text, not from disk).
 */
export function agentsChain(ctx: RuleContext): ChainLink[] {
  // Four rules read the chain; it is read from the workspace once per lint.
  return ctx.memo('agentsChain', () => readChain(ctx));
}

function readChain(ctx: RuleContext): ChainLink[] {
  const self = ctx.doc.path;
  const dir = dirnameRel(self);
  const chain: ChainLink[] = [];
  for (const folder of ancestorsRel(dir)) {
    if (folder === dir) break;
    for (const name of NAMES) {
      const p = folder === '' ? name : `${folder}/${name}`;
      const text = ctx.workspace.readText(p);
      if (text === undefined) continue;
      chain.push({ path: p, text, doc: ctx.load(p, 'agents') });
      break;
    }
  }
  chain.push({ path: self, text: ctx.doc.model.text, doc: ctx.doc });
  return chain;
}
