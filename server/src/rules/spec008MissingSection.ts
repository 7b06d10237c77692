import { lineRange } from '../documents/types';
import { Rule } from './types';
import { hasSection } from './util';

export const spec008: Rule = {
  id: 'SPEC008',
  name: 'missing-section',
  description: 'A required section (default: summary/context, requirements, out of scope/non-goals) is missing.',
  defaultSeverity: 'information',
  appliesTo: ['spec'],
  fixable: false,
  check(ctx) {
    const { model } = ctx.doc;
    if (model.headings.length === 0 && model.text.trim() === '') return;
    const line = model.headings[0]?.line ?? 0;
    const width = (model.lines[line] ?? '').length;
    for (const alternatives of ctx.config['spec.requiredSections']) {
      if (hasSection(model, alternatives)) continue;
      const names = alternatives.split('|').map((s) => s.trim().replace(/s\?$/, 's'));
      ctx.report(lineRange(line, 0, width), `Missing section: ${names.slice(0, 3).join(' / ')}.`);
    }
  },
};
