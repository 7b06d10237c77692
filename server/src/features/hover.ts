import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import { Project } from '../project';
import { locate } from './locate';
import { citingTests, CitingTest, lensTitle, resultsContext } from './testsOf';

const MAX_LISTED = 10;

export function hover(project: Project, path: string, pos: Position): Hover | null {
  const at = locate(project, path, pos);
  if (!at) return null;
  if (at.kind === 'requirement') {
    const r = at.requirement;
    const tests = citingTests(project, r);
    const lines = [`**${r.id}** · ${r.keyword} · ${lensTitle(r.level, tests, resultsContext(project)).replace(/^[✓✗] /, '')}`, ''];
    for (const t of tests.slice(0, MAX_LISTED)) lines.push(`- ${t.skipped ? '(skipped) ' : outcomeNote(t)}\`${t.name}\` — ${t.path}:${t.line + 1}`);
    if (tests.length > MAX_LISTED) lines.push(`- … and ${tests.length - MAX_LISTED} more`);
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: at.range };
  }
  if (at.targets.length === 0) {
    const res = project.trace.resolve(at.ref, path);
    const why = res.unknown.length ? `${res.unknown.join(', ')}: not defined in any spec` : 'no matching requirement';
    return { contents: { kind: MarkupKind.Markdown, value: `**${at.ref.text}** · ${why}` }, range: at.range };
  }
  const parts = at.targets.map((r) => `**${r.id}** · ${r.keyword} · ${r.spec}:${r.anchor.startLine + 1}\n\n> ${r.text}`);
  // A range names several requirements of one spec; only one id defined in several specs is ambiguous.
  const ambiguous = new Set(at.targets.map((r) => r.id)).size < at.targets.length ? '\n\n_Defined in several specs: qualify the reference._' : '';
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') + ambiguous }, range: at.range };
}

/** "(failed: expected 2, got 3) ", "(passed) ", "(passed, stale) "; empty without a result. */
function outcomeNote(t: CitingTest): string {
  const o = t.outcome;
  if (!o) return '';
  const why = o.status === 'failed' && o.message ? `: ${o.message.replace(/[`|]/g, "'")}` : '';
  return `(${o.status}${o.stale ? ', stale' : ''}${why}) `;
}
