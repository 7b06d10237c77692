import { z } from 'zod';
import { lineRange } from '../documents/types';
import { Rule } from './types';

/** Front matter of a spec: the known keys are checked, others pass through. */
export const specFrontMatterSchema = z
  .object({
    status: z.enum(['draft', 'review', 'approved', 'implemented']).optional(),
    owner: z.string().min(1).optional(),
    version: z.union([z.string(), z.number()]).optional(),
    title: z.string().optional(),
    id: z.union([z.string(), z.number()]).optional(),
  })
  .passthrough();

export const spec009: Rule = {
  id: 'SPEC009',
  name: 'front-matter',
  description: 'The YAML front matter does not parse, or a known key has a bad value (status: draft|review|approved|implemented).',
  defaultSeverity: 'error',
  appliesTo: ['spec'],
  fixable: false,
  check(ctx) {
    const fm = ctx.doc.model.frontMatter;
    if (!fm) return;
    const lines = ctx.doc.model.lines;
    for (const e of fm.errors) {
      ctx.report(lineRange(e.line, 0, (lines[e.line] ?? '').length), `Front matter is not valid YAML: ${e.message}`);
    }
    if (fm.errors.length) return;
    if (fm.data === null || fm.data === undefined) return;
    if (typeof fm.data !== 'object' || Array.isArray(fm.data)) {
      ctx.report(lineRange(0, 0, 3), 'Front matter must be a mapping of keys to values.');
      return;
    }
    const r = specFrontMatterSchema.safeParse(fm.data);
    if (r.success) return;
    for (const issue of r.error.issues) {
      const key = String(issue.path[0] ?? '');
      const line = fm.keyLines.get(key) ?? 0;
      ctx.report(lineRange(line, 0, (lines[line] ?? '').length), `Front matter "${key}": ${issue.message}`);
    }
  },
};
