import { lineRange } from '../documents/types';
import { Rule } from './types';
import { headingTitle } from './util';

const MARKER = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+)/;

export const plans002: Rule = {
  id: 'PLANS002',
  name: 'progress-not-checkbox',
  description: 'An item under Progress is not a checkbox (- [ ] / - [x]), so its state cannot be read.',
  defaultSeverity: 'warning',
  appliesTo: ['plans'],
  fixable: true,
  check(ctx) {
    const { model } = ctx.doc;
    for (const h of model.headings) {
      if (!/^progress\b/i.test(headingTitle(h.text))) continue;
      const top = model.listItems.filter((i) => i.startLine > h.line && i.startLine < h.sectionEnd);
      const minDepth = Math.min(...top.map((i) => i.depth));
      for (const item of top) {
        if (item.depth !== minDepth || item.checkbox !== undefined) continue;
        const line = model.lines[item.startLine] ?? '';
        const m = MARKER.exec(line);
        if (!m) continue;
        const at = m[1].length;
        ctx.report(lineRange(item.startLine, 0, line.length), 'Progress item is not a checkbox; write "- [ ] ..." (or "- [x] ..." when done).', {
          fix: { title: 'Make it a checkbox', edits: [{ range: lineRange(item.startLine, at, at), newText: '[ ] ' }] },
        });
      }
    }
  },
};
