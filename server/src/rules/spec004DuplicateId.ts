import { lineRange } from '../documents/types';
import { Rule } from './types';

export const spec004: Rule = {
  id: 'SPEC004',
  name: 'duplicate-id',
  description: 'The same requirement id is defined twice in one spec (ids may repeat across specs).',
  defaultSeverity: 'error',
  appliesTo: ['spec'],
  fixable: false,
  check(ctx) {
    const first = new Map<string, { line: number; start: number; end: number }>();
    for (const d of ctx.doc.requirements.definitions) {
      const prev = first.get(d.id);
      if (!prev) {
        first.set(d.id, d);
        continue;
      }
      ctx.report(lineRange(d.line, d.start, d.end), `Duplicate id ${d.id}: already defined on line ${prev.line + 1}.`, {
        related: [{ path: ctx.doc.path, range: lineRange(prev.line, prev.start, prev.end), message: `first definition of ${d.id}` }],
      });
    }
  },
};
