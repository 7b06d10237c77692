import { lineRange } from '../documents/types';
import { agentsChain } from './agentsChain';
import { Rule } from './types';

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export const agents001: Rule = {
  id: 'AGENTS001',
  name: 'chain-too-large',
  description: 'The AGENTS.md files from the root to this folder exceed the size agents read (Codex CLI: 32 KiB by default).',
  defaultSeverity: 'error',
  appliesTo: ['agents'],
  fixable: false,
  check(ctx) {
    const chain = agentsChain(ctx);
    const limit = ctx.config['agents.maxChainBytes'];
    const total = chain.reduce((n, c) => n + Buffer.byteLength(c.text, 'utf8'), 0);
    if (total <= limit) return;
    const own = Buffer.byteLength(ctx.doc.model.text, 'utf8');
    const parts = chain.length > 1 ? ` (${chain.map((c) => `${c.path} ${kib(Buffer.byteLength(c.text, 'utf8'))}`).join(' + ')})` : '';
    const line0 = ctx.doc.model.lines[0] ?? '';
    ctx.report(
      lineRange(0, 0, line0.length),
      `Instructions are ${kib(total)}${parts}, over the ${kib(limit)} agents read; text past the limit is silently dropped. This file is ${kib(own)}.`,
    );
  },
};
