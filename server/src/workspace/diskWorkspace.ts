import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALWAYS_IGNORED_DIRS, Workspace } from './workspace';

/**
 * Workspace on the local disk, shared by the language server and the CLI.
 * Open editor buffers can be laid over the disk with `setOverlay`, so a dirty
 * AGENTS.md parent is linted as the user sees it, not as saved.
 */
export class DiskWorkspace implements Workspace {
  private readonly overlays = new Map<string, string>();

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
          if (ALWAYS_IGNORED_DIRS.has(e.name) || this.extraIgnoredDirs.has(e.name)) continue;
          walk(path.join(absDir, e.name), childRel);
        } else if (e.isFile()) {
          out.push(childRel);
        }
      }
    };
    walk(this.root, '');
    for (const rel of this.overlays.keys()) if (!out.includes(rel)) out.push(rel);
    return out.sort();
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
    const bytes = this.readBytes(relPath);
    return bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8');
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
