import { escapeRegExp } from '../config';
import type { MarkdownModel } from '../documents/markdown';

/** Whole-word, case-insensitive matcher for a list of words or phrases. */
export function phraseMatcher(phrases: readonly string[]): RegExp | undefined {
  if (phrases.length === 0) return undefined;
  const alts = [...phrases].sort((a, b) => b.length - a.length).map((p) => escapeRegExp(p).replace(/\s+/g, '\\s+'));
  return new RegExp(`(?<![A-Za-z0-9_-])(?:${alts.join('|')})(?![A-Za-z0-9_]|-[A-Za-z])`, 'gi');
}

/** Heading titles without numbering ("## 2. Goals" -> "Goals") or trailing colons. */
export function headingTitle(text: string): string {
  return text
    .replace(/^[\d.)]+\s*/, '')
    .replace(/[*_`]/g, '')
    .replace(/[:\s]+$/, '')
    .trim();
}

/** Matches a heading title against "A|B|C" alternatives, ignoring case and numbering. */
export function sectionMatcher(alternatives: string): RegExp {
  const alts = alternatives
    .split('|')
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => (/[?*+]/.test(a) ? a : escapeRegExp(a)).replace(/\s+/g, '\\s+'));
  return new RegExp(`(?:^|\\b)(?:${alts.join('|')})(?:\\b|$)`, 'i');
}

export function hasSection(model: MarkdownModel, alternatives: string): boolean {
  const re = sectionMatcher(alternatives);
  return model.headings.some((h) => re.test(headingTitle(h.text)));
}

/** Lines spanned by a range of blocks, as masked text (code and comments blanked). */
export function maskedLine(model: MarkdownModel, line: number): string {
  return model.masked[line] ?? '';
}

/**
 * A short file that only points elsewhere ("Read CLAUDE.md", "@AGENTS.md"): its
 * content lives in the file it names, so content rules do not apply.
 */
export function isPointerFile(model: MarkdownModel): boolean {
  const content = model.lines.filter((l) => l.trim() !== '');
  if (content.length === 0 || content.length > 8) return false;
  return content.some((l) => /(^|\s|\(|\[|`|@)[\w./-]*\.(md|mdc|txt)\b/i.test(l));
}
