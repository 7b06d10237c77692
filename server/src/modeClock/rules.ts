import picomatch from 'picomatch';
import { z } from 'zod';
import { MODES, type Mode } from './types';

/**
 * A user rule of `podflow.modeClock.rules`: `{ "match": "docs/**", "mode": "plan" }` matches a
 * workspace-relative path; `{ "match": "scheme:git", "mode": "review" }` matches an editor's URI
 * scheme. Rules are tried in order and the first match wins, before the built-in rules.
 */
export const clockRuleSchema = z.object({
  match: z
    .string()
    .min(1, 'a rule needs a glob or "scheme:<name>" to match')
    .refine((m) => !m.startsWith('scheme:') || /^scheme:[a-zA-Z][\w+.-]*$/.test(m), {
      message: 'a scheme rule looks like "scheme:git"',
    }),
  mode: z.enum(MODES, { message: `mode must be one of ${MODES.join(', ')}` }),
});

export type ClockRule = z.infer<typeof clockRuleSchema>;

/** A rule ready to test against an editor. */
export interface CompiledRule {
  mode: Mode;
  scheme?: string;
  glob?: (path: string) => boolean;
}

export function compileRules(rules: readonly ClockRule[]): CompiledRule[] {
  return rules.map((r) =>
    r.match.startsWith('scheme:')
      ? { mode: r.mode, scheme: r.match.slice('scheme:'.length) }
      : { mode: r.mode, glob: picomatch(r.match, { dot: true }) },
  );
}

export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  if (!globs.length) return () => false;
  return picomatch([...globs], { dot: true });
}
