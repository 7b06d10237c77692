/**
 * Token usage read from AI coding agents' own local logs. Plain data: counts,
 * models, times and session ids only; no prompt or response text ever lands here.
 */

export const AGENTS = ['codex', 'claude', 'gemini'] as const;
export type AgentKind = (typeof AGENTS)[number];

/**
 * Token counts in one shape for every agent. The four billed buckets are
 * disjoint (as ccusage reports them), whatever the agent's own log does:
 *
 * - Codex logs `input_tokens` including `cached_input_tokens`: `input` here is
 *   the uncached part, `cachedInput` the cached part.
 * - Claude Code logs the four buckets disjoint already: `input_tokens`,
 *   `cache_read_input_tokens`, `cache_creation_input_tokens`, `output_tokens`.
 * - Gemini CLI logs `input` including `cached`, `output` without `thoughts`
 *   and tool-use prompt tokens apart: `input` here is uncached input plus
 *   tool-use prompt tokens, `output` includes `thoughts`.
 */
export interface TokenCounts {
  /** Input tokens billed at the full input price (not read from or written to a cache). */
  input: number;
  /** Input tokens read from the prompt cache. */
  cachedInput: number;
  /** Input tokens written to the prompt cache (Claude), all lifetimes. */
  cacheWrite: number;
  /** The part of `cacheWrite` written with a 1-hour lifetime (priced higher than 5-minute writes). */
  cacheWrite1h: number;
  /** Output tokens, reasoning / thinking included. */
  output: number;
  /** The part of `output` spent on reasoning (Codex `reasoning_output_tokens`, Gemini `thoughts`). */
  reasoning: number;
  /** input + cachedInput + cacheWrite + output. */
  total: number;
}

export interface ModelUsage extends TokenCounts {
  /** Model requests (Claude, Gemini) or advancing `token_count` events (Codex) counted. */
  requests: number;
  /**
   * The part of the counts that came from requests whose prompt (all input
   * buckets) exceeded the model's long-context threshold, priced at
   * long-context rates. Absent when no request did.
   */
  longContext?: TokenCounts;
}

/** How full the model's context window was after the last request. */
export interface ContextFill {
  /** Tokens of the last request: its whole prompt plus its output. */
  tokens: number;
  /** The model's context window, only when the log states it (Codex does). */
  window?: number;
  model?: string;
  timestamp?: string;
}

export interface SessionUsage {
  agent: AgentKind;
  /** The agent's session id; the file name's id when the log has none (yet). */
  sessionId: string;
  /** Absolute path of the log file this was read from. */
  file: string;
  /** Working directory the session ran in, when known. */
  cwd?: string;
  /** Usage per model name as the log spells it. */
  models: Record<string, ModelUsage>;
  /** Earliest and latest timestamp (ISO 8601) of the lines read for usage and session metadata. */
  firstTimestamp?: string;
  lastTimestamp?: string;
  /** Model of the most recent request. */
  lastModel?: string;
  context?: ContextFill;
  /**
   * Lines that could hold usage (they contain a marker such as `"token_count"`)
   * but did not parse, plus lines too long to hold (`maxLineBytes`). Lines
   * without a marker are never decoded, so they are never counted here.
   */
  malformedLines: number;
  /** Claude sub-agent transcript, Gemini sub-agent chat, Codex sub-agent thread. */
  subagent?: boolean;
  /** Codex: the session this one was forked from. */
  forkedFrom?: string;
  /** Gemini: SHA-256 of the project root, from the chat's metadata line. */
  projectHash?: string;
}

export function emptyCounts(): TokenCounts {
  return { input: 0, cachedInput: 0, cacheWrite: 0, cacheWrite1h: 0, output: 0, reasoning: 0, total: 0 };
}

export function emptyModelUsage(): ModelUsage {
  return { ...emptyCounts(), requests: 0 };
}

/** Adds `b` into `a`, field by field (`sign` -1 subtracts). */
export function addCounts(a: TokenCounts, b: TokenCounts, sign = 1): void {
  a.input += sign * b.input;
  a.cachedInput += sign * b.cachedInput;
  a.cacheWrite += sign * b.cacheWrite;
  a.cacheWrite1h += sign * b.cacheWrite1h;
  a.output += sign * b.output;
  a.reasoning += sign * b.reasoning;
  a.total += sign * b.total;
}

/** Sum of every model's counts. */
export function sessionTotals(usage: SessionUsage): TokenCounts {
  const t = emptyCounts();
  for (const m of Object.values(usage.models)) addCounts(t, m);
  return t;
}

/** True when every count is zero. */
export function isZero(c: TokenCounts): boolean {
  return c.input === 0 && c.cachedInput === 0 && c.cacheWrite === 0 && c.output === 0 && c.reasoning === 0;
}

/** input + cachedInput + cacheWrite + output: the `total` of disjoint buckets. */
export function tokensOf(c: Omit<TokenCounts, 'total'>): number {
  return c.input + c.cachedInput + c.cacheWrite + c.output;
}
