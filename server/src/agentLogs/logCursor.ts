import * as fs from 'node:fs';

/** Receives the complete lines of a JSONL file that hold a marker, in file order. */
export interface LineHandler {
  /**
   * One complete line, `buf[start, end)`, without its line break. `buf` is a
   * shared scratch buffer: read what is needed during the call, keep no view.
   */
  line(buf: Buffer, start: number, end: number): void;
  /** The file was truncated or replaced: forget everything learnt from it. */
  reset(): void;
}

export interface CursorOptions {
  /** Bytes read per system call; default 1 MiB. */
  chunkBytes?: number;
  /** A longer line is skipped (and counted in `oversizedLines`) instead of held; default 64 MiB. */
  maxLineBytes?: number;
}

export interface CursorSetup {
  /** Byte sequences that a line must hold to be handed over (short ones, under 8 bytes, search fastest). */
  markers: readonly Buffer[];
  /** Also hand over the file's first line, marker or not (session metadata lives there). */
  firstLine?: boolean;
}

export interface ReadResult {
  /** Bytes read from the file by this call. */
  bytes: number;
  /** The file was found truncated or replaced and was read again from its start. */
  restarted: boolean;
  /** The file could not be opened or read (deleted, not yet created, a folder). */
  missing: boolean;
}

const HEAD_BYTES = 4096;
const DEFAULT_CHUNK = 1 << 20;
const DEFAULT_MAX_LINE = 64 << 20;
const NL = 10;
const CR = 13;
const EMPTY = Buffer.alloc(0);

/** One scratch buffer for every cursor: reads are synchronous, so they never overlap. */
let scratch: Buffer | undefined;
function scratchOf(size: number): Buffer {
  if (!scratch || scratch.length !== size) scratch = Buffer.allocUnsafeSlow(size);
  return scratch;
}

/**
 * Incremental reader of one append-only JSONL log. Remembers how far it has
 * read, keeps the bytes of a half-written last line (a cut inside a UTF-8
 * character included) until its line break arrives, and hands each complete
 * line to the handler once, and only if it contains one of the marker byte
 * sequences: other lines are never decoded. A file that shrank below the
 * offset, changed inode, or whose first bytes changed is read again from the
 * start after `handler.reset()`.
 */
export class LogCursor {
  /** Bytes of the file consumed: complete lines plus the pending partial line. */
  offset = 0;
  /** Times the file was found truncated or replaced. */
  restarts = 0;
  /** Lines skipped for being longer than `maxLineBytes`. */
  oversizedLines = 0;

  private pending: Buffer = EMPTY;
  private bytesRead = 0;
  private skipping = false;
  private ino = 0;
  private mtimeMs = -1;
  private head: Buffer = EMPTY;
  private readonly chunkBytes: number;
  private readonly maxLineBytes: number;
  private readonly next: number[];
  private readonly markers: readonly Buffer[];
  private readonly firstLine: boolean;
  private firstSeen = false;

  constructor(
    readonly file: string,
    setup: CursorSetup,
    private readonly handler: LineHandler,
    options: CursorOptions = {},
  ) {
    this.markers = setup.markers;
    this.firstLine = setup.firstLine ?? false;
    this.chunkBytes = Math.max(4096, options.chunkBytes ?? DEFAULT_CHUNK);
    this.maxLineBytes = Math.max(this.chunkBytes, options.maxLineBytes ?? DEFAULT_MAX_LINE);
    this.next = this.markers.map(() => -1);
  }

  /** Bytes of a partial last line held for the next read. */
  get pendingBytes(): number {
    return this.pending.length;
  }

  /** Reads whatever was appended since the last call. */
  read(): ReadResult {
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'r');
    } catch {
      return { bytes: 0, restarted: false, missing: true };
    }
    try {
      const st = fs.fstatSync(fd);
      const sameInode = this.ino === 0 || st.ino === 0 || st.ino === this.ino;
      if (sameInode && st.size === this.offset && st.mtimeMs === this.mtimeMs) {
        return { bytes: 0, restarted: false, missing: false };
      }
      let restarted = false;
      if (this.offset > 0 || this.head.length > 0) {
        if (!sameInode || st.size < this.offset || !this.headMatches(fd)) {
          this.restart();
          restarted = true;
        }
      }
      this.ino = st.ino;
      this.mtimeMs = st.mtimeMs;
      const bytes = this.consume(fd);
      if (this.head.length < HEAD_BYTES && this.offset > this.head.length) this.head = readHead(fd, HEAD_BYTES);
      return { bytes, restarted, missing: false };
    } catch (e) {
      // A file that cannot be read (a folder, a vanished network file) reads as missing; anything else is a bug.
      if (typeof (e as NodeJS.ErrnoException).code === 'string') return { bytes: 0, restarted: false, missing: true };
      throw e;
    } finally {
      fs.closeSync(fd);
    }
  }

  private restart(): void {
    this.restarts++;
    this.offset = 0;
    this.pending = EMPTY;
    this.skipping = false;
    this.head = EMPTY;
    this.oversizedLines = 0;
    this.firstSeen = false;
    this.handler.reset();
  }

  private headMatches(fd: number): boolean {
    if (this.head.length === 0) return true;
    return readHead(fd, this.head.length).equals(this.head);
  }

  private consume(fd: number): number {
    let buf = scratchOf(this.chunkBytes);
    let carry = this.pending.length;
    if (carry * 2 > buf.length) buf = Buffer.allocUnsafe(grow(buf.length, carry * 2));
    this.pending.copy(buf, 0);
    let pos = this.offset;
    let skipping = this.skipping;
    // Committed even when a read fails half-way: lines already handed over are never handed over again.
    try {
      for (;;) {
        if (carry === buf.length) {
          // One line fills the whole buffer: grow it, or give the line up.
          if (buf.length < this.maxLineBytes) {
            const bigger = Buffer.allocUnsafe(Math.min(this.maxLineBytes, buf.length * 2));
            buf.copy(bigger, 0, 0, carry);
            buf = bigger;
          } else {
            this.oversizedLines++;
            skipping = true;
            carry = 0;
          }
        }
        const n = fs.readSync(fd, buf, carry, buf.length - carry, pos);
        if (n <= 0) break;
        pos += n;
        const end = carry + n;
        let start = 0;
        if (skipping) {
          const nl = buf.indexOf(NL, carry);
          if (nl < 0 || nl >= end) {
            carry = 0;
            continue;
          }
          start = nl + 1;
          skipping = false;
        }
        const last = buf.lastIndexOf(NL, end - 1);
        if (last >= start) {
          this.scan(buf.subarray(start, last + 1));
          start = last + 1;
        }
        carry = end - start;
        if (carry > 0 && start > 0) buf.copy(buf, 0, start, end);
      }
    } finally {
      this.bytesRead = pos - this.offset;
      this.offset = pos;
      this.skipping = skipping;
      this.pending = carry > 0 ? Buffer.from(buf.subarray(0, carry)) : EMPTY;
    }
    return this.bytesRead;
  }

  /** `view` holds whole lines, each ending with a line break. */
  private scan(view: Buffer): void {
    const markers = this.markers;
    const next = this.next;
    const k = markers.length;
    let from = 0;
    if (!this.firstSeen) {
      this.firstSeen = true;
      if (this.firstLine) {
        const le = view.indexOf(NL);
        const e = le > 0 && view[le - 1] === CR ? le - 1 : le;
        if (e > 0) this.handler.line(view, 0, e);
        from = le + 1;
      }
    }
    for (let i = 0; i < k; i++) next[i] = view.indexOf(markers[i], from);
    for (;;) {
      let hit = -1;
      for (let i = 0; i < k; i++) if (next[i] >= 0 && (hit < 0 || next[i] < hit)) hit = next[i];
      if (hit < 0) return;
      const ls = view.lastIndexOf(NL, hit) + 1;
      const le = view.indexOf(NL, hit);
      const e = le > ls && view[le - 1] === CR ? le - 1 : le;
      this.handler.line(view, ls, e);
      for (let i = 0; i < k; i++) if (next[i] >= 0 && next[i] < le) next[i] = view.indexOf(markers[i], le + 1);
    }
  }
}

function grow(size: number, atLeast: number): number {
  while (size < atLeast) size *= 2;
  return size;
}

function readHead(fd: number, n: number): Buffer {
  const b = Buffer.alloc(n);
  const got = fs.readSync(fd, b, 0, n, 0);
  return got === n ? b : Buffer.from(b.subarray(0, got));
}
