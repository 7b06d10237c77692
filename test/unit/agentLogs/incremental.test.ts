import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BaseLogReader, ReaderOptions } from '../../../server/src/agentLogs/baseReader';
import { ClaudeLogReader } from '../../../server/src/agentLogs/claudeReader';
import { CodexLogReader } from '../../../server/src/agentLogs/codexReader';
import { GeminiLogReader } from '../../../server/src/agentLogs/geminiReader';
import { AgentKind, SessionUsage, sessionTotals } from '../../../server/src/agentLogs/types';
import { generateClaudeLog, generateCodexLog, generateGeminiLog, rng } from './generate';
import { CLAUDE_LEGACY, CLAUDE_MAIN, CLAUDE_SUB, CODEX_A, CODEX_B, FIXTURES, GEMINI, GEMINI_LEGACY, LEDGER, copyTree, rmrf, tempDir } from './helpers';

function reader(agent: AgentKind, file: string, options: ReaderOptions = {}): BaseLogReader {
  if (agent === 'codex') return new CodexLogReader(file, options);
  if (agent === 'claude') return new ClaudeLogReader(file, options);
  return new GeminiLogReader(file, options);
}

/** A usage without its file path, for comparing reads of the same bytes at two paths. */
function comparable(u: SessionUsage): Omit<SessionUsage, 'file'> {
  const { file: _file, ...rest } = u;
  return rest;
}

/** Cut points in `bytes`: random ones, plus cuts inside every kind of UTF-8 sequence and next to line breaks. */
function cutPoints(bytes: Buffer, seed: number, pieces: number): number[] {
  const r = rng(seed);
  const cuts = new Set<number>();
  for (let i = 0; i < pieces; i++) cuts.add(1 + Math.floor(r() * (bytes.length - 1)));
  let inside = 0;
  for (let i = 1; i < bytes.length && inside < 40; i++) {
    // a continuation byte: the cut falls in the middle of a multi-byte character
    if ((bytes[i] & 0xc0) === 0x80 && r() < 0.3) {
      cuts.add(i);
      inside++;
    }
  }
  for (let i = bytes.indexOf(10); i >= 0 && cuts.size < pieces * 3; i = bytes.indexOf(10, i + 1)) {
    if (r() < 0.2) cuts.add(i); // just before a line break
    if (r() < 0.2) cuts.add(i + 1); // just after it
  }
  return [...cuts].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b);
}

describe('tokens: incremental reading', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    copyTree(FIXTURES, path.join(dir, 'fx'));
  });
  afterEach(() => rmrf(dir));

  const fixtures: [AgentKind, string][] = [
    ['codex', CODEX_A],
    ['codex', CODEX_B],
    ['claude', CLAUDE_MAIN],
    ['claude', CLAUDE_SUB],
    ['claude', CLAUDE_LEGACY],
    ['gemini', GEMINI],
  ];

  for (const [agent, fixture] of fixtures) {
    it(`${agent} ${path.basename(fixture)}: appended in pieces (cuts mid-line and mid-character) = read whole, each line parsed once`, () => {
      const bytes = fs.readFileSync(fixture);
      const target = path.join(dir, 'fx', path.relative(FIXTURES, fixture));
      const whole = reader(agent, target);
      const expected = whole.update();
      fs.writeFileSync(target, '');
      const r = reader(agent, target);
      let at = 0;
      for (const cut of [...cutPoints(bytes, bytes.length, 25), bytes.length]) {
        fs.appendFileSync(target, bytes.subarray(at, cut));
        at = cut;
        r.update();
      }
      assert.deepEqual(r.usage(), expected);
      assert.equal(r.parsedLines, whole.parsedLines, 'no line decoded twice');
      assert.equal(r.lastRead?.restarted, false);
    });
  }

  const generators = { codex: generateCodexLog, claude: generateClaudeLog, gemini: generateGeminiLog };
  for (const agent of ['codex', 'claude', 'gemini'] as const) {
    it(`${agent} generated log (UTF-8 text, duplicates): pieces and 4 KiB chunks give the generator's totals`, () => {
      const gen = generators[agent](path.join(dir, `${agent}.jsonl`), 400_000, 7);
      const whole = reader(agent, gen.file).update();
      for (const [model, e] of Object.entries(gen.models)) {
        const { requests: _r, ...want } = e;
        const got = whole.models[model];
        assert.deepEqual(
          { input: got.input, cachedInput: got.cachedInput, cacheWrite: got.cacheWrite, cacheWrite1h: got.cacheWrite1h, output: got.output, reasoning: got.reasoning, total: got.total },
          want,
          model,
        );
      }
      // small chunks: lines span reads and the buffer grows for long lines
      assert.deepEqual(reader(agent, gen.file, { chunkBytes: 4096 }).update(), whole);
      const bytes = fs.readFileSync(gen.file);
      const copy = path.join(dir, `${agent}-copy.jsonl`);
      fs.writeFileSync(copy, '');
      const r = reader(agent, copy, { chunkBytes: 4096 });
      let at = 0;
      for (const cut of [...cutPoints(bytes, 11, 60), bytes.length]) {
        fs.appendFileSync(copy, bytes.subarray(at, cut));
        at = cut;
        r.update();
      }
      assert.deepEqual(comparable(r.usage()), comparable(whole));
    });
  }

  it('keeps a half-written last line (bytes) until its line break arrives', () => {
    const file = path.join(dir, 'fx', path.relative(FIXTURES, CODEX_A));
    const bytes = fs.readFileSync(file);
    const lastNl = bytes.lastIndexOf(10, bytes.length - 2);
    fs.writeFileSync(file, bytes.subarray(0, lastNl + 1 + 20)); // 20 bytes of the last line
    const r = new CodexLogReader(file);
    const before = sessionTotals(r.update()).total;
    assert.equal(r['cursor'].pendingBytes, 20);
    fs.appendFileSync(file, bytes.subarray(lastNl + 1 + 20));
    const after = r.update();
    assert.equal(sessionTotals(after).total, 38315);
    assert.ok(before <= 38315);
    assert.equal(r.lastRead?.bytes, bytes.length - lastNl - 1 - 20, 'only the new bytes were read');
  });

  it('a file truncated below the offset is read again from its start', () => {
    const file = path.join(dir, 'fx', path.relative(FIXTURES, CODEX_A));
    const r = new CodexLogReader(file);
    assert.equal(sessionTotals(r.update()).total, 38315);
    // the same path now holds the (shorter) other session
    fs.writeFileSync(file, fs.readFileSync(CODEX_B));
    const u = r.update();
    assert.equal(r.lastRead?.restarted, true);
    assert.equal(u.sessionId, '019ab9e2-0c47-7a35-9d18-f4b6e5a7c302');
    assert.equal(sessionTotals(u).total, 28380);
    assert.deepEqual(u.models, new CodexLogReader(CODEX_B).update().models);
    // emptied, then written again
    fs.writeFileSync(file, '');
    assert.deepEqual(r.update().models, {});
    fs.writeFileSync(file, fs.readFileSync(CODEX_A));
    assert.equal(sessionTotals(r.update()).total, 38315);
    assert.equal(r['cursor'].restarts, 2);
  });

  it('a file replaced by another (new inode, larger) is read again from its start', () => {
    const file = path.join(dir, 'fx', path.relative(FIXTURES, CODEX_B));
    const r = new CodexLogReader(file);
    assert.equal(sessionTotals(r.update()).total, 28380);
    const tmp = `${file}.new`;
    fs.writeFileSync(tmp, fs.readFileSync(CODEX_A));
    fs.renameSync(tmp, file); // rotation: a new file under the old name
    const u = r.update();
    assert.equal(r.lastRead?.restarted, true);
    assert.equal(u.sessionId, '019ab3c4-51d2-7e08-a6f1-83c0d2e4b915');
    assert.equal(sessionTotals(u).total, 38315);
    assert.deepEqual(Object.keys(u.models), ['gpt-5.1-codex'], 'nothing left over from the replaced file');
  });

  it('a file rewritten in place (same inode, larger, different first bytes) is read again from its start', () => {
    const file = path.join(dir, 'fx', path.relative(FIXTURES, CODEX_B));
    const r = new CodexLogReader(file);
    assert.equal(sessionTotals(r.update()).total, 28380);
    const ino = fs.statSync(file).ino;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, fs.readFileSync(CODEX_A), 0, undefined, 0); // longer than the old file: no truncation seen
    fs.closeSync(fd);
    assert.equal(fs.statSync(file).ino, ino);
    const u = r.update();
    assert.equal(r.lastRead?.restarted, true);
    assert.equal(sessionTotals(u).total, 38315);
  });

  it('malformed lines are skipped and counted; lines without a marker are never decoded', () => {
    const file = path.join(dir, 'broken.jsonl');
    const lines = fs.readFileSync(CODEX_A, 'utf8').split('\n').filter(Boolean);
    const garbage = [
      '{"timestamp":"2026-11-20T10:00:09.000Z","type":"event_msg","payload":{"type":"token_count","info":{"total_tok', // torn
      'not json at all "token_count"',
      '["token_count"]', // JSON, but not an object
      '\u0000\u0001 binary junk \u00ff',
      '{"this line": "has no marker, so nobody decodes it", "oops"',
    ];
    fs.writeFileSync(file, [lines[0], garbage[0], ...lines.slice(1, 12), garbage[1], garbage[2], garbage[3], garbage[4], ...lines.slice(12)].join('\n') + '\n');
    const u = new CodexLogReader(file).update();
    assert.equal(sessionTotals(u).total, 38315, 'the good lines still add up');
    assert.equal(u.malformedLines, 3, 'the three lines with a marker that do not parse as objects');
  });

  it('a line longer than maxLineBytes is skipped and counted, the next lines still count', () => {
    const file = path.join(dir, 'long.jsonl');
    const lines = fs.readFileSync(CODEX_A, 'utf8').split('\n').filter(Boolean);
    const huge = JSON.stringify({ timestamp: '2026-11-20T10:00:06.000Z', type: 'response_item', payload: { type: 'function_call_output', output: 'x'.repeat(50_000) } });
    fs.writeFileSync(file, [lines[0], huge, ...lines.slice(1)].join('\n') + '\n');
    const u = new CodexLogReader(file, { chunkBytes: 4096, maxLineBytes: 16384 }).update();
    assert.equal(sessionTotals(u).total, 38315);
    assert.equal(u.malformedLines, 1);
    assert.deepEqual(new CodexLogReader(file, { chunkBytes: 4096 }).update().malformedLines, 0, 'held whole under the default limit');
  });

  it('a missing file reads as empty and is picked up once it appears', () => {
    const file = path.join(dir, 'later.jsonl');
    const r = new ClaudeLogReader(file);
    assert.deepEqual(r.update().models, {});
    assert.equal(r.lastRead?.missing, true);
    fs.copyFileSync(CLAUDE_MAIN, file);
    assert.equal(sessionTotals(r.update()).total, 81063);
    assert.equal(r.lastRead?.missing, false);
  });

  it('an unchanged file is not read again', () => {
    const r = new GeminiLogReader(GEMINI);
    r.update();
    const parsed = r.parsedLines;
    r.update();
    assert.equal(r.lastRead?.bytes, 0);
    assert.equal(r.parsedLines, parsed);
  });
});

describe('tokens: Codex counter edge cases', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => rmrf(dir));

  const usage = (input: number, cached: number, output: number, reasoning = 0) => ({
    input_tokens: input,
    cached_input_tokens: cached,
    output_tokens: output,
    reasoning_output_tokens: reasoning,
    total_tokens: input + output,
  });
  const tokenCount = (ts: string, total: object, last: object) =>
    JSON.stringify({ timestamp: ts, type: 'event_msg', payload: { type: 'token_count', info: { total_token_usage: total, last_token_usage: last, model_context_window: 258400 } } });
  const turn = (ts: string, model: string) => JSON.stringify({ timestamp: ts, type: 'turn_context', payload: { cwd: '/w', model } });

  it('a fork counts only what comes after the replayed parent history', () => {
    const file = path.join(dir, 'rollout-2026-11-21T09-00-00-019ab000-0000-7000-8000-000000000001.jsonl');
    const meta = JSON.stringify({
      timestamp: '2026-11-21T09:00:00.100Z',
      type: 'session_meta',
      payload: { id: '019ab000-0000-7000-8000-000000000001', forked_from_id: '019ab3c4-51d2-7e08-a6f1-83c0d2e4b915', cwd: '/w', source: 'cli' },
    });
    const lines = [
      meta,
      // the parent's history, replayed in the fork's first second
      turn('2026-11-21T09:00:00.101Z', 'gpt-5-codex'),
      tokenCount('2026-11-21T09:00:00.102Z', usage(8200, 3072, 410), usage(8200, 3072, 410)),
      tokenCount('2026-11-21T09:00:00.103Z', usage(18100, 11136, 1660), usage(9900, 8064, 1250)),
      // the fork's own turn
      turn('2026-11-21T09:01:10.000Z', 'gpt-5-codex'),
      tokenCount('2026-11-21T09:01:20.000Z', usage(30100, 20000, 1900), usage(12000, 8864, 240)),
    ];
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const u = new CodexLogReader(file).update();
    assert.equal(u.forkedFrom, '019ab3c4-51d2-7e08-a6f1-83c0d2e4b915');
    const m = u.models['gpt-5-codex'];
    assert.equal(m.input + m.cachedInput, 12000);
    assert.equal(m.cachedInput, 8864);
    assert.equal(m.output, 240);
    assert.equal(m.requests, 1);
  });

  it('a cumulative counter that goes back counts the new request, not a negative delta', () => {
    const file = path.join(dir, 'rollout-reset.jsonl');
    fs.writeFileSync(
      file,
      [
        turn('2026-11-21T09:00:00.000Z', 'gpt-5'),
        tokenCount('2026-11-21T09:00:01.000Z', usage(1000, 0, 100), usage(1000, 0, 100)),
        tokenCount('2026-11-21T09:00:02.000Z', usage(3000, 500, 300), usage(2000, 500, 200)),
        tokenCount('2026-11-21T09:00:03.000Z', usage(700, 0, 70), usage(700, 0, 70)), // reset
        tokenCount('2026-11-21T09:00:04.000Z', usage(1700, 0, 170), usage(1000, 0, 100)),
      ].join('\n') + '\n',
    );
    const m = new CodexLogReader(file).update().models['gpt-5'];
    assert.equal(m.input + m.cachedInput, 3000 + 700 + 1000);
    assert.equal(m.output, 300 + 70 + 100);
    assert.equal(m.requests, 4);
  });

  it('without a turn_context the model is "unknown" (unpriced), not a guess', () => {
    const file = path.join(dir, 'rollout-early.jsonl');
    fs.writeFileSync(file, tokenCount('2025-09-01T09:00:01.000Z', usage(1000, 0, 100), usage(1000, 0, 100)) + '\n');
    assert.deepEqual(Object.keys(new CodexLogReader(file).update().models), ['unknown']);
  });
});

describe('tokens: Gemini one-document chats (older versions)', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    copyTree(path.join(FIXTURES, 'gemini'), path.join(dir, 'gemini'));
  });
  afterEach(() => rmrf(dir));

  /** The fixture chat as an older Gemini CLI wrote it: one pretty-printed document with a `messages` array. */
  function legacyDocument(): string {
    const records = fs.readFileSync(GEMINI, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const meta = records[0];
    const messages = new Map<string, unknown>();
    for (const r of records.slice(1)) if (typeof r.id === 'string') messages.set(r.id, r);
    return JSON.stringify({ ...meta, messages: [...messages.values()] }, null, 2);
  }

  it('is read whole, with the same totals as the JSONL chat, and again when it changes', () => {
    const file = path.join(dir, 'gemini/tmp/ledger-svc/chats/session-2026-11-22T15-04-9b3e71d2.json');
    fs.writeFileSync(file, legacyDocument());
    const r = new GeminiLogReader(file);
    const u = r.update();
    const jsonl = new GeminiLogReader(GEMINI).update();
    assert.deepEqual(u.models, jsonl.models);
    assert.equal(u.sessionId, jsonl.sessionId);
    assert.equal(u.cwd, LEDGER);
    assert.equal(r.update().models['gemini-2.5-flash'].requests, 3, 'unchanged: not counted again');
    assert.equal(r.lastRead?.bytes, 0);
    fs.writeFileSync(file, '{ "sessionId": "x", "messages": [');
    const broken = r.update();
    assert.deepEqual(broken.models, {});
    assert.equal(broken.malformedLines, 1);
  });
  it('the fixture document (hash-named project folder) is read whole, and again from scratch when a message is added', () => {
    const file = path.join(dir, path.relative(FIXTURES, GEMINI_LEGACY));
    const r = new GeminiLogReader(file);
    const u = r.update();
    assert.equal(u.models['gemini-2.5-pro'].total, 14910);
    assert.equal(u.models['gemini-2.5-pro'].requests, 2);
    assert.equal(r.update().models['gemini-2.5-pro'].total, 14910, 'unchanged: not counted again');
    assert.equal(r.lastRead?.bytes, 0);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { messages: unknown[] };
    doc.messages.push({ id: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b', timestamp: '2026-11-19T11:30:12.000Z', type: 'gemini', content: 'Done.', model: 'gemini-2.5-pro', tokens: { input: 1000, output: 50, cached: 0, thoughts: 0, tool: 0, total: 1050 } });
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));
    const grown = r.update();
    assert.equal(r.lastRead?.restarted, true);
    assert.equal(grown.models['gemini-2.5-pro'].total, 14910 + 1050, 'the earlier messages once, the new one added');
    assert.equal(grown.models['gemini-2.5-pro'].requests, 3);
  });
});

describe('tokens: Claude lines in other shapes', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => rmrf(dir));

  /** The main fixture with every assistant line rewritten by `f`. */
  function rewritten(f: (rec: Record<string, unknown>, message: Record<string, unknown>) => Record<string, unknown>): string {
    const file = path.join(dir, 'claude', 'projects', '-p', 'e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83.jsonl');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const lines = fs.readFileSync(CLAUDE_MAIN, 'utf8').split('\n').filter(Boolean).map((l) => {
      const rec = JSON.parse(l) as Record<string, unknown>;
      return JSON.stringify(rec.type === 'assistant' ? f(rec, rec.message as Record<string, unknown>) : rec);
    });
    fs.writeFileSync(file, lines.join('\n') + '\n');
    return file;
  }

  const expected = () => new ClaudeLogReader(CLAUDE_MAIN).update().models;

  it('keys in another order (usage before content, no stop_reason) give the same totals', () => {
    const file = rewritten((rec, { usage, content, stop_reason: _s, ...rest }) => ({ ...rec, message: { usage, ...rest, content } }));
    assert.ok(fs.readFileSync(file, 'utf8').includes('"message":{"usage":'));
    assert.deepEqual(new ClaudeLogReader(file).update().models, expected());
  });

  it('content holding the bytes the fast path looks for gives the same totals', () => {
    const file = rewritten((rec, message) => ({
      ...rec,
      message: { ...message, content: [{ type: 'tool_use', id: 't', name: 'X', input: { a: ['x'], stop_reason: 'y', usage: { input_tokens: 999999 }, content: [] } }] },
    }));
    const u = new ClaudeLogReader(file).update();
    assert.deepEqual(u.models, expected());
    assert.equal(u.malformedLines, 0);
  });
});
