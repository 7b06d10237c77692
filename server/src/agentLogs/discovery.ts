/** Which sessions belong to a workspace folder, and which one of each agent is current. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ListOptions, listLogFiles } from './logFiles';
import { SessionHeader, cachedSessionHeader } from './sessionHeader';
import { LogLocations } from './locations';
import { AgentKind } from './types';

export { listLogFiles, type ListOptions, type LogFile } from './logFiles';
export { readSessionHeader, type SessionHeader } from './sessionHeader';


const CASE_INSENSITIVE = process.platform === 'win32' || process.platform === 'darwin';
const fold = (s: string) => (CASE_INSENSITIVE ? s.toLowerCase() : s);

function realPath(p: string): string {
  const r = path.resolve(p);
  try {
    return fs.realpathSync.native(r);
  } catch {
    return r; // a path that does not exist here (logs from another machine, fixtures) stays as written
  }
}

/** A path as comparable text: real, NFC, and lower case where the file system ignores case. */
function canonical(p: string): string {
  return fold(realPath(p).normalize('NFC'));
}

/** True when `cwd` is `folder` or below it. */
export function isInsideFolder(folder: string, cwd: string): boolean {
  const rel = path.relative(canonical(folder), canonical(cwd));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** Claude Code's project folder name for a working directory: every char outside [a-zA-Z0-9] becomes `-`. */
export function claudeProjectDirName(cwd: string): string {
  return cwd.normalize('NFC').replace(/[^a-zA-Z0-9]/g, '-');
}

/** Gemini's `projectHash`: SHA-256 hex of the project root path. */
export function geminiProjectHash(root: string): string {
  return createHash('sha256').update(root).digest('hex');
}

/**
 * Could a Claude transcript in this project folder have a cwd inside the
 * workspace? Cheap test on the folder name before any file is opened; names
 * cut at 200 characters (long paths, hashed) always pass.
 */
function claudeDirMayMatch(file: string, encodedFolder: string): boolean {
  const rel = file.split(/[\\/]projects[\\/]/).pop() ?? '';
  const dir = fold(rel.split(/[\\/]/)[0]);
  if (dir.length > 200 || encodedFolder.length > 200) return true;
  return dir === encodedFolder || dir.startsWith(`${encodedFolder}-`);
}

/** Log files whose session ran in `folder` or below it, newest first. */
export function sessionsInFolder(loc: LogLocations, folder: string, options: ListOptions = {}): SessionHeader[] {
  const encoded = fold(claudeProjectDirName(path.resolve(folder)));
  const realEncoded = fold(claudeProjectDirName(realPath(folder)));
  const hashes = new Set([geminiProjectHash(path.resolve(folder)), geminiProjectHash(realPath(folder))]);
  const out: SessionHeader[] = [];
  for (const f of listLogFiles(loc, options)) {
    if (f.agent === 'claude' && !claudeDirMayMatch(f.file, encoded) && !claudeDirMayMatch(f.file, realEncoded)) continue;
    const h = cachedSessionHeader(f);
    if (h.cwd !== undefined ? isInsideFolder(folder, h.cwd) : h.projectHash !== undefined && hashes.has(h.projectHash)) out.push(h);
  }
  return out;
}

export interface AgentSession {
  agent: AgentKind;
  /** The main session id (a sub-agent's parent). */
  sessionId: string;
  cwd?: string;
  /** The main log first, then sub-agent logs. */
  files: string[];
  /** Latest write to any of the files. */
  mtimeMs: number;
}

/** Groups headers into sessions (a main log with its sub-agent logs), newest first. */
export function groupSessions(headers: readonly SessionHeader[]): AgentSession[] {
  const groups = new Map<string, { session: AgentSession; main: string[]; sub: string[] }>();
  for (const h of headers) {
    const key = `${h.agent}\0${h.groupId}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { session: { agent: h.agent, sessionId: h.groupId, files: [], mtimeMs: h.mtimeMs }, main: [], sub: [] }));
    (h.subagent ? g.sub : g.main).push(h.file);
    g.session.mtimeMs = Math.max(g.session.mtimeMs, h.mtimeMs);
    if (h.cwd !== undefined && (g.session.cwd === undefined || !h.subagent)) g.session.cwd = h.cwd;
  }
  return [...groups.values()]
    .map((g) => ({ ...g.session, files: [...g.main.sort(), ...g.sub.sort()] }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
}

/**
 * The current session of each agent: the one written most recently, among
 * the sessions inside `folder` when one is given.
 */
export function currentSessions(
  loc: LogLocations,
  folder?: string,
  options: ListOptions = {},
): Partial<Record<AgentKind, AgentSession>> {
  const headers = folder !== undefined ? sessionsInFolder(loc, folder, options) : listLogFiles(loc, options).map(cachedSessionHeader);
  const out: Partial<Record<AgentKind, AgentSession>> = {};
  for (const s of groupSessions(headers)) out[s.agent] ??= s;
  return out;
}
