import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../store/database';

/** A learning written into an AGENTS.md, with where it came from (the `learnings` table of schema 3). */
export interface LearningRecord {
  /** When it was written, epoch milliseconds. */
  createdMs: number;
  /** The bullet's text as written (one line, no list marker). */
  text: string;
  /** Absolute path of the workspace folder. */
  workspace: string;
  /** Workspace-relative path of the AGENTS.md it went into. */
  target: string;
  /** Title of the section it went under ("Learnings" for one created). */
  section: string;
  /** Zero-based line of the bullet in the target right after the edit. */
  line: number;
  /** Workspace-relative path (absolute outside the workspace) of the file active when it was codified. */
  sourceFile?: string;
  /** The commit HEAD pointed at then, if the workspace is a git repository with a commit. */
  commitSha?: string;
  /** The requirement id the selection or cursor was on, if any. */
  requirementId?: string;
}

export interface StoredLearning extends LearningRecord {
  id: number;
}

export interface LearningQuery {
  /** Only learnings of this workspace folder; all when undefined. */
  workspace?: string;
  /** At most this many, newest first (default 50). */
  limit?: number;
}

export interface LearningStore {
  /** False for the in-memory fallback: learnings are kept for this session only. */
  readonly persistent: boolean;
  add(record: LearningRecord): StoredLearning;
  /** Newest first; ties (same millisecond) by id, last written first. */
  recent(query?: LearningQuery): StoredLearning[];
  close(): void;
}

const DEFAULT_LIMIT = 50;

function limitOf(query: LearningQuery): number {
  const n = query.limit ?? DEFAULT_LIMIT;
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_LIMIT;
}

function checkRecord(r: LearningRecord): void {
  if (!Number.isFinite(r.createdMs)) throw new Error(`a learning needs a time; got ${String(r.createdMs)}`);
  if (r.text.trim() === '') throw new Error('a learning needs text');
  if (r.target === '') throw new Error('a learning needs the AGENTS.md it went into');
  if (!Number.isInteger(r.line) || r.line < 0) throw new Error(`a learning's line is a zero-based line number; got ${String(r.line)}`);
}

interface Row {
  id: number;
  created_ms: number;
  text: string;
  workspace: string;
  target: string;
  section: string;
  line: number | null;
  source_file: string | null;
  commit_sha: string | null;
  requirement_id: string | null;
}

function fromRow(r: Row): StoredLearning {
  const out: StoredLearning = {
    id: r.id,
    createdMs: r.created_ms,
    text: r.text,
    workspace: r.workspace,
    target: r.target,
    section: r.section,
    line: r.line ?? 0,
  };
  if (r.source_file !== null) out.sourceFile = r.source_file;
  if (r.commit_sha !== null) out.commitSha = r.commit_sha;
  if (r.requirement_id !== null) out.requirementId = r.requirement_id;
  return out;
}

/** The record without optional fields set to undefined, so stored and read-back learnings compare equal. */
function withoutUndefined(r: LearningRecord): LearningRecord {
  const out = { ...r };
  if (out.sourceFile === undefined) delete out.sourceFile;
  if (out.commitSha === undefined) delete out.commitSha;
  if (out.requirementId === undefined) delete out.requirementId;
  return out;
}

/** Learnings in podflow's history database (opened and migrated by openDatabase). close() closes it. */
export class SqliteLearningStore implements LearningStore {
  readonly persistent = true;
  private readonly insert: BetterSqlite3.Statement;
  private readonly newest: BetterSqlite3.Statement;
  private readonly newestIn: BetterSqlite3.Statement;

  constructor(private readonly db: BetterSqlite3.Database) {
    this.insert = db.prepare(
      `INSERT INTO learnings (created_ms, text, workspace, target, section, line, source_file, commit_sha, requirement_id)
       VALUES (@createdMs, @text, @workspace, @target, @section, @line, @sourceFile, @commitSha, @requirementId)`,
    );
    const order = 'ORDER BY created_ms DESC, id DESC LIMIT @limit';
    this.newest = db.prepare(`SELECT * FROM learnings ${order}`);
    this.newestIn = db.prepare(`SELECT * FROM learnings WHERE workspace = @workspace ${order}`);
  }

  add(record: LearningRecord): StoredLearning {
    checkRecord(record);
    const r = {
      ...record,
      createdMs: Math.round(record.createdMs),
      sourceFile: record.sourceFile ?? null,
      commitSha: record.commitSha ?? null,
      requirementId: record.requirementId ?? null,
    };
    const { lastInsertRowid } = this.insert.run(r);
    return { ...withoutUndefined(record), createdMs: r.createdMs, id: Number(lastInsertRowid) };
  }

  recent(query: LearningQuery = {}): StoredLearning[] {
    const limit = limitOf(query);
    const rows = (query.workspace === undefined ? this.newest.all({ limit }) : this.newestIn.all({ limit, workspace: query.workspace })) as Row[];
    return rows.map(fromRow);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Learnings in memory, for a session where SQLite cannot be used; answers like SqliteLearningStore. */
export class MemoryLearningStore implements LearningStore {
  readonly persistent = false;
  private readonly rows: StoredLearning[] = [];
  private closed = false;

  add(record: LearningRecord): StoredLearning {
    if (this.closed) throw new Error('the learning store is closed');
    checkRecord(record);
    const stored = { ...withoutUndefined(record), createdMs: Math.round(record.createdMs), id: this.rows.length + 1 };
    this.rows.push(stored);
    return { ...stored };
  }

  recent(query: LearningQuery = {}): StoredLearning[] {
    if (this.closed) throw new Error('the learning store is closed');
    return this.rows
      .filter((r) => query.workspace === undefined || r.workspace === query.workspace)
      .sort((a, b) => b.createdMs - a.createdMs || b.id - a.id)
      .slice(0, limitOf(query))
      .map((r) => ({ ...r }));
  }

  close(): void {
    this.closed = true;
  }
}

/**
 * The learning store for an editor session: SQLite at `file` (the mode clock's database; a second
 * connection is fine, WAL and a busy timeout), otherwise memory and one notice saying why.
 */
export function openLearningStore(file: string, options: { now?: () => number } = {}): { store: LearningStore; notices: string[] } {
  const opened = openDatabase(file, { now: options.now });
  if (opened.kind === 'sqlite') return { store: new SqliteLearningStore(opened.db), notices: opened.notices };
  return {
    store: new MemoryLearningStore(),
    notices: [
      `podflow: codified learnings are not being saved (${opened.reason.replace(/\.+$/, '')}); they are kept in memory for this session. ` +
        'Fix the cause above, then reload the window (Developer: Reload Window).',
    ],
  };
}
