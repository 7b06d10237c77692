import { lineRange } from '../documents/types';
import { Rule } from './types';
import { phraseMatcher } from './util';

export const agents007: Rule = {
  id: 'AGENTS007',
  name: 'vague-directive',
  description: 'A vague directive ("be careful", "try to", "follow best practices") that an agent cannot act on.',
  defaultSeverity: 'information',
  appliesTo: ['agents'],
  fixable: false,
  check(ctx) {
    const re = phraseMatcher(ctx.config['agents.vaguePhrases']);
    if (!re) return;
    ctx.doc.model.masked.forEach((line, l) => {
      for (const m of line.matchAll(re)) {
        const phrase = m[0].replace(/\s+/g, ' ');
        ctx.report(lineRange(l, m.index!, m.index! + m[0].length), `Vague directive "${phrase}": say exactly what to do or not do.`);
      }
    });
  },
};
