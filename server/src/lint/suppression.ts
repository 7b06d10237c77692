import type { MarkdownModel } from '../documents/markdown';

interface Directive {
  line: number;
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Empty means every rule. */
  ids: string[];
}

const DIRECTIVE = /^podflow-(disable-next-line|disable-line|disable|enable)\b([\s\S]*)$/;

function parseDirectives(model: MarkdownModel): Directive[] {
  const out: Directive[] = [];
  for (const c of model.comments) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const ids = m[2].split(/[\s,]+/).filter((s) => /^[A-Z]+\d{3}$/.test(s));
    out.push({ line: c.line, kind: m[1] as Directive['kind'], ids });
  }
  return out;
}

/**
 * Inline suppression: `<!-- podflow-disable RULE -->` ... `<!-- podflow-enable -->`,
 * `<!-- podflow-disable-next-line RULE -->` and `<!-- podflow-disable-line RULE -->`.
 */
export function suppressionFilter(model: MarkdownModel): (ruleId: string, line: number) => boolean {
  const directives = parseDirectives(model);
  if (directives.length === 0) return () => false;
  return (ruleId, line) => {
    let disabled = false;
    for (const d of directives) {
      const applies = d.ids.length === 0 || d.ids.includes(ruleId);
      if (!applies) continue;
      if (d.kind === 'disable-next-line' && d.line + 1 === line) return true;
      if (d.kind === 'disable-line' && d.line === line) return true;
      if (d.line > line) continue;
      if (d.kind === 'disable') disabled = true;
      else if (d.kind === 'enable') disabled = false;
    }
    return disabled;
  };
}
