import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALWAYS_IGNORED_DIRS, FileStat, REPORT_OUTPUT_DIRS, Workspace } from './workspace';

// Inside build output, reports sit a few levels down (`build/test-results/test/TEST-x.xml`,
// `target/nextest/ci/junit.xml`); compiler output folders hold thousands of files and no reports.
const OUTPUT_MAX_DEPTH = 4;
const OUTPUT_MAX_DIRS = 2000;
const OUTPUT_SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'debug', 'release', 'deps', 'incremental', '.fingerprint', 'classes', 'intermediates', 'generated', 'tmp', 'kotlin', 'doc']);

/**
 * Workspace on the local disk, shared by the language server and the CLI.
 * Open editor buffers can be laid over the disk with `setOverlay`, so a dirty
 * AGENTS.md parent is linted as the user sees it, not as saved.
 */
export class DiskWorkspace implements Workspace {
  private readonly overlays = new Map<string, string>();
  /** Build-output folders (test-results, build, target, ...) the last `listFiles` skipped. */
  private skippedOutputDirs: string[] | undefined;

  constructor(
    readonly root: string,
    private readonly extraIgnoredDirs: ReadonlySet<string> = new Set(),
  ) {}

  setOverlay(relPath: string, text: string | undefined): void {
    if (text === undefined) this.overlays.delete(relPath);
    else this.overlays.set(relPath, text);
  }

  listFiles(): string[] {
    const out: string[] = [];
    const skippedOutput: string[] = [];
    const walk = (absDir: string, rel: string): void => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(absDir, { withFileTypes: true });
      } catch {
        return; // unreadable folder: skip it rather than fail the whole scan
      }
      for (const e of entries) {
        const childRel = rel === '' ? e.name : `${rel}/${e.name}`;
        if (e.isDirectory()) {
          if (ALWAYS_IGNORED_DIRS.has(e.name) || this.extraIgnoredDirs.has(e.name)) {
            if (REPORT_OUTPUT_DIRS.has(e.name)) skippedOutput.push(childRel);
            continue;
          }
          walk(path.join(absDir, e.name), childRel);
        } else if (e.isFile()) {
          out.push(childRel);
        }
      }
    };
    walk(this.root, '');
    this.skippedOutputDirs = skippedOutput;
    for (const rel of this.overlays.keys()) if (!out.includes(rel)) out.push(rel);
    return out.sort();
  }

  /**
   * `.xml` files inside the build-output folders the last `listFiles` skipped, at
   * most a few levels down and skipping compiler output: cheap, for test reports.
   */
  listOutputFiles(): string[] {
    if (!this.skippedOutputDirs) this.listFiles();
    const out: string[] = [];
    let dirs = 0;
    const walk = (rel: string, depth: number): void => {
      if (++dirs > OUTPUT_MAX_DIRS) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(this.abs(rel), { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const childRel = `${rel}/${e.name}`;
        if (e.isDirectory()) {
          if (depth < OUTPUT_MAX_DEPTH && !OUTPUT_SKIPPED_DIRS.has(e.name)) walk(childRel, depth + 1);
        } else if (e.isFile() && e.name.toLowerCase().endsWith('.xml')) {
          out.push(childRel);
        }
      }
    };
    for (const dir of this.skippedOutputDirs ?? []) walk(dir, 1);
    return out.sort();
  }

  stat(relPath: string): FileStat | undefined {
    try {
      const st = fs.statSync(this.abs(relPath));
      if (st.isFile()) return { size: st.size, mtimeMs: st.mtimeMs };
    } catch {
      // missing on disk: an open buffer may still hold it
    }
    const overlay = this.overlays.get(relPath);
    return overlay === undefined ? undefined : { size: Buffer.byteLength(overlay), mtimeMs: undefined };
  }

  readBytes(relPath: string): Uint8Array | undefined {
    const overlay = this.overlays.get(relPath);
    if (overlay !== undefined) return Buffer.from(overlay, 'utf8');
    try {
      return fs.readFileSync(this.abs(relPath));
    } catch {
      return undefined;
    }
  }

  readText(relPath: string): string | undefined {
    const overlay = this.overlays.get(relPath);
    if (overlay !== undefined) return overlay;
    try {
      // Decoded straight from the file: no intermediate copy of the bytes.
      return fs.readFileSync(this.abs(relPath), 'utf8');
    } catch {
      return undefined;
    }
  }

  exists(relPath: string): boolean {
    if (this.overlays.has(relPath)) return true;
    return fs.existsSync(this.abs(relPath));
  }

  abs(relPath: string): string {
    return path.join(this.root, ...relPath.split('/'));
  }

  /** Workspace-relative form of an absolute path, or undefined when outside the root. */
  rel(absPath: string): string | undefined {
    const r = path.relative(this.root, absPath);
    if (r.startsWith('..') || path.isAbsolute(r)) return undefined;
    return r.split(path.sep).join('/');
  }
}
