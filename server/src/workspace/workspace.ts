/**
 * The only way code in server/src reaches files. Paths are workspace-relative,
 * always with forward slashes ("specs/001-x/spec.md"); the root itself is "".
 */
export interface Workspace {
  /** Absolute path of the workspace root (for messages and URIs). */
  readonly root: string;
  /** Every file under the root, relative, skipping ignored folders. */
  listFiles(): string[];
  /** File contents as bytes, or undefined when missing or unreadable. */
  readBytes(relPath: string): Uint8Array | undefined;
  /** File contents decoded as UTF-8, or undefined when missing or unreadable. */
  readText(relPath: string): string | undefined;
  /** True when a file or folder exists at the path. */
  exists(relPath: string): boolean;
  /** Size in bytes and modification time of a file, or undefined when unknown (optional). */
  stat?(relPath: string): FileStat | undefined;
  /**
   * Files inside the build-output folders `listFiles` skips (test-results, build,
   * target, ...), where test runners write JUnit reports; never dependencies or
   * VCS data (optional: a workspace that lists everything already has them).
   */
  listOutputFiles?(): string[];
}

export interface FileStat {
  size: number;
  /** Milliseconds since the epoch; undefined when not known. */
  mtimeMs: number | undefined;
}

/** Ignored folders that test runners write reports into: `listOutputFiles` looks inside these. */
export const REPORT_OUTPUT_DIRS = new Set(['test-results', 'build', 'target', 'out', 'coverage']);

/** Folders never walked: dependencies, VCS data and build output. */
export const ALWAYS_IGNORED_DIRS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'out',
  'build',
  'target',
  'coverage',
  '.e2e',
  '.venv',
  'venv',
  '__pycache__',
  '.next',
  '.turbo',
  '.cache',
  'vendor',
  'test-results',
]);

/** Joins workspace-relative path segments, resolving "." and ".."; undefined when it escapes the root. */
export function joinRel(base: string, rel: string): string | undefined {
  const parts = base === '' ? [] : base.split('/');
  for (const seg of rel.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(seg);
    }
  }
  return parts.join('/');
}

/** Folder part of a relative path ("" for files at the root). */
export function dirnameRel(relPath: string): string {
  const i = relPath.lastIndexOf('/');
  return i < 0 ? '' : relPath.slice(0, i);
}

/** Folders from the root down to (and including) `dir`: "", "a", "a/b". */
export function ancestorsRel(dir: string): string[] {
  const out = [''];
  if (dir === '') return out;
  const parts = dir.split('/');
  for (let i = 1; i <= parts.length; i++) out.push(parts.slice(0, i).join('/'));
  return out;
}
