import { findLooseKeywords } from '../documents/keywords';
import { lineRange } from '../documents/types';
import { Rule } from './types';

/** RFC 8174: only capitals carry normative weight, so "must" in a requirement is ambiguous. */
export const spec001: Rule = {
  id: 'SPEC001',
  name: 'lowercase-keyword',
  description: 'A requirement uses a normative keyword in lower or mixed case (RFC 8174 ambiguity).',
  defaultSeverity: 'warning',
  appliesTo: ['spec'],
  fixable: true,
  check(ctx) {
    const { model, requirements } = ctx.doc;
    const candidates = new Set(requirements.requirements.map((r) => r.block));
    for (const d of requirements.definitions) if (d.block.kind !== 'heading') candidates.add(d.block);
    for (const block of candidates) {
      for (const hit of findLooseKeywords(model.masked, block.startLine, block.endLine)) {
        const range = lineRange(hit.line, hit.start, hit.end);
        const what = /^[A-Z]+\s/.test(hit.text) ? 'mixes upper and lower case' : 'is not an RFC 2119 keyword unless in capitals';
        ctx.report(range, `"${hit.text}" ${what}; write "${hit.upper}" if it is normative.`, {
          fix: { title: `Change "${hit.text}" to "${hit.upper}"`, edits: [{ range, newText: hit.upper }] },
        });
      }
    }
  },
};
