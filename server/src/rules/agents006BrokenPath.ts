import { lineRange } from '../documents/types';
import { dirnameRel, joinRel } from '../workspace/workspace';
import { Rule, RuleContext } from './types';

const FILE_EXT = /\.(md|mdx|mdc|txt|ts|tsx|js|jsx|mjs|cjs|json|jsonc|ya?ml|toml|ini|cfg|py|pyi|go|rs|java|kt|kts|rb|sh|bash|ps1|c|h|cc|cpp|hpp|cs|swift|php|sql|html|css|scss|lock|xml|gradle|env|sample|example)$/i;
const PLACEHOLDER = /[<>{}*?$|\\]|\.\.\.|XXX|NNN|\bfoo\b|\bbar\b/;

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

function resolves(ctx: RuleContext, dir: string, target: string, rootToo: boolean): boolean {
  const clean = target.replace(/[#?].*$/, '').replace(/\/$/, '');
  if (clean === '') return true;
  let decoded = clean;
  try {
    decoded = decodeURIComponent(clean);
  } catch {
    /* keep the raw text */
  }
  const candidates = decoded.startsWith('/') ? [joinRel('', decoded)] : [joinRel(dir, decoded), rootToo ? joinRel('', decoded) : undefined];
  return candidates.some((c) => c !== undefined && ctx.workspace.exists(c));
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
    for (const link of model.links) {
      if (isUrlLike(link.target) || PLACEHOLDER.test(link.target)) continue;
      if (!resolves(ctx, dir, link.target, false)) {
        ctx.report(lineRange(link.line, link.start, link.end), `Link target "${link.target}" does not exist.`);
      }
    }
    for (const span of model.codeSpans) {
      const t = span.content;
      if (!looksLikePath(ctx, t, dir)) continue;
      if (!resolves(ctx, dir, t, true)) {
        const at = (model.lines[span.line] ?? '').indexOf(t, span.start);
        ctx.report(lineRange(span.line, at, at + t.length), `Path "${t}" does not exist in the workspace.`);
      }
    }
  },
};
