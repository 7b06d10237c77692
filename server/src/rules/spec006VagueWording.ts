import { lineRange } from '../documents/types';
import { Rule } from './types';
import { phraseMatcher } from './util';

export const spec006: Rule = {
  id: 'SPEC006',
  name: 'vague-wording',
  description: 'A MUST/SHALL requirement uses vague, untestable wording (fast, intuitive, robust, and/or, if possible, ...).',
  defaultSeverity: 'warning',
  appliesTo: ['spec'],
  fixable: false,
  check(ctx) {
    const re = phraseMatcher(ctx.config['spec.vagueWords']);
    if (!re) return;
    const { model } = ctx.doc;
    for (const req of ctx.doc.requirements.requirements) {
      if (req.level !== 'must') continue;
      for (let l = req.startLine; l < req.endLine; l++) {
        for (const m of (model.masked[l] ?? '').matchAll(re)) {
          const word = m[0].replace(/\s+/g, ' ');
          ctx.report(
            lineRange(l, m.index!, m.index! + m[0].length),
            `Vague wording in a MUST: "${word}" cannot be tested; state a measurable criterion instead.`,
          );
        }
      }
    }
  },
};
