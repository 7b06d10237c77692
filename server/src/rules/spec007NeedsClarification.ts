import { lineRange } from '../documents/types';
import { Rule } from './types';

export const spec007: Rule = {
  id: 'SPEC007',
  name: 'needs-clarification',
  description: 'An unresolved [NEEDS CLARIFICATION ...] marker is left in the document.',
  defaultSeverity: 'warning',
  appliesTo: ['spec', 'plans'],
  fixable: false,
  check(ctx) {
    const re = /\[NEEDS CLARIFICATION\b[^\]]*\]?/g;
    ctx.doc.model.masked.forEach((line, l) => {
      for (const m of line.matchAll(re)) {
        const inner = m[0].replace(/^\[NEEDS CLARIFICATION:?\s*/, '').replace(/\]$/, '').trim();
        ctx.report(
          lineRange(l, m.index!, m.index! + m[0].length),
          inner ? `Unresolved clarification: ${inner}` : 'Unresolved [NEEDS CLARIFICATION] marker.',
        );
      }
    });
  },
};
