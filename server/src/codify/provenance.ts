import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileIdPattern } from '../documents/ids';

/** The files git provenance reads; the disk by default, a stub in tests of unreadable files. */
export interface GitFiles {
  /** A file's text, or undefined when it is missing or unreadable (a folder too). */
  readText(abs: string): string | undefined;
  isDirectory(abs: string): boolean;
}

export const DISK_GIT_FILES: GitFiles = {
  readText(abs) {
    try {
      return fs.readFileSync(abs, 'utf8');
    } catch {
      return undefined;
    }
  },
  isDirectory(abs) {
    try {
      return fs.statSync(abs).isDirectory();
    } catch {
      return false;
    }
  },
};

/** Where a repository keeps its data for one working tree. */
export interface GitDirs {
  /** This working tree's git folder: HEAD and per-worktree refs (`.git`, or `.git/worktrees/<name>`). */
  gitDir: string;
  /** The shared folder holding branches and packed-refs (the main `.git`; the same as gitDir outside worktrees). */
  commonDir: string;
}

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** Refs git keeps per working tree; every other ref lives in the common folder. */
const PER_WORKTREE = /^(?:HEAD|refs\/(?:worktree|bisect|rewritten)\/)/;
/** Symbolic refs pointing at symbolic refs: git gives up after five hops, so does this. */
const MAX_HOPS = 5;

/**
 * The git folders of the working tree holding `start` (a folder): the nearest `.git` at or above
 * it, a folder or a `gitdir: <path>` file (worktrees, submodules), with `commondir` followed.
 */
export function findGitDirs(start: string, files: GitFiles = DISK_GIT_FILES): GitDirs | undefined {
  for (let dir = path.resolve(start); ; ) {
    const dotGit = path.join(dir, '.git');
    if (files.isDirectory(dotGit)) return withCommonDir(dotGit, files);
    const pointer = files.readText(dotGit);
    const m = pointer === undefined ? null : /^gitdir:\s*(.+?)\s*$/m.exec(pointer);
    if (m) return withCommonDir(path.resolve(dir, m[1]), files);
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function withCommonDir(gitDir: string, files: GitFiles): GitDirs {
  const common = files.readText(path.join(gitDir, 'commondir'))?.trim();
  return { gitDir, commonDir: common ? path.resolve(gitDir, common) : gitDir };
}

/** The object id a ref names in `packed-refs`, if it is there. */
export function packedRef(packed: string, ref: string): string | undefined {
  for (const line of packed.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#') || line.startsWith('^')) continue;
    const space = line.indexOf(' ');
    if (space > 0 && line.slice(space + 1) === ref) {
      const id = line.slice(0, space);
      return OBJECT_ID.test(id) ? id : undefined;
    }
  }
  return undefined;
}

/**
 * The commit `HEAD` points at in the working tree holding `start`, read from git's own files
 * (no git process): a detached HEAD's id, or the branch it names, loose or in packed-refs.
 * Undefined outside a repository, on a branch with no commit yet, and for the reftable ref
 * format (git 2.45+ with `extensions.refStorage=reftable`), which is not read here.
 */
export function gitHead(start: string, files: GitFiles = DISK_GIT_FILES): string | undefined {
  const dirs = findGitDirs(start, files);
  if (!dirs) return undefined;
  let ref = 'HEAD';
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const folder = PER_WORKTREE.test(ref) ? dirs.gitDir : dirs.commonDir;
    const loose = files.readText(path.join(folder, ...ref.split('/')))?.trim();
    if (loose !== undefined) {
      if (OBJECT_ID.test(loose)) return loose;
      const symbolic = /^ref:\s*(\S+)$/.exec(loose);
      if (!symbolic) return undefined;
      ref = symbolic[1];
      continue;
    }
    const packed = files.readText(path.join(dirs.commonDir, 'packed-refs'));
    return packed === undefined ? undefined : packedRef(packed, ref);
  }
  return undefined;
}

export interface Position {
  line: number;
  character: number;
}

/** A selection in a text (LSP style: zero-based lines, UTF-16 columns); start = end for a bare cursor. */
export interface Selection {
  start: Position;
  end: Position;
}

function offsetAt(lines: readonly string[], starts: readonly number[], pos: Position): number {
  const line = Math.min(Math.max(pos.line, 0), lines.length - 1);
  return starts[line] + Math.min(Math.max(pos.character, 0), lines[line].length);
}

/**
 * The requirement id the user pointed at: the first id (by the project's id pattern) the selection
 * overlaps, or, for a bare cursor, the id it touches (just before, inside or just after).
 */
export function requirementIdAt(text: string, selection: Selection, idPattern: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const starts: number[] = [];
  let o = 0;
  for (const l of text.split('\n')) {
    starts.push(o);
    o += l.length + 1;
  }
  let from = offsetAt(lines, starts, selection.start);
  let to = offsetAt(lines, starts, selection.end);
  if (from > to) [from, to] = [to, from];
  const global = compileIdPattern(idPattern).global;
  for (const m of text.matchAll(global)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const hit = from === to ? start <= from && from <= end : start < to && from < end;
    if (hit) return m[0];
    if (start > to) break;
  }
  return undefined;
}
