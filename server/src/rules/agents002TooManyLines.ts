import { lineRange } from '../documents/types';
import { Rule } from './types';

export const agents002: Rule = {
  id: 'AGENTS002',
  name: 'too-long',
  description: 'An AGENTS.md is longer than the configured line count (default 300): agents follow short files better.',
  defaultSeverity: 'warning',
  appliesTo: ['agents'],
  fixable: false,
  check(ctx) {
    const { lines } = ctx.doc.model;
    const count = lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
    const max = ctx.config['agents.maxLines'];
    if (count <= max) return;
    ctx.report(lineRange(max, 0, (lines[max] ?? '').length), `AGENTS.md has ${count} lines, over the ${max} budget; move detail into nested AGENTS.md files or linked docs.`);
  },
};
