import { lineRange } from '../documents/types';
import { Rule } from './types';

export const spec002: Rule = {
  id: 'SPEC002',
  name: 'compound-requirement',
  description: 'A requirement mixes obligation levels (e.g. MUST and SHOULD): split it into one requirement per level.',
  defaultSeverity: 'warning',
  appliesTo: ['spec'],
  fixable: false,
  check(ctx) {
    for (const req of ctx.doc.requirements.requirements) {
      const first = req.keywords[0];
      const other = req.keywords.find((k) => k.level !== first.level);
      if (!other) continue;
      ctx.report(
        lineRange(other.line, other.start, other.end),
        `Compound requirement: "${first.keyword}" and "${other.keyword}" in one statement; split it so each can be tested on its own.`,
      );
    }
  },
};
