import { nextFreeId } from '../documents/ids';
import { Requirement } from '../documents/requirements';
import { lineRange } from '../documents/types';
import { Rule } from './types';

// Where a new id goes: after the list marker / task box / heading hashes.
const INSERT_AT = /^(\s*(?:#{1,6}\s+)?(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?)/;

/** How ids are written in this spec (e.g. `**FR-001**: `), copied from a neighbour definition. */
export function decoration(line: string, start: number, end: number): { before: string; after: string } {
  const lead = INSERT_AT.exec(line)?.[0].length ?? 0;
  const before = line.slice(lead, start);
  const after = /^(?:\*\*|__|\]|`)?\s*(?:[:\u2014\u2013-]\s*)?/.exec(line.slice(end))?.[0] ?? '';
  return { before, after: after.endsWith(' ') ? after : `${after} ` };
}

export const spec003: Rule = {
  id: 'SPEC003',
  name: 'missing-id',
  description: 'A MUST/SHALL requirement has no id, in a spec that uses ids; the fix assigns the next free id in the spec\'s style.',
  defaultSeverity: 'warning',
  appliesTo: ['spec'],
  fixable: true,
  check(ctx) {
    const { model, requirements } = ctx.doc;
    const defs = requirements.definitions.filter((d) => d.block.kind !== 'heading');
    // A spec without ids (OpenSpec, EARS prose) is a choice, not a defect.
    if (defs.length === 0) return;
    const taken = new Set(requirements.definitions.map((d) => d.id));
    // Ids written in bold or brackets inside a requirement are taken too, not only leading ones.
    for (const r of requirements.requirements) if (r.id !== undefined) taken.add(r.id);
    for (const req of requirements.requirements) {
      if (req.level !== 'must' || req.id !== undefined || req.block.kind === 'heading') continue;
      const kw = req.keywords[0];
      // Copy the style of a list or paragraph id; a table cell's decoration does not fit a list item.
      const styled = defs.filter((d) => d.block.kind !== 'tableRow');
      const base = nearestBefore(styled, req) ?? styled[0] ?? nearestBefore(defs, req) ?? defs[0];
      const newId = nextFreeId(base.id, taken);
      const baseLine = model.lines[base.line] ?? '';
      const { before, after } = base.block.kind === 'tableRow' ? { before: '**', after: '**: ' } : decoration(baseLine, base.start, base.end);
      const line = model.lines[req.startLine] ?? '';
      const at = INSERT_AT.exec(line)?.[0].length ?? 0;
      const insert = `${before}${newId}${after}`;
      ctx.report(lineRange(kw.line, kw.start, kw.end), `Requirement has no id; ${newId} is the next free one in this spec.`, {
        fix: { title: `Assign id ${newId}`, edits: [{ range: lineRange(req.startLine, at, at), newText: insert }] },
      });
      taken.add(newId);
    }
  },
};

function nearestBefore<T extends { line: number }>(defs: T[], req: Requirement): T | undefined {
  let best: T | undefined;
  for (const d of defs) if (d.line < req.startLine) best = d;
  return best;
}

