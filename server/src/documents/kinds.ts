import picomatch from 'picomatch';

export type DocKind = 'spec' | 'plans' | 'agents';

export interface KindGlobs {
  spec: string[];
  plans: string[];
  agents: string[];
}

export const DEFAULT_SPEC_GLOBS = ['**/SPEC.md', '**/specs/**/spec.md', '**/*.spec.md'];
export const DEFAULT_PLANS_GLOBS = ['**/PLANS.md'];
// Lower-case `agents.md` is used by real repositories too.
export const DEFAULT_AGENTS_GLOBS = ['**/AGENTS.md', '**/agents.md'];

export type KindClassifier = (relPath: string) => DocKind | undefined;

export function makeClassifier(globs: KindGlobs): KindClassifier {
  const opts = { dot: true };
  const spec = picomatch(globs.spec, opts);
  const plans = picomatch(globs.plans, opts);
  const agents = picomatch(globs.agents, opts);
  return (relPath) => {
    if (agents(relPath)) return 'agents';
    if (plans(relPath)) return 'plans';
    if (spec(relPath)) return 'spec';
    return undefined;
  };
}
