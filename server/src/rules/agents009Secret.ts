import { lineRange } from '../documents/types';
import { Rule } from './types';

const PATTERNS: { name: string; re: RegExp }[] = [
  { name: 'AWS access key id', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { name: 'GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/g },
  { name: 'Anthropic API key', re: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  { name: 'OpenAI API key', re: /\bsk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{32,}/g },
  { name: 'Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { name: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { name: 'Stripe secret key', re: /\b[sr]k_live_[A-Za-z0-9]{20,}/g },
  { name: 'private key', re: /-----BEGIN (?:RSA |EC |OPENSSH |DSA |PGP )?PRIVATE KEY( BLOCK)?-----/g },
  {
    name: 'credential assignment',
    // `DB_PASSWORD=...` too: the key may carry a prefix joined by "_" or "-".
    re: /(?<![A-Za-z0-9])(?:[A-Za-z0-9]+[_-])*(?:api[_-]?key|secret(?:[_-]?key)?|access[_-]?token|auth[_-]?token|password|passwd)\b["']?\s*[:=]\s*["']?([A-Za-z0-9+/_\-]{20,})/gi,
  },
];

// `x{3,}`, not `x+`: every Slack token starts with "xox".
const PLACEHOLDER = /^(x{3,}|\*+|your|example|changeme|dummy|placeholder|redacted|test|fake|sample|<|\$\{)/i;

/**
 * Real secrets mix character classes; "aaaaaaaaaaaaaaaaaaaaaaaa" or an env var name does not.
 * Only a generic `password = ...` value can be an env var name: an AWS key id is all capitals
 * and digits by definition. Documentation keys end in EXAMPLE (AKIAIOSFODNN7EXAMPLE).
 */
function looksRandom(s: string, generic: boolean): boolean {
  if (PLACEHOLDER.test(s) || /EXAMPLE/i.test(s)) return false;
  if (generic && (/^[A-Z0-9_]+$/.test(s) || /^[a-z_]+$/.test(s))) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((r) => r.test(s)).length;
  return classes >= 2 && new Set(s).size >= 10;
}

export const agents009: Rule = {
  id: 'AGENTS009',
  name: 'secret',
  description: 'Something that looks like a secret (API key, token, private key) is written in the file.',
  defaultSeverity: 'error',
  appliesTo: ['agents'],
  fixable: false,
  check(ctx) {
    ctx.doc.model.lines.forEach((line, l) => {
      // One finding per secret: `api_key = "sk-..."` is both an OpenAI key and a credential assignment.
      const reported: [number, number][] = [];
      for (const { name, re } of PATTERNS) {
        for (const m of line.matchAll(re)) {
          const value = m[1] ?? m[0];
          if (name !== 'private key' && !looksRandom(value, name === 'credential assignment')) continue;
          const start = m.index! + (m[1] ? m[0].lastIndexOf(m[1]) : 0);
          if (reported.some(([s, e]) => start < e && s < start + value.length)) continue;
          reported.push([start, start + value.length]);
          ctx.report(
            lineRange(l, start, start + value.length),
            `Looks like ${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}: agent instructions are read by tools and shared in logs; remove it and rotate the secret.`,
          );
        }
      }
    });
  },
};
