import { withoutId } from '../documents/requirements';
import type { CoverageSummary } from '../project';

function pct(covered: number, total: number): string {
  return total === 0 ? '100%' : `${Math.floor((covered / total) * 1000) / 10}%`;
}

export function coveragePercent(s: { covered: number; total: number }): number {
  return s.total === 0 ? 100 : (s.covered / s.total) * 100;
}

export function coverageText(summary: CoverageSummary): string {
  const out: string[] = [];
  for (const s of summary.specs) {
    out.push(`${s.path}: MUST ${s.covered}/${s.total} (${pct(s.covered, s.total)})`);
    for (const u of s.uncovered) {
      out.push(`  ${s.path}:${u.line + 1} ${u.id ?? '(no id)'} ${u.skippedOnly ? 'only skipped tests' : 'no test'}: ${u.text}`);
    }
  }
  out.push(`total: MUST ${summary.covered}/${summary.total} (${pct(summary.covered, summary.total)})`);
  return `${out.join('\n')}\n`;
}

export function coverageJson(summary: CoverageSummary): string {
  return `${JSON.stringify({ ...summary, percent: coveragePercent(summary) }, null, 2)}\n`;
}

/**
 * Markdown for a pull-request comment or the editor's report. `link` turns a
 * spec path and line into a link target (relative for PRs, file URIs in the editor).
 */
export function coverageMarkdown(summary: CoverageSummary, link: (path: string, line: number) => string = (p, l) => `${p}#L${l + 1}`): string {
  const out = [
    `## MUST coverage: ${summary.covered}/${summary.total} (${pct(summary.covered, summary.total)})`,
    '',
    '| spec | covered | total | % |',
    '|---|---:|---:|---:|',
  ];
  for (const s of summary.specs) out.push(`| \`${s.path}\` | ${s.covered} | ${s.total} | ${pct(s.covered, s.total)} |`);
  const uncovered = summary.specs.filter((s) => s.uncovered.length);
  if (uncovered.length) {
    out.push('', '### Uncovered MUSTs');
    for (const s of uncovered) {
      out.push('', `**${s.path}**`, '');
      for (const u of s.uncovered) {
        const why = u.skippedOnly ? ' (only skipped tests)' : '';
        const text = (u.id ? withoutId(u.text, u.id) : u.text).replace(/\|/g, '\\|');
        out.push(`- [${u.id ?? `line ${u.line + 1} (no id)`}](${link(s.path, u.line)})${why}: ${text.length > 140 ? `${text.slice(0, 139)}…` : text}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}
