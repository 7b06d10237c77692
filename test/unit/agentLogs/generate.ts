/**
 * Deterministic generators of large, realistic agent logs for the memory and
 * speed tests (and the benchmark): the same line shapes as the fixtures, big
 * tool outputs and reasoning blobs, streamed and re-emitted duplicates, and
 * non-ASCII text. Each returns the totals it wrote, computed by construction.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Expected {
  input: number;
  cachedInput: number;
  cacheWrite: number;
  cacheWrite1h: number;
  output: number;
  reasoning: number;
  total: number;
  requests: number;
}

export interface Generated {
  file: string;
  bytes: number;
  sessionId: string;
  cwd: string;
  models: Record<string, Expected>;
}

/** Small seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['orders', 'pagination', 'cursor', 'limit', 'handler', 'réponse', 'größe', '日本語のテキスト', 'naïve', 'emoji 🚀', 'test', 'router', 'export', 'const', 'return'];

function text(r: () => number, bytes: number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < bytes) {
    const w = WORDS[Math.floor(r() * WORDS.length)];
    parts.push(w);
    n += w.length + 1;
  }
  return parts.join(r() < 0.5 ? ' ' : '\n');
}

function blob(r: () => number, bytes: number): string {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let s = '';
  const seed = Array.from({ length: 256 }, () => A[Math.floor(r() * 64)]).join('');
  while (s.length < bytes) s += seed;
  return s.slice(0, bytes);
}

const uuid = (r: () => number) =>
  'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(r() * 16).toString(16));

function add(models: Record<string, Expected>, model: string, c: Omit<Expected, 'total' | 'requests'>): void {
  const m = (models[model] ??= { input: 0, cachedInput: 0, cacheWrite: 0, cacheWrite1h: 0, output: 0, reasoning: 0, total: 0, requests: 0 });
  m.input += c.input;
  m.cachedInput += c.cachedInput;
  m.cacheWrite += c.cacheWrite;
  m.cacheWrite1h += c.cacheWrite1h;
  m.output += c.output;
  m.reasoning += c.reasoning;
  m.total += c.input + c.cachedInput + c.cacheWrite + c.output;
  m.requests++;
}

/** Appends lines to a file in ~1 MiB writes, so generating never holds the file in memory. */
class Writer {
  private parts: string[] = [];
  private size = 0;
  bytes = 0;
  private readonly fd: number;
  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'w');
  }
  line(v: unknown): void {
    const s = JSON.stringify(v) + '\n';
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (!this.parts.length) return;
    const b = Buffer.from(this.parts.join(''), 'utf8');
    fs.writeSync(this.fd, b);
    this.bytes += b.length;
    this.parts = [];
    this.size = 0;
  }
  close(): number {
    this.flush();
    fs.closeSync(this.fd);
    return this.bytes;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A Claude Code transcript of about `targetBytes`. */
export function generateClaudeLog(file: string, targetBytes: number, seed = 1): Generated {
  const r = rng(seed);
  const sessionId = uuid(r);
  const cwd = '/home/dev/projects/générateur';
  const w = new Writer(file);
  const models: Record<string, Expected> = {};
  const common = { isSidechain: false, userType: 'external', entrypoint: 'cli', cwd, sessionId, version: '2.1.140', gitBranch: 'main' };
  let t = Date.UTC(2026, 10, 20, 9, 0, 0);
  let n = 0;
  while (w.bytes < targetBytes) {
    n++;
    t += 1000 + Math.floor(r() * 5000);
    w.line({ parentUuid: null, ...common, type: 'user', message: { role: 'user', content: text(r, 200) }, uuid: uuid(r), timestamp: iso(t) });
    const model = r() < 0.8 ? 'claude-sonnet-4-5-20250929' : 'claude-haiku-4-5-20251001';
    const msgId = `msg_${n}_${uuid(r)}`;
    const requestId = `req_${n}_${uuid(r)}`;
    const oneHour = r() < 0.5;
    const write = Math.floor(r() * 3000);
    const usage = {
      input_tokens: 1 + Math.floor(r() * 20),
      cache_creation_input_tokens: write,
      cache_read_input_tokens: Math.floor(r() * 150000),
      cache_creation: { ephemeral_5m_input_tokens: oneHour ? 0 : write, ephemeral_1h_input_tokens: oneHour ? write : 0 },
      output_tokens: 1 + Math.floor(r() * 2000),
      service_tier: 'standard',
    };
    const streamed = r() < 0.5;
    if (streamed) {
      // thinking chunk with a placeholder output count, then the final chunk
      w.line({
        parentUuid: null, ...common,
        message: { model, id: msgId, type: 'message', role: 'assistant', content: [{ type: 'thinking', thinking: text(r, 800), signature: blob(r, 400) }], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 12 } },
        requestId, type: 'assistant', uuid: uuid(r), timestamp: iso(t + 500),
      });
    }
    const final = {
      parentUuid: null, ...common,
      message: { model, id: msgId, type: 'message', role: 'assistant', content: [{ type: 'tool_use', id: `toolu_${n}`, name: 'Read', input: { file_path: `${cwd}/src/f${n}.ts` } }, { type: 'text', text: text(r, 600) }], stop_reason: 'tool_use', stop_sequence: null, usage },
      requestId, type: 'assistant', uuid: uuid(r), timestamp: iso(t + 900),
    };
    w.line(final);
    if (r() < 0.05) w.line(final); // a byte-identical copy (resume)
    add(models, model, {
      input: usage.input_tokens,
      cachedInput: usage.cache_read_input_tokens,
      cacheWrite: write,
      cacheWrite1h: oneHour ? write : 0,
      // a request's output is its largest count, placeholder included
      output: streamed ? Math.max(12, usage.output_tokens) : usage.output_tokens,
      reasoning: 0,
    });
    // the tool result: the bulk of a real transcript
    const out = text(r, 2000 + Math.floor(r() * 12000));
    w.line({
      parentUuid: null, ...common, type: 'user',
      message: { role: 'user', content: [{ tool_use_id: `toolu_${n}`, type: 'tool_result', content: out }] },
      uuid: uuid(r), timestamp: iso(t + 1200), toolUseResult: { type: 'text', file: { filePath: `${cwd}/src/f${n}.ts`, content: out, numLines: 40 } },
    });
  }
  return { file, bytes: w.close(), sessionId, cwd, models };
}

/** A Codex CLI rollout of about `targetBytes`. */
export function generateCodexLog(file: string, targetBytes: number, seed = 2): Generated {
  const r = rng(seed);
  const sessionId = `019aa0f1-${uuid(r).slice(9)}`;
  const cwd = '/home/dev/projects/générateur';
  const w = new Writer(file);
  const models: Record<string, Expected> = {};
  let t = Date.UTC(2026, 10, 20, 10, 0, 0);
  const line = (type: string, payload: unknown) => w.line({ timestamp: iso((t += 137)), type, payload });
  line('session_meta', { id: sessionId, timestamp: iso(t), cwd, originator: 'codex_cli_rs', cli_version: '0.150.0', source: 'cli', model_provider: 'openai', base_instructions: { text: text(r, 8000) } });
  const total = { input_tokens: 0, cached_input_tokens: 0, output_tokens: 0, reasoning_output_tokens: 0, total_tokens: 0 };
  let turn = 0;
  while (w.bytes < targetBytes) {
    turn++;
    const model = turn % 5 === 0 ? 'gpt-5-mini' : 'gpt-5-codex';
    line('event_msg', { type: 'task_started', turn_id: `turn-${turn}`, model_context_window: 258400 });
    line('turn_context', { turn_id: `turn-${turn}`, cwd, current_date: '2026-11-20', timezone: 'Europe/Berlin', approval_policy: 'on-request', sandbox_policy: { type: 'workspace-write' }, model, effort: 'medium', summary: 'auto' });
    line('response_item', { type: 'message', role: 'user', content: [{ type: 'input_text', text: text(r, 300) }] });
    line('event_msg', { type: 'user_message', message: text(r, 300), images: [] });
    line('event_msg', { type: 'token_count', info: null, rate_limits: { limit_id: 'codex', primary: { used_percent: 1, window_minutes: 300 } } });
    const calls = 1 + Math.floor(r() * 4);
    for (let c = 0; c < calls; c++) {
      line('response_item', { type: 'reasoning', summary: [{ type: 'summary_text', text: text(r, 100) }], content: null, encrypted_content: blob(r, 2000 + Math.floor(r() * 4000)) });
      line('response_item', { type: 'function_call', name: 'shell', arguments: JSON.stringify({ command: ['rg', '-n', 'orders'], workdir: cwd }), call_id: `call_${turn}_${c}` });
      const input = 5000 + Math.floor(r() * 60000);
      const cached = Math.floor(input * r() * 0.9);
      const output = 50 + Math.floor(r() * 3000);
      const reasoning = Math.floor(output * r());
      const last = { input_tokens: input, cached_input_tokens: cached, output_tokens: output, reasoning_output_tokens: reasoning, total_tokens: input + output };
      total.input_tokens += input;
      total.cached_input_tokens += cached;
      total.output_tokens += output;
      total.reasoning_output_tokens += reasoning;
      total.total_tokens += input + output;
      const info = { total_token_usage: { ...total }, last_token_usage: last, model_context_window: 258400 };
      line('event_msg', { type: 'token_count', info, rate_limits: { limit_id: 'codex', primary: { used_percent: 2, window_minutes: 300 } } });
      if (r() < 0.2) line('event_msg', { type: 'token_count', info, rate_limits: { limit_id: 'codex', primary: { used_percent: 2, window_minutes: 300 } } });
      add(models, model, { input: input - cached, cachedInput: cached, cacheWrite: 0, cacheWrite1h: 0, output, reasoning });
      line('response_item', { type: 'function_call_output', call_id: `call_${turn}_${c}`, output: JSON.stringify({ output: text(r, 3000 + Math.floor(r() * 20000)), metadata: { exit_code: 0 } }) });
    }
    line('event_msg', { type: 'agent_message', message: text(r, 400) });
    line('event_msg', { type: 'task_complete', turn_id: `turn-${turn}`, last_agent_message: text(r, 200) });
  }
  return { file, bytes: w.close(), sessionId, cwd, models };
}

/** A Gemini CLI chat of about `targetBytes`. */
export function generateGeminiLog(file: string, targetBytes: number, seed = 3): Generated {
  const r = rng(seed);
  const sessionId = uuid(r);
  const w = new Writer(file);
  const models: Record<string, Expected> = {};
  let t = Date.UTC(2026, 10, 20, 9, 15, 0);
  w.line({ sessionId, projectHash: '0'.repeat(64), startTime: iso(t), lastUpdated: iso(t), kind: 'main' });
  let n = 0;
  while (w.bytes < targetBytes) {
    n++;
    t += 3000;
    w.line({ id: `u-${n}`, timestamp: iso(t), type: 'user', content: [{ text: text(r, 300) }] });
    const id = `g-${n}-${uuid(r)}`;
    const model = 'gemini-2.5-pro';
    const base = { id, timestamp: iso(t + 100), type: 'gemini', content: [{ text: text(r, 500) }], thoughts: [{ subject: 'thinking', description: text(r, 200) }], model };
    w.line({ ...base, tokens: null });
    const input = 5000 + Math.floor(r() * 80000);
    const cached = Math.floor(input * r() * 0.8);
    const output = Math.floor(r() * 2000);
    const thoughts = Math.floor(r() * 2000);
    const tokens = { input, output, cached, thoughts, tool: 0, total: input + output + thoughts };
    w.line({ ...base, tokens });
    w.line({ ...base, tokens, toolCalls: [{ id: `call-${n}`, name: 'read_file', args: { path: 'src/x.ts' }, result: [{ functionResponse: { response: { output: text(r, 3000 + Math.floor(r() * 10000)) } } }], status: 'success' }] });
    w.line({ $set: { lastUpdated: iso(t + 200) } });
    add(models, model, { input: input - cached, cachedInput: cached, cacheWrite: 0, cacheWrite1h: 0, output: output + thoughts, reasoning: thoughts });
  }
  return { file, bytes: w.close(), sessionId, cwd: '', models };
}
