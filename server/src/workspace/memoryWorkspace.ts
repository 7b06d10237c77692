import { FileStat, Workspace } from './workspace';

/** In-memory workspace for tests: a map of relative path to text. */
export class MemoryWorkspace implements Workspace {
  readonly files: Map<string, string>;

  /** Modification times (ms since the epoch) tests give files; files without one have none. */
  readonly mtimes = new Map<string, number>();

  constructor(files: Record<string, string> = {}, readonly root = '/memory') {
    this.files = new Map(Object.entries(files));
  }

  stat(relPath: string): FileStat | undefined {
    const t = this.files.get(relPath);
    return t === undefined ? undefined : { size: Buffer.byteLength(t), mtimeMs: this.mtimes.get(relPath) };
  }

  listFiles(): string[] {
    return [...this.files.keys()].sort();
  }

  readBytes(relPath: string): Uint8Array | undefined {
    const t = this.files.get(relPath);
    return t === undefined ? undefined : Buffer.from(t, 'utf8');
  }

  readText(relPath: string): string | undefined {
    return this.files.get(relPath);
  }

  exists(relPath: string): boolean {
    // "" is the root, which always exists (as on disk).
    if (relPath === '' || this.files.has(relPath)) return true;
    const prefix = relPath.endsWith('/') ? relPath : `${relPath}/`;
    for (const k of this.files.keys()) if (k.startsWith(prefix)) return true;
    return false;
  }
}
