import * as fs from 'node:fs';
import * as path from 'node:path';
import { geminiChatPlace, geminiProjectRoot } from './geminiProjects';
import { LogFile } from './logFiles';
import { Obj, obj, str as s } from './values';

/** What a log file says about its session in its first lines: enough to match it to a workspace. */
export interface SessionHeader extends LogFile {
  /** Session id; for Claude sub-agent files the parent's (they share it). */
  sessionId: string;
  /** The session this file's usage belongs to: the parent for sub-agent files, else `sessionId`. */
  groupId: string;
  cwd?: string;
  /** Gemini: SHA-256 of the project root. */
  projectHash?: string;
  subagent: boolean;
}

const HEAD_LIMIT = 256 * 1024;

/**
 * Complete lines among the first `limit` bytes of a file, as parsed JSON objects (unparsable ones
 * skipped), parsed one at a time as the caller asks: a header is usually in the first line, and
 * the lines after it can be large tool results not worth parsing.
 */
function* headRecords(file: string, limit = HEAD_LIMIT): Generator<Obj> {
  let buf: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      buf = Buffer.allocUnsafe(limit);
      buf = buf.subarray(0, fs.readSync(fd, buf, 0, limit, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return;
  }
  let start = 0;
  for (let nl = buf.indexOf(10); nl >= 0; start = nl + 1, nl = buf.indexOf(10, start)) {
    let v: Obj | undefined;
    try {
      v = obj(JSON.parse(buf.toString('utf8', start, nl)));
    } catch {
      // torn or foreign line
    }
    if (v) yield v;
  }
}

/**
 * Headers already read, by path. A log only grows, so a file no smaller and no older than when
 * its header was read still has that header; a truncated or replaced one is read again.
 */
const headerCache = new Map<string, SessionHeader>();
const HEADER_CACHE_LIMIT = 50_000;

/** Like `readSessionHeader`, from the cache when the file only grew since. */
export function cachedSessionHeader(f: LogFile): SessionHeader {
  const hit = headerCache.get(f.file);
  if (hit && hit.size <= f.size && hit.mtimeMs <= f.mtimeMs && hit.size > 0) return { ...hit, size: f.size, mtimeMs: f.mtimeMs };
  const h = readSessionHeader(f);
  if (headerCache.size >= HEADER_CACHE_LIMIT) headerCache.clear();
  headerCache.set(f.file, h);
  return h;
}

const UUID_AT_END = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.jsonl$/i;
const CLAUDE_SUBAGENT = /[\\/]([^\\/]+)[\\/]subagents[\\/]agent-[^\\/]*\.jsonl$/;

/** Session id, cwd and kind of a log file, from its first lines only (not its usage). */
export function readSessionHeader(f: LogFile): SessionHeader {
  if (f.agent === 'codex') {
    let id: string | undefined;
    let cwd: string | undefined;
    let subagent = false;
    for (const r of headRecords(f.file)) {
      const p = obj(r.payload) ?? {};
      if (r.type === 'session_meta' && id === undefined) {
        id = s(p.id);
        cwd = s(p.cwd) ?? cwd;
        subagent = obj(obj(p.source)?.subagent) !== undefined;
        break;
      }
      if (r.type === 'turn_context' && cwd === undefined) cwd = s(p.cwd);
    }
    const sessionId = id ?? UUID_AT_END.exec(f.file)?.[1] ?? path.basename(f.file, '.jsonl');
    return { ...f, sessionId, groupId: sessionId, cwd, subagent };
  }
  if (f.agent === 'claude') {
    let id: string | undefined;
    let cwd: string | undefined;
    for (const r of headRecords(f.file)) {
      id ??= s(r.sessionId);
      cwd ??= s(r.cwd);
      if (id && cwd) break;
    }
    const parent = CLAUDE_SUBAGENT.exec(f.file)?.[1];
    const subagent = parent !== undefined || path.basename(f.file).startsWith('agent-');
    const sessionId = id ?? parent ?? path.basename(f.file, '.jsonl');
    return { ...f, sessionId, groupId: sessionId, cwd, subagent };
  }
  const place = geminiChatPlace(f.file);
  let legacy: Obj | undefined;
  if (f.file.endsWith('.json')) {
    try {
      legacy = obj(JSON.parse(fs.readFileSync(f.file, 'utf8')));
    } catch {
      legacy = undefined;
    }
  }
  const meta = legacy ?? find(headRecords(f.file, 64 * 1024), (r) => typeof r.sessionId === 'string' && r.type === undefined) ?? {};
  const sessionId = s(meta.sessionId) ?? path.basename(f.file).replace(/\.jsonl?$/, '');
  const subagent = meta.kind === 'subagent' || place?.parentSessionId !== undefined;
  return {
    ...f,
    sessionId,
    groupId: place?.parentSessionId ?? sessionId,
    cwd: place ? geminiProjectRoot(place.projectDir) : undefined,
    projectHash: s(meta.projectHash),
    subagent,
  };
}

function find<T>(items: Iterable<T>, test: (item: T) => boolean): T | undefined {
  for (const item of items) if (test(item)) return item;
  return undefined;
}
