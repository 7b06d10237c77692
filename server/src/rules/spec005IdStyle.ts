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
    // Split each id once: both passes below need its prefix and padding.
    const defs = ctx.doc.requirements.definitions.map((d) => ({ d, ...splitId(d.id), w: paddedWidth(d.id) }));
    // The first padded id of each prefix sets the style.
    const style = new Map<string, { id: string; width: number }>();
    for (const { d, prefix, w } of defs) {
      if (w > 0 && !style.has(prefix)) style.set(prefix, { id: d.id, width: w });
    }
    for (const { d, prefix, parts, w } of defs) {
      const s = style.get(prefix);
      const first = parts[0];
      if (!s || first === undefined || !/^\d+$/.test(first)) continue;
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
