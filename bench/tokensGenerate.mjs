// Deterministic generator for the token meter benchmark (`npm run bench:tokens`): a month of
// Claude Code transcripts and Codex CLI rollouts, laid out as the agents lay them out
// (`claude/projects/<encoded-cwd>/<sessionId>.jsonl` with `<sessionId>/subagents/agent-*.jsonl`,
// `codex/sessions/YYYY/MM/DD/rollout-*.jsonl`), in the shape real logs have: most bytes are tool
// results (file contents, command output), tool inputs (edits, patches), message text, thinking
// signatures and encrypted reasoning; usage records are a small share. Claude responses are
// written one line per content block with a placeholder `output_tokens` on all but the last, and
// now and then a byte-identical copy of a line (a resume); Codex writes rate-limit-only
// `token_count` snapshots (`info: null`) and re-emits unchanged ones. Prompts stay under every
// long-context threshold, so both tools price every request at base rates.
//
// Session sizes are log-uniform (many small sessions, a few large ones). Each file's mtime is
// its last timestamp.
// Returns a manifest with the totals written, computed by construction. Same seed and size,
// same bytes.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from './common.mjs';

/** Changes whenever this file does, so cached logs from an older generator are not reused. */
export const GENERATOR_VERSION = createHash('sha256').update(fs.readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 16);

const MIN_SESSION = 8 * 1024;
const MAX_SESSION = 16 * 1024 * 1024;
const DAY = 86_400_000;
const MONTH_START = Date.UTC(2026, 10, 1, 7, 0, 0);

/** Every session's working directory is below it (the workspace folder of the server scan). */
export const WORKSPACE_ROOT = '/home/dev';
const PROJECTS = [
  '/home/dev/projects/acme-api',
  '/home/dev/projects/web-dashboard',
  '/home/dev/projects/billing-service',
  '/home/dev/projects/mobile-app',
  '/home/dev/projects/infra',
  '/home/dev/projects/données-pipeline',
  '/home/dev/work/ml_experiments',
  '/home/dev/projects/docs.site',
];

// ---------------------------------------------------------------------------
// Text pools: realistic-looking code, prose and command output, sliced at random offsets.
// Only BMP characters, so a slice never splits a surrogate pair.
// ---------------------------------------------------------------------------

const NOUNS = ['order', 'invoice', 'customer', 'session', 'token', 'cursor', 'page', 'tenant', 'ledger', 'refund', 'webhook', 'report', 'quota', 'user', 'role', 'cache', 'queue', 'batch', 'payload', 'config'];
const VERBS = ['load', 'fetch', 'create', 'update', 'delete', 'validate', 'parse', 'render', 'retry', 'merge', 'paginate', 'normalize', 'encode', 'resolve', 'sync', 'flush'];
const TYPES = ['string', 'number', 'Order', 'Invoice', 'Customer', 'Session', 'Page<Order>', 'Result<void>', 'Record<string, number>', 'readonly Item[]'];
const PROSE = [
  'the handler returns early when the cursor is missing', 'pagination keeps the limit from the request', 'réponse vide quand le filtre ne correspond à rien',
  'die Größe der Seite ist begrenzt', '日本語のテキストも正しく扱う必要がある', 'a naïve implementation reads the whole table', 'we should keep the old behaviour behind a flag',
  'the test covers the empty case and the last page', 'retry with exponential backoff up to five times', 'this matches what the API documentation says',
  'the migration adds an index on created_at', 'ошибка возникает только при пустом ответе', 'make sure the error message names the field', 'the fixture is shared by three tests',
];
const cap = (s) => s[0].toUpperCase() + s.slice(1);

function codePool(r, chars) {
  const lines = [];
  let n = 0;
  const id = () => r.pick(VERBS) + cap(r.pick(NOUNS));
  while (n < chars) {
    const k = r.int(12);
    const indent = '  '.repeat(r.int(4));
    let l;
    if (k === 0) l = `export async function ${id()}(${r.pick(NOUNS)}: ${r.pick(TYPES)}, opts: { limit?: number } = {}): Promise<${r.pick(TYPES)}> {`;
    else if (k === 1) l = `${indent}const ${r.pick(NOUNS)}s = await this.${id()}(${r.pick(NOUNS)}.id, { limit: ${r.int(500)}, cursor });`;
    else if (k === 2) l = `${indent}if (!${r.pick(NOUNS)}) throw new Error(\`${r.pick(PROSE)}: \${${r.pick(NOUNS)}Id}\`);`;
    else if (k === 3) l = `${indent}return ${r.pick(NOUNS)}s.filter((x) => x.${r.pick(NOUNS)} !== undefined).map((x) => ({ ...x, total: x.amount * ${r.int(100)} }));`;
    else if (k === 4) l = `${indent}// ${r.pick(PROSE)}`;
    else if (k === 5) l = `import { ${id()}, ${id()} } from '../${r.pick(NOUNS)}/${r.pick(NOUNS)}Service';`;
    else if (k === 6) l = `${indent}expect(await ${id()}(${JSON.stringify(r.pick(NOUNS))})).toEqual({ status: ${200 + r.int(300)}, items: [] });`;
    else if (k === 7) l = `${indent}}`;
    else if (k === 8) l = `src/${r.pick(NOUNS)}/${id()}.ts:${1 + r.int(900)}:${1 + r.int(40)}:  ${r.pick(NOUNS)}.${id()}(req.query.${r.pick(NOUNS)})`;
    else if (k === 9) l = `${indent}"${r.pick(NOUNS)}_${r.pick(NOUNS)}": { "type": "${r.pick(['string', 'integer', 'boolean'])}", "description": "${r.pick(PROSE)}" },`;
    else if (k === 10) l = `  ✓ ${r.pick(VERBS)}s the ${r.pick(NOUNS)} when ${r.pick(PROSE)} (${r.int(90)} ms)`;
    else l = '';
    lines.push(l);
    n += l.length + 1;
  }
  return lines.join('\n');
}

function prosePool(r, chars) {
  const parts = [];
  let n = 0;
  while (n < chars) {
    const s = cap(r.pick(PROSE)) + (r.chance(0.2) ? ` (\`${r.pick(VERBS)}${cap(r.pick(NOUNS))}\`)` : '') + (r.chance(0.1) ? '.\n\n' : '. ');
    parts.push(s);
    n += s.length;
  }
  return parts.join('');
}

function base64Pool(r, chars) {
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const out = new Array(chars);
  for (let i = 0; i < chars; i++) out[i] = A[r.int(64)];
  return out.join('');
}

// ---------------------------------------------------------------------------

/** Appends lines to one file in large writes; counts bytes and the bytes of lines holding usage. */
class Writer {
  constructor(file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.file = file;
    this.fd = fs.openSync(file, 'w');
    this.parts = [];
    this.pending = 0;
    this.bytes = 0;
    this.usageBytes = 0;
    this.lines = 0;
  }
  line(v, usage = false) {
    const s = JSON.stringify(v) + '\n';
    const b = Buffer.byteLength(s);
    this.bytes += b;
    if (usage) this.usageBytes += b;
    this.lines++;
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending > 4 << 20) this.flush();
  }
  flush() {
    if (this.parts.length) fs.writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.pending = 0;
  }
  close(mtimeMs) {
    this.flush();
    fs.closeSync(this.fd);
    const t = new Date(mtimeMs);
    fs.utimesSync(this.file, t, t);
  }
}

const hex = (r, n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[r.int(16)];
  return s;
};
const uuid4 = (r) => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-${'89ab'[r.int(4)]}${hex(r, 3)}-${hex(r, 12)}`;
/** UUIDv7 with its time prefix, as Codex names rollouts. */
const uuid7 = (r, ms) => {
  const t = ms.toString(16).padStart(12, '0');
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${hex(r, 3)}-${'89ab'[r.int(4)]}${hex(r, 3)}-${hex(r, 12)}`;
};
const iso = (ms) => new Date(ms).toISOString();
const encodeCwd = (cwd) => cwd.normalize('NFC').replace(/[^a-zA-Z0-9]/g, '-');

function addTotals(models, model, c) {
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

/** A log-uniform session size, in bytes. */
const sessionSize = (r) => Math.round(Math.exp(Math.log(MIN_SESSION) + r.next() * (Math.log(MAX_SESSION) - Math.log(MIN_SESSION))));

// ---------------------------------------------------------------------------
// Claude Code
// ---------------------------------------------------------------------------

const CLAUDE_MAIN_MODELS = ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929', 'claude-opus-4-5-20251101'];
const CLAUDE_SUB_MODELS = ['claude-haiku-4-5-20251001', 'claude-sonnet-4-5-20250929'];

/**
 * Writes one Claude Code transcript (main or sub-agent) of about `target` bytes; returns the time
 * of its last line. `spawn(agentId, size, at)` writes a sub-agent
 * transcript for a Task tool call of the main one and returns its `{ end, bytes }`.
 */
function claudeTranscript(g, w, s, target, startMs, spawn) {
  const { r, pools, models } = g;
  const base = { isSidechain: !!s.agentId, userType: 'external', cwd: s.cwd, sessionId: s.sessionId, version: '2.1.140', gitBranch: s.branch };
  if (s.agentId) base.agentId = s.agentId;
  let t = startMs;
  let parent = null;
  let context = 8000 + r.int(20000); // tokens already in the cache
  let n = 0;
  const slice = (pool, len) => {
    const off = r.int(pool.length - len);
    return pool.slice(off, off + len);
  };
  const push = (rec, usage = false) => {
    const uuid = uuid4(r);
    w.line({ parentUuid: parent, ...base, ...rec, uuid, timestamp: iso(t) }, usage);
    parent = uuid;
  };
  if (!s.agentId && r.chance(0.3)) w.line({ type: 'summary', summary: slice(pools.prose, 60 + r.int(80)), leafUuid: uuid4(r) });
  let spawned = 0; // bytes of sub-agent transcripts started from this one
  while (w.bytes + spawned < target) {
    t += 20_000 + r.int(600_000);
    push({ type: 'user', message: { role: 'user', content: s.agentId && n === 0 ? slice(pools.prose, 400 + r.int(3000)) : slice(pools.prose, 40 + r.int(1500)) } });
    if (!s.agentId && r.chance(0.15)) {
      w.line({ type: 'file-history-snapshot', messageId: uuid4(r), snapshot: { messageId: uuid4(r), trackedFileBackups: { [`src/${r.pick(NOUNS)}.ts`]: { backupFileName: `${hex(r, 16)}@v${1 + r.int(9)}`, version: 1 + r.int(9), backupTime: iso(t) } }, timestamp: iso(t) }, isSnapshotUpdate: false });
    }
    const steps = 1 + r.int(8);
    for (let step = 0; step < steps && w.bytes + spawned < target; step++) {
      n++;
      const last = step === steps - 1;
      const model = s.model;
      const msgId = `msg_01${hex(r, 22)}`;
      const requestId = `req_011C${hex(r, 20)}`;
      const write = 200 + r.int(8000);
      const input = r.chance(0.05) ? 100 + r.int(5000) : 1 + r.int(30);
      const read = Math.min(context, 180_000);
      context = Math.min(context + write + r.int(3000), 180_000);
      const output = 20 + r.int(3000);
      const oneHour = s.oneHour;
      const usage = (out) => ({
        input_tokens: input,
        cache_creation_input_tokens: write,
        cache_read_input_tokens: read,
        cache_creation: { ephemeral_5m_input_tokens: oneHour ? 0 : write, ephemeral_1h_input_tokens: oneHour ? write : 0 },
        output_tokens: out,
        service_tier: 'standard',
      });
      // One line per content block; the placeholder output count on all but the last.
      const blocks = [];
      if (r.chance(0.4)) blocks.push({ type: 'thinking', thinking: slice(pools.prose, 100 + r.int(1500)), signature: slice(pools.b64, 200 + r.int(1000)) });
      if (last || r.chance(0.5)) blocks.push({ type: 'text', text: slice(pools.prose, 60 + r.int(last ? 2500 : 600)) });
      let tool;
      if (!last) {
        const k = r.next();
        tool = !s.agentId && k < 0.015 ? 'Task' : k < 0.38 ? 'Read' : k < 0.68 ? 'Bash' : k < 0.83 ? 'Edit' : k < 0.93 ? 'Grep' : 'Write';
        const file = `${s.cwd}/src/${r.pick(NOUNS)}/${r.pick(VERBS)}${cap(r.pick(NOUNS))}.ts`;
        const toolInput =
          tool === 'Read' ? { file_path: file }
          : tool === 'Bash' ? { command: `npm test -- --grep ${r.pick(NOUNS)}`, description: slice(pools.prose, 40) }
          : tool === 'Edit' ? { file_path: file, old_string: slice(pools.code, 100 + r.int(2000)), new_string: slice(pools.code, 100 + r.int(2500)) }
          : tool === 'Grep' ? { pattern: `${r.pick(VERBS)}${cap(r.pick(NOUNS))}`, path: s.cwd, output_mode: 'content' }
          : tool === 'Write' ? { file_path: file, content: slice(pools.code, 500 + r.int(8000)) }
          : { description: slice(pools.prose, 40), prompt: slice(pools.prose, 300 + r.int(2000)), subagent_type: 'general-purpose' };
        tool = { name: tool, id: `toolu_01${hex(r, 22)}`, input: toolInput, file };
        blocks.push({ type: 'tool_use', id: tool.id, name: tool.name, input: toolInput });
      }
      blocks.forEach((block, i) => {
        const final = i === blocks.length - 1;
        t += 300 + r.int(4000);
        const message = { model, id: msgId, type: 'message', role: 'assistant', content: [block], stop_reason: final ? (last ? 'end_turn' : 'tool_use') : null, stop_sequence: null, usage: usage(final ? output : Math.min(output, 1 + r.int(40))) };
        const rec = { message, requestId, type: 'assistant' };
        push(rec, true);
        if (final && r.chance(0.02)) w.line({ parentUuid: parent, ...base, ...rec, uuid: uuid4(r), timestamp: iso(t) }, true); // copied on resume (new uuid, same key)
      });
      addTotals(models, model, { input, cachedInput: read, cacheWrite: write, cacheWrite1h: oneHour ? write : 0, output, reasoning: 0 });
      if (!tool) continue;
      // The tool result: the bulk of a transcript. Claude Code keeps it twice (message and toolUseResult).
      t += 500 + r.int(30_000);
      let content;
      let result;
      if (tool.name === 'Read') {
        const text = slice(pools.code, 1500 + r.int(r.chance(0.1) ? 80_000 : 20_000));
        const numLines = text.split('\n').length;
        content = text;
        result = { type: 'text', file: { filePath: tool.file, content: text, numLines, startLine: 1, totalLines: numLines } };
      } else if (tool.name === 'Bash') {
        const out = slice(pools.code, 100 + r.int(r.chance(0.1) ? 40_000 : 6000));
        content = out;
        result = { stdout: out, stderr: '', interrupted: false, isImage: false };
      } else if (tool.name === 'Edit') {
        const original = slice(pools.code, 2000 + r.int(20_000));
        content = `The file ${tool.file} has been updated. Here's the result of running \`cat -n\` on a snippet of the edited file:\n${slice(pools.code, 300 + r.int(1500))}`;
        result = { filePath: tool.file, oldString: tool.input.old_string, newString: tool.input.new_string, originalFile: original, structuredPatch: [{ oldStart: 1 + r.int(200), oldLines: 8, newStart: 1 + r.int(200), newLines: 9, lines: slice(pools.code, 400 + r.int(1200)).split('\n') }], userModified: false, replaceAll: false };
      } else if (tool.name === 'Grep') {
        content = slice(pools.code, 200 + r.int(8000));
        result = { mode: 'content', numFiles: 1 + r.int(20), filenames: [], content, numLines: content.split('\n').length };
      } else if (tool.name === 'Write') {
        content = `File created successfully at: ${tool.file}`;
        result = { type: 'create', filePath: tool.file, content: tool.input.content, structuredPatch: [] };
      } else {
        const agentId = hex(r, 17);
        const size = Math.max(MIN_SESSION, Math.floor((target - w.bytes - spawned) * (0.05 + r.next() * 0.2)));
        const sub = spawn(agentId, size, t);
        spawned += sub.bytes;
        t = Math.max(t, sub.end) + 1000;
        content = [{ type: 'text', text: slice(pools.prose, 300 + r.int(3000)) }];
        result = { status: 'completed', agentId, totalDurationMs: 30_000 + r.int(600_000), totalTokens: 10_000 + r.int(90_000), totalToolUseCount: 1 + r.int(30) };
      }
      push({ type: 'user', message: { role: 'user', content: [{ tool_use_id: tool.id, type: 'tool_result', content }] }, toolUseResult: result });
    }
    if (!s.agentId && r.chance(0.05)) push({ type: 'system', subtype: 'informational', content: slice(pools.prose, 80), level: 'info', isMeta: false });
  }
  return t;
}

function generateClaude(g, root, budget, sessions) {
  const { r } = g;
  const out = { files: 0, sessions: 0, subagentFiles: 0, bytes: 0, usageBytes: 0, lines: 0 };
  let written = 0;
  for (let i = 0; written < budget; i++) {
    const start = startAt(sessions, i);
    const size = Math.min(sessionSize(r), Math.max(MIN_SESSION, budget - written));
    const s = { cwd: r.pick(PROJECTS), sessionId: uuid4(r), branch: r.pick(['main', 'main', 'feat/pagination', 'fix/refunds']), model: r.pick(CLAUDE_MAIN_MODELS), oneHour: r.chance(0.7) };
    const dir = path.join(root, 'projects', encodeCwd(s.cwd));
    const file = path.join(dir, `${s.sessionId}.jsonl`);
    const w = new Writer(file);
    const spawn = (agentId, subSize, at) => {
      const sw = new Writer(path.join(dir, s.sessionId, 'subagents', `agent-${agentId}.jsonl`));
      const sub = { ...s, agentId, model: r.pick(CLAUDE_SUB_MODELS) };
      const end = claudeTranscript(g, sw, sub, subSize, at + 1000, undefined);
      sw.close(end);
      out.subagentFiles++;
      out.files++;
      out.bytes += sw.bytes;
      out.usageBytes += sw.usageBytes;
      out.lines += sw.lines;
      written += sw.bytes;
      return { end, bytes: sw.bytes };
    };
    const end = claudeTranscript(g, w, s, size, start, spawn);
    w.close(end);
    out.files++;
    out.sessions++;
    out.bytes += w.bytes;
    out.usageBytes += w.usageBytes;
    out.lines += w.lines;
    written += w.bytes;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Codex CLI
// ---------------------------------------------------------------------------

const CODEX_MODELS = ['gpt-5-codex', 'gpt-5-codex', 'gpt-5.1-codex', 'gpt-5.1-codex', 'gpt-5.1-codex-max'];

function codexRollout(g, w, s, target, startMs) {
  const { r, pools, models } = g;
  const slice = (pool, len) => {
    const off = r.int(pool.length - len);
    return pool.slice(off, off + len);
  };
  let t = startMs;
  const line = (type, payload, usage = false) => w.line({ timestamp: iso(t), type, payload }, usage);
  line('session_meta', {
    id: s.id, timestamp: iso(t), cwd: s.cwd, originator: 'codex_cli_rs', cli_version: '0.63.0', instructions: null, source: 'cli', model_provider: 'openai',
    base_instructions: { text: g.baseInstructions },
    git: { commit_hash: hex(r, 40), branch: 'main', repository_url: `git@github.com:acme/${path.basename(s.cwd)}.git` },
  });
  t += 50;
  line('response_item', { type: 'message', role: 'user', content: [{ type: 'input_text', text: `<user_instructions>\n\n${slice(pools.prose, 2000 + r.int(12_000))}\n\n</user_instructions>` }] });
  line('response_item', { type: 'message', role: 'user', content: [{ type: 'input_text', text: `<environment_context>\n  <cwd>${s.cwd}</cwd>\n  <approval_policy>on-request</approval_policy>\n  <sandbox_mode>workspace-write</sandbox_mode>\n  <network_access>restricted</network_access>\n  <shell>bash</shell>\n</environment_context>` }] });
  const total = { input_tokens: 0, cached_input_tokens: 0, output_tokens: 0, reasoning_output_tokens: 0, total_tokens: 0 };
  let context = 9000 + r.int(8000);
  let turn = 0;
  let primary = 0.2 + r.next() * 60;
  // A few sessions are opened and left without a prompt; the others have at least one turn.
  let turns = r.chance(0.03) ? -1 : 0;
  const rate = () => ({ limit_id: 'codex', limit_name: null, primary: { used_percent: (primary = Math.min(100, primary + r.next())), window_minutes: 300, resets_at: Math.floor(t / 1000) + 9000 }, secondary: { used_percent: primary / 5, window_minutes: 10080, resets_at: Math.floor(t / 1000) + 400_000 }, credits: null, plan_type: 'plus' });
  while (turns >= 0 && (turns++ === 0 || w.bytes < target)) {
    turn++;
    t += 30_000 + r.int(900_000);
    const turnId = uuid4(r);
    const model = r.chance(0.05) ? 'gpt-5-mini' : s.model;
    line('event_msg', { type: 'task_started', turn_id: turnId, model_context_window: 258400 });
    const ctx = { turn_id: turnId, cwd: s.cwd, approval_policy: 'on-request', sandbox_policy: { type: 'workspace-write', network_access: false, exclude_tmpdir_env_var: false, exclude_slash_tmp: false }, model, effort: r.pick(['medium', 'high', 'low']), summary: 'auto' };
    if (r.chance(0.3)) ctx.user_instructions = slice(pools.prose, 1000 + r.int(4000));
    line('turn_context', ctx);
    const prompt = slice(pools.prose, 40 + r.int(1500));
    line('response_item', { type: 'message', role: 'user', content: [{ type: 'input_text', text: prompt }] });
    line('event_msg', { type: 'user_message', message: prompt, images: [] });
    if (r.chance(0.5)) line('event_msg', { type: 'token_count', info: null, rate_limits: rate() }, true);
    const calls = 1 + r.int(10);
    for (let c = 0; c <= calls && (c === 0 || w.bytes < target); c++) {
      const final = c === calls;
      t += 2000 + r.int(40_000);
      line('response_item', { type: 'reasoning', summary: [{ type: 'summary_text', text: `**${cap(r.pick(VERBS))} ${r.pick(NOUNS)}s**\n\n${slice(pools.prose, 80 + r.int(500))}` }], content: null, encrypted_content: slice(pools.b64, 800 + r.int(8000)) });
      if (r.chance(0.6)) line('event_msg', { type: 'agent_reasoning', text: slice(pools.prose, 80 + r.int(500)) });
      const callId = `call_${hex(r, 24)}`;
      let custom = false;
      if (final) {
        const text = slice(pools.prose, 100 + r.int(3000));
        line('response_item', { type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] });
        line('event_msg', { type: 'agent_message', message: text });
      } else if (r.chance(0.25)) {
        custom = true;
        line('response_item', { type: 'custom_tool_call', status: 'completed', call_id: callId, name: 'apply_patch', input: `*** Begin Patch\n*** Update File: src/${r.pick(NOUNS)}/${r.pick(VERBS)}.ts\n@@\n${slice(pools.code, 300 + r.int(6000))}\n*** End Patch\n` });
      } else {
        line('response_item', { type: 'function_call', name: 'shell', arguments: JSON.stringify({ command: ['bash', '-lc', r.pick([`rg -n "${r.pick(VERBS)}${cap(r.pick(NOUNS))}" src`, `sed -n '1,200p' src/${r.pick(NOUNS)}.ts`, 'npm test', `git diff -- src/${r.pick(NOUNS)}`])], workdir: s.cwd, timeout_ms: 120000 }), call_id: callId });
      }
      // The model request behind this step: cumulative usage advances.
      const input = context;
      const cached = Math.floor(input * (0.75 + r.next() * 0.2));
      const output = 30 + r.int(4000);
      const reasoning = Math.floor(output * r.next() * 0.8);
      context = Math.min(context + 500 + r.int(6000), 230_000);
      total.input_tokens += input;
      total.cached_input_tokens += cached;
      total.output_tokens += output;
      total.reasoning_output_tokens += reasoning;
      total.total_tokens += input + output;
      const info = { total_token_usage: { ...total }, last_token_usage: { input_tokens: input, cached_input_tokens: cached, output_tokens: output, reasoning_output_tokens: reasoning, total_tokens: input + output }, model_context_window: 258400 };
      line('event_msg', { type: 'token_count', info, rate_limits: rate() }, true);
      if (r.chance(0.15)) {
        t += 200;
        line('event_msg', { type: 'token_count', info, rate_limits: rate() }, true); // re-emitted, unchanged
      }
      addTotals(models, model, { input: input - cached, cachedInput: cached, cacheWrite: 0, cacheWrite1h: 0, output, reasoning });
      if (final) break;
      t += 500 + r.int(20_000);
      const output2 = slice(pools.code, 100 + r.int(r.chance(0.1) ? 60_000 : 12_000));
      if (custom) line('response_item', { type: 'custom_tool_call_output', call_id: callId, output: JSON.stringify({ output: `Success. Updated the following files:\nM src/${r.pick(NOUNS)}.ts\n`, metadata: { exit_code: 0, duration_seconds: 0.1 } }) });
      else line('response_item', { type: 'function_call_output', call_id: callId, output: JSON.stringify({ output: output2, metadata: { exit_code: r.chance(0.9) ? 0 : 1, duration_seconds: Math.round(r.next() * 300) / 10 } }) });
      if (!custom && r.chance(0.1)) line('event_msg', { type: 'exec_command_end', call_id: callId, stdout: output2.slice(0, 4000), stderr: '', exit_code: 0, duration: { secs: 1, nanos: 0 } });
    }
    line('event_msg', { type: 'task_complete', turn_id: turnId, last_agent_message: slice(pools.prose, 100 + r.int(400)) });
  }
  return t;
}

function generateCodex(g, root, budget, sessions) {
  const { r } = g;
  const out = { files: 0, sessions: 0, bytes: 0, usageBytes: 0, lines: 0 };
  let written = 0;
  for (let i = 0; written < budget; i++) {
    const start = startAt(sessions, i);
    const size = Math.min(sessionSize(r), Math.max(MIN_SESSION, budget - written));
    const id = uuid7(r, start);
    const d = iso(start);
    const file = path.join(root, 'sessions', d.slice(0, 4), d.slice(5, 7), d.slice(8, 10), `rollout-${d.slice(0, 19).replace(/:/g, '-')}-${id}.jsonl`);
    const s = { id, cwd: r.pick(PROJECTS), model: r.pick(CODEX_MODELS) };
    const w = new Writer(file);
    const end = codexRollout(g, w, s, size, start);
    w.close(end);
    out.files++;
    out.sessions++;
    out.bytes += w.bytes;
    out.usageBytes += w.usageBytes;
    out.lines += w.lines;
    written += w.bytes;
  }
  return out;
}

/** Start of session `i`: the drawn times, then an hour apart if more sessions than drawn are needed. */
const startAt = (times, i) => (i < times.length ? times[i] : times[times.length - 1] + (i - times.length + 1) * 3_600_000);

/** Session start times over 27 days (inside the server's 31-day look-back, sessions' length included), in order. */
function startTimes(r, count) {
  const xs = Array.from({ length: count }, () => MONTH_START + Math.floor(r.next() * 27 * DAY));
  return xs.sort((a, b) => a - b);
}

/**
 * Writes about `bytes` of logs under `root` (`claude/`, `codex/`, and an empty `home/`), half per
 * agent, and returns the manifest (also written to `root/manifest.json`).
 */
export function generateTokenLogs(root, { seed, bytes }) {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'home'), { recursive: true });
  const r = rng(seed);
  const pools = { code: codePool(r, 6 << 20), prose: prosePool(r, 3 << 20), b64: base64Pool(r, 1 << 20) };
  const baseInstructions = prosePool(r, 14_000);
  const claudeModels = {};
  const codexModels = {};
  const expectedSessions = Math.ceil(bytes / 2 / ((MAX_SESSION - MIN_SESSION) / Math.log(MAX_SESSION / MIN_SESSION)));
  const claude = generateClaude({ r, pools, models: claudeModels }, path.join(root, 'claude'), bytes / 2, startTimes(r, expectedSessions));
  const codex = generateCodex({ r, pools, models: codexModels, baseInstructions }, path.join(root, 'codex'), bytes / 2, startTimes(r, expectedSessions));
  const manifest = {
    version: GENERATOR_VERSION,
    seed,
    bytes,
    claude: { ...claude, models: claudeModels },
    codex: { ...codex, models: codexModels },
  };
  fs.writeFileSync(path.join(root, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** The manifest under `root` when it was written by this generator with this seed and size and every file is still there. */
export function reusableLogs(root, { seed, bytes }) {
  let m;
  try {
    m = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
  if (m.version !== GENERATOR_VERSION || m.seed !== seed || m.bytes !== bytes) return undefined;
  let size = 0;
  let files = 0;
  const walk = (dir) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.name.endsWith('.jsonl')) {
        size += fs.statSync(p).size;
        files++;
      }
    }
  };
  try {
    walk(path.join(root, 'claude'));
    walk(path.join(root, 'codex'));
  } catch {
    return undefined;
  }
  return files === m.claude.files + m.codex.files && size === m.claude.bytes + m.codex.bytes ? m : undefined;
}
