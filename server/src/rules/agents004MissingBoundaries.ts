import { lineRange } from '../documents/types';
import { agentsChain } from './agentsChain';
import { Rule } from './types';
import { headingTitle, isPointerFile } from './util';

const BOUNDARY_HEADING = /boundar|don'?ts?\b|do not|never|avoid|restrict|guardrail|prohibit|forbidden|security|safety|constraint|limits|rules|permissions?|caution|warnings?/i;
const BOUNDARY_TEXT = /\b(never|do not|don'?t|must not|must never|avoid|forbidden|prohibited|not allowed|no longer allowed)\b/i;

export const agents004: Rule = {
  id: 'AGENTS004',
  name: 'no-boundaries',
  description: 'No boundaries (things the agent must never do) in this AGENTS.md or its parents.',
  defaultSeverity: 'warning',
  appliesTo: ['agents'],
  fixable: false,
  check(ctx) {
    if (isPointerFile(ctx.doc.model) || ctx.doc.model.text.trim() === '') return;
    for (const link of agentsChain(ctx)) {
      const model = link.doc?.model;
      if (!model) continue;
      if (model.headings.some((h) => BOUNDARY_HEADING.test(headingTitle(h.text)))) return;
      if (model.masked.some((l) => BOUNDARY_TEXT.test(l))) return;
    }
    const line0 = ctx.doc.model.lines[0] ?? '';
    ctx.report(lineRange(0, 0, line0.length), 'No boundaries found: add a section on what the agent must never do (e.g. "Never commit secrets", "Do not edit generated files").');
  },
};
