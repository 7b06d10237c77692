import { paddedWidth, splitId } from '../documents/ids';
import { lineRange } from '../documents/types';
import { Rule } from './types';

export const spec005: Rule = {
  id: 'SPEC005',
  name: 'inconsistent-id-style',
  description: 'Ids with the same prefix are zero-padded differently inside one spec (FR-001 next to FR-12).',
  defaultSeverity: 'warning',
  appliesTo: ['spec'],
  fixable: false,
  check(ctx) {
    // The first padded id of each prefix sets the style.
    const style = new Map<string, { id: string; width: number }>();
    for (const d of ctx.doc.requirements.definitions) {
      const w = paddedWidth(d.id);
      const prefix = splitId(d.id).prefix;
      if (w > 0 && !style.has(prefix)) style.set(prefix, { id: d.id, width: w });
    }
    for (const d of ctx.doc.requirements.definitions) {
      const { prefix, parts } = splitId(d.id);
      const s = style.get(prefix);
      const first = parts[0];
      if (!s || first === undefined || !/^\d+$/.test(first)) continue;
      const w = paddedWidth(d.id);
      const bad = w > 0 ? w !== s.width : first.length < s.width;
      if (bad) {
        ctx.report(
          lineRange(d.line, d.start, d.end),
          `Id style differs: ${d.id} next to ${s.id}; pad ${prefix} numbers to ${s.width} digits.`,
        );
      }
    }
  },
};
