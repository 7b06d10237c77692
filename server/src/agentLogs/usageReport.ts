import type { TokenHistory, UsageGrouping, UsageRow } from './history';
import { formatTokens, formatUsd } from './status';

const TITLES: Record<UsageGrouping, string> = { session: 'Per session', day: 'Per day', model: 'Per model', mode: 'Per mode', agent: 'Per agent' };

function table(by: UsageGrouping, rows: UsageRow[]): string[] {
  if (!rows.length) return [`### ${TITLES[by]}`, '', 'No usage recorded in this period.', ''];
  const head = by === 'session' ? 'Session' : by === 'day' ? 'Day' : by === 'model' ? 'Model' : by === 'mode' ? 'Mode' : 'Agent';
  return [
    `### ${TITLES[by]}`,
    '',
    `| ${head} | Input | Cached input | Cache write | Output | Reasoning | Total | Cost |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.key} | ${formatTokens(r.counts.input)} | ${formatTokens(r.counts.cachedInput)} | ${formatTokens(r.counts.cacheWrite)} | ${formatTokens(r.counts.output)} | ${formatTokens(r.counts.reasoning)} | ${formatTokens(r.counts.total)} | ${r.usd === undefined ? `${formatUsd(r.pricedUsd)} + unpriced` : formatUsd(r.usd)} |`,
    ),
    '',
  ];
}

/** The usage breakdown the editor opens: per session, day, model and mode over a period. */
export function usageMarkdown(history: TokenHistory, from: string, to: string, workspaces: readonly string[]): string {
  const lines = [`# Agent token usage, ${from} to ${to}`, ''];
  const total = history.totals(from, to, workspaces);
  lines.push(`Total: ${formatTokens(total.tokens)} tokens · ${total.usd === undefined ? `${formatUsd(total.pricedUsd)} + unpriced models` : formatUsd(total.usd)}`, '');
  for (const by of ['session', 'day', 'model', 'mode'] as const) lines.push(...table(by, history.usage(from, to, by, workspaces)));
  lines.push(
    'Counts come from the agents’ own logs (Codex CLI, Claude Code, Gemini CLI); costs from podflow’s price table and `podflow.tokens.prices`. ' +
      'The mode is the mode clock’s when the tokens were read; `unknown` for sessions read at start.',
  );
  return lines.join('\n') + '\n';
}
