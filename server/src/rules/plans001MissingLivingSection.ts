import { lineRange } from '../documents/types';
import { Rule } from './types';
import { hasSection } from './util';

export const plans001: Rule = {
  id: 'PLANS001',
  name: 'missing-living-section',
  description: 'An ExecPlan lacks a living section (Progress, Surprises & Discoveries, Decision Log, Outcomes & Retrospective, Validation and Acceptance).',
  defaultSeverity: 'warning',
  appliesTo: ['plans'],
  fixable: false,
  check(ctx) {
    const { model } = ctx.doc;
    if (model.text.trim() === '') return;
    const line = model.headings[0]?.line ?? 0;
    for (const alternatives of ctx.config['plans.livingSections']) {
      if (hasSection(model, alternatives)) continue;
      const name = alternatives.split('|')[0].trim();
      ctx.report(lineRange(line, 0, (model.lines[line] ?? '').length), `ExecPlan is missing the living section "${name}".`);
    }
  },
};
