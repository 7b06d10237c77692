import { lineRange } from '../documents/types';
import type { MarkdownModel } from '../documents/markdown';
import { GitIgnore, inOutputDir } from '../workspace/gitignore';
import { ancestorsRel, dirnameRel, joinRel } from '../workspace/workspace';
import { Rule, RuleContext } from './types';

const FILE_EXT = /\.(md|mdx|mdc|txt|ts|tsx|js|jsx|mjs|cjs|json|jsonc|ya?ml|toml|ini|cfg|py|pyi|go|rs|java|kt|kts|rb|sh|bash|ps1|c|h|cc|cpp|hpp|cs|swift|php|sql|html|css|scss|lock|xml|gradle|env|sample|example)$/i;
const PLACEHOLDER = /[<>{}*?$|\\]|\.\.\.|XXX|NNN|\bfoo\b|\bbar\b/;
/** Folders monorepos keep their packages in: a line naming `web` may mean `apps/web`. */
const PACKAGE_PARENTS = ['packages', 'apps', 'crates', 'libs', 'services', 'modules', 'plugins', 'tools'];
/**
 * A line that shows a path as something not to make ("do not create files like
 * `notes/todo.md`", "never commit `.env.local`"): the path is not claimed to exist.
 */
const NEGATED_EXAMPLE =
  /\b(?:do not|don't|never|avoid|must not|should not|no need to)\b[^.;:]*?\b(?:create|add|commit|write|generate|make|introduce|check in|push|store|leave)\b|\b(?:instead of|rather than|not in|not under|e\.g\.)\b/i;

function isUrlLike(t: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(t) || t.startsWith('//') || t.startsWith('#');
}

/** Candidate path in a code span: has a slash or a file extension, no spaces or glob characters. */
function looksLikePath(ctx: RuleContext, t: string, dir: string): boolean {
  if (t.length < 3 || /\s/.test(t) || PLACEHOLDER.test(t) || isUrlLike(t) || t.startsWith('@') || t.startsWith('-')) return false;
  if (!/^[\w./@+-]+$/.test(t)) return false;
  if (t.startsWith('./') || t.startsWith('../')) return true;
  if (!t.includes('/')) return false;
  if (t.startsWith('/')) return false; // absolute paths on someone's machine
  const first = t.split('/')[0];
  const last = t.replace(/\/$/, '').split('/').pop() ?? '';
  const firstExists = ctx.workspace.exists(joinRel(dir, first) ?? first) || ctx.workspace.exists(first);
  return firstExists || FILE_EXT.test(last);
}

function decoded(target: string): string {
  const clean = target.replace(/[#?].*$/, '').replace(/\/$/, '');
  try {
    return decodeURIComponent(clean);
  } catch {
    return clean;
  }
}

/**
 * Folders a line is about: existing folders it names in code spans or plain words
 * ("in `codex-rs`, run …", a table row naming a package), and those its heading names.
 */
function namedFolders(ctx: RuleContext, model: MarkdownModel, line: number, dir: string): string[] {
  const heading = [...model.headings].reverse().find((h) => h.line <= line);
  const texts = [model.lines[line] ?? '', heading ? (model.lines[heading.line] ?? '') : ''];
  const out = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/[\w.@/-]{2,}/g)) {
      const word = m[0].replace(/^\.\/|\/$|[.]$/g, '');
      if (!word || word.startsWith('.') || isUrlLike(word)) continue;
      const candidates = [joinRel(dir, word), joinRel('', word), ...PACKAGE_PARENTS.map((p) => joinRel(p, word))];
      for (const c of candidates) if (c && ctx.workspace.exists(c) && !ctx.workspace.exists(`${c}.md`)) out.add(c);
    }
  }
  return [...out];
}

export const agents006: Rule = {
  id: 'AGENTS006',
  name: 'broken-path',
  description: 'A relative link or a backticked path does not exist in the workspace.',
  defaultSeverity: 'warning',
  appliesTo: ['agents'],
  fixable: false,
  check(ctx) {
    const { model } = ctx.doc;
    const dir = dirnameRel(ctx.doc.path);
    const gitIgnore = ctx.memo('gitignore', () => new GitIgnore(ctx.workspace));
    /** Where a path may be relative to: the file's folder, each folder above it (the nearest package, the root). */
    const bases = ancestorsRel(dir).reverse();

    const missing = (target: string, line: number, rootToo: boolean): boolean => {
      const t = decoded(target);
      if (t === '') return false;
      const at = t.startsWith('/') ? [joinRel('', t)] : [joinRel(dir, t), ...(rootToo ? bases.map((b) => joinRel(b, t)) : [])];
      const places = at.filter((p): p is string => p !== undefined);
      if (places.some((p) => ctx.workspace.exists(p))) return false;
      // Build output and git-ignored files are missing from a checkout by design.
      if (places.some((p) => inOutputDir(p) || gitIgnore.ignores(p))) return false;
      if (NEGATED_EXAMPLE.test(model.masked[line] ?? '')) return false;
      if (t.startsWith('/') || !rootToo) return true;
      return !namedFolders(ctx, model, line, dir).some((f) => {
        const p = joinRel(f, t);
        return p !== undefined && (ctx.workspace.exists(p) || gitIgnore.ignores(p));
      });
    };

    for (const link of model.links) {
      if (isUrlLike(link.target) || PLACEHOLDER.test(link.target)) continue;
      if (missing(link.target, link.line, false)) {
        ctx.report(lineRange(link.line, link.start, link.end), `Link target "${link.target}" does not exist.`);
      }
    }
    for (const span of model.codeSpans) {
      const t = span.content;
      if (!looksLikePath(ctx, t, dir)) continue;
      if (missing(t, span.line, true)) {
        const at = (model.lines[span.line] ?? '').indexOf(t, span.start);
        ctx.report(lineRange(span.line, at, at + t.length), `Path "${t}" does not exist in the workspace.`);
      }
    }
  },
};
