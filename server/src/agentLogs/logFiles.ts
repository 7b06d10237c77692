/** Where each agent's log files are, on disk. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LogLocations } from './locations';
import { AGENTS, AgentKind } from './types';

export interface LogFile {
  agent: AgentKind;
  /** Absolute path. */
  file: string;
  size: number;
  mtimeMs: number;
}

export interface ListOptions {
  agents?: readonly AgentKind[];
  /** Only files written at or after this time (epoch ms). */
  modifiedSince?: number;
}

function dirents(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Files under `dir` (not following symlinked folders) whose name passes `keep`. */
function walk(dir: string, keep: (name: string) => boolean, out: string[] = [], depth = 0): string[] {
  if (depth > 12) return out;
  for (const d of dirents(dir)) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) walk(p, keep, out, depth + 1);
    else if ((d.isFile() || d.isSymbolicLink()) && keep(d.name)) out.push(p);
  }
  return out;
}

const ROLLOUT = (n: string) => n.startsWith('rollout-') && n.endsWith('.jsonl');
const JSONL = (n: string) => n.endsWith('.jsonl');

function codexFiles(home: string): string[] {
  const live = walk(path.join(home, 'sessions'), ROLLOUT);
  const names = new Set(live.map((f) => path.basename(f)));
  // The same rollout in both places: count the sessions/ copy only.
  const archived = dirents(path.join(home, 'archived_sessions'))
    .filter((d) => !d.isDirectory() && ROLLOUT(d.name) && !names.has(d.name))
    .map((d) => path.join(home, 'archived_sessions', d.name));
  return [...live, ...archived];
}

function claudeFiles(dirs: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const dir of dirs) {
    for (const f of walk(path.join(dir, 'projects'), JSONL)) {
      let real = f;
      try {
        real = fs.realpathSync(f);
      } catch {
        // keep the path as listed
      }
      if (!seen.has(real)) {
        seen.add(real);
        out.push(f);
      }
    }
  }
  return out;
}

function geminiFiles(dir: string): string[] {
  const out: string[] = [];
  const tmp = path.join(dir, 'tmp');
  for (const project of dirents(tmp)) {
    if (!project.isDirectory()) continue;
    const chats = path.join(tmp, project.name, 'chats');
    const entries = dirents(chats);
    const jsonl = new Set(entries.filter((d) => d.name.endsWith('.jsonl')).map((d) => d.name));
    for (const d of entries) {
      const p = path.join(chats, d.name);
      if (d.isDirectory()) {
        // sub-agent chats: chats/<parentSessionId>/<sessionId>.jsonl
        for (const s of dirents(p)) if (!s.isDirectory() && JSONL(s.name)) out.push(path.join(p, s.name));
      } else if (d.name.startsWith('session-')) {
        if (d.name.endsWith('.jsonl')) out.push(p);
        // A resumed legacy chat continues in a .jsonl of the same name: read that one only.
        else if (d.name.endsWith('.json') && !jsonl.has(`${d.name}l`)) out.push(p);
      }
    }
  }
  return out;
}

/** Every log file of the given agents, newest first. */
export function listLogFiles(loc: LogLocations, options: ListOptions = {}): LogFile[] {
  const agents = options.agents ?? AGENTS;
  const out: LogFile[] = [];
  for (const agent of agents) {
    const files = agent === 'codex' ? codexFiles(loc.codexHome) : agent === 'claude' ? claudeFiles(loc.claudeDirs) : geminiFiles(loc.geminiDir);
    for (const file of files) {
      let st: fs.Stats;
      try {
        st = fs.statSync(file);
      } catch {
        continue;
      }
      if (!st.isFile()) continue;
      if (options.modifiedSince !== undefined && st.mtimeMs < options.modifiedSince) continue;
      out.push({ agent, file, size: st.size, mtimeMs: st.mtimeMs });
    }
  }
  return out.sort((a, b) => b.mtimeMs - a.mtimeMs);
}
