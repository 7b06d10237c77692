import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Connection, ResponseError, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findLearningLine, gitHead, MemoryLearningStore, normalizeLearning, openLearningStore, requirementIdAt } from '../codify';
import type { LearningRecord, LearningStore, Selection, StoredLearning } from '../codify';
import { Project } from '../project';
import { serverDatabasePath } from '../store/defaultPath';
import { DiskWorkspace } from '../workspace/diskWorkspace';
import { locate } from './locate';
import { Located } from './traceFeatures';
import { uriToPath } from '../workspace/uri';

/** Records a learning just written: params `RecordLearningParams`, result `RecordLearningResult`. */
export const RECORD_LEARNING_REQUEST = 'podflow/recordLearning';
/** Recent learnings: params `ListLearningsParams`, result `ListedLearning[]`. */
export const LIST_LEARNINGS_REQUEST = 'podflow/listLearnings';

export interface RecordLearningParams {
  /** The editor active when the command ran: its file is the provenance; without one, the first workspace folder. */
  uri?: string;
  /** The selection (or cursor) in that editor, for the requirement id it was on. */
  selection?: Selection;
  /** The learning as written. */
  learning: string;
  /** Workspace-relative path of the AGENTS.md written to (`CodifyEditResult.path`). */
  target: string;
  /** Title of the section it went under. */
  section: string;
  /** Zero-based line of its bullet right after the edit (`CodifyEditResult.line`). */
  line: number;
  /** When it was written (epoch ms); now by default. */
  at?: number;
}

export interface RecordLearningResult {
  learning: StoredLearning;
  /** False when the history database cannot be used: the learning is kept for this session only. */
  persistent: boolean;
}

export interface ListLearningsParams {
  /** Learnings of the workspace folder holding this document (the first folder without it)... */
  uri?: string;
  /** ...or of every workspace folder ever, when true. */
  all?: boolean;
  limit?: number;
}

export interface ListedLearning extends StoredLearning {
  /** The AGENTS.md's URI. */
  targetUri: string;
  /** Where the learning's bullet is now (found by its text), else where it was written. */
  currentLine: number;
  /** False when no line of the file holds the learning any more. */
  found: boolean;
}


/** Where a learning came from: the active file, the commit HEAD is at, the requirement id pointed at. */
export function provenanceOf(
  located: Located | undefined,
  activeUri: string | undefined,
  text: string | undefined,
  selection: Selection | undefined,
  root: string,
): Pick<LearningRecord, 'sourceFile' | 'commitSha' | 'requirementId'> {
  const abs = activeUri === undefined ? undefined : uriToPath(activeUri);
  const out: Pick<LearningRecord, 'sourceFile' | 'commitSha' | 'requirementId'> = {};
  const sourceFile = located?.path || abs;
  if (sourceFile) out.sourceFile = sourceFile;
  const commitSha = gitHead(abs ? path.dirname(abs) : root);
  if (commitSha) out.commitSha = commitSha;
  if (text !== undefined && selection) {
    const project = located?.project;
    const idPattern = project?.config.idPattern;
    let id = idPattern === undefined ? undefined : requirementIdAt(text, selection, idPattern);
    // A spec's requirement under the cursor, including ids it does not write out (Kiro's "5.3").
    if (id === undefined && project && located && project.kindOf(located.path) === 'spec') {
      const hit = locate(project, located.path, selection.start);
      if (hit?.kind === 'requirement') id = hit.requirement.id;
    }
    if (id) out.requirementId = id;
  }
  return out;
}

/**
 * Wires `podflow/recordLearning` and `podflow/listLearnings` to the learning store: the history
 * database the mode clock uses (a second connection), opened on first use, in memory when it
 * cannot be used. Returns what server.ts calls on shutdown.
 */
export function registerLearnings(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  at: (uri: string) => Located | undefined,
  all: () => Located[],
  storageDir: () => string | undefined,
): { close(): void } {
  let store: LearningStore | undefined;
  const storeOf = (): LearningStore => {
    if (store) return store;
    const file = serverDatabasePath(storageDir());
    if (!file) {
      connection.console.info('podflow: no storage folder given; codified learnings are kept in memory');
      return (store = new MemoryLearningStore());
    }
    const opened = openLearningStore(file);
    for (const notice of opened.notices) connection.console.warn(notice);
    return (store = opened.store);
  };
  const locateOr = (uri: string | undefined): { located: Located | undefined; folder: Located } => {
    const located = uri ? at(uri) : undefined;
    const folder = located ?? all()[0];
    if (!folder) throw new ResponseError(1, 'No workspace folder is open.');
    return { located, folder };
  };
  const textOf = (uri: string, project: Project, rel: string | undefined): string | undefined =>
    documents.get(uri)?.getText() ?? (rel === undefined ? undefined : project.workspace.readText(rel));

  connection.onRequest(RECORD_LEARNING_REQUEST, (params: RecordLearningParams): RecordLearningResult => {
    const { located, folder } = locateOr(params.uri);
    const text = normalizeLearning(params.learning ?? '');
    if (text === '') throw new ResponseError(2, 'The learning is empty.');
    const root = folder.project.workspace.root;
    const activeText = params.uri === undefined ? undefined : textOf(params.uri, folder.project, located?.path);
    const record: LearningRecord = {
      createdMs: typeof params.at === 'number' && Number.isFinite(params.at) ? params.at : Date.now(),
      text,
      workspace: root,
      target: params.target,
      section: params.section,
      line: params.line,
      ...provenanceOf(located, params.uri, activeText, params.selection, root),
    };
    const s = storeOf();
    try {
      return { learning: s.add(record), persistent: s.persistent };
    } catch (err) {
      throw new ResponseError(3, `podflow could not record the learning: ${err instanceof Error ? err.message : String(err)}`);
    }
  });

  connection.onRequest(LIST_LEARNINGS_REQUEST, (params: ListLearningsParams | undefined): ListedLearning[] => {
    const limit = params?.limit;
    const folders = params?.all ? undefined : [locateOr(params?.uri).folder];
    const rows = folders
      ? folders.flatMap((f) => storeOf().recent({ workspace: f.project.workspace.root, limit }))
      : storeOf().recent({ limit });
    return rows.map((row) => {
      const open = all().find((f) => f.project.workspace.root === row.workspace);
      const targetUri = open ? open.uriOf(row.target) : pathToFileURL(path.join(row.workspace, ...row.target.split('/'))).href;
      // A folder not open in this window is read from the disk.
      const text = open ? textOf(targetUri, open.project, row.target) : new DiskWorkspace(row.workspace).readText(row.target);
      const line = text === undefined ? undefined : findLearningLine(text, row.text, row.line);
      return { ...row, targetUri, currentLine: line ?? row.line, found: line !== undefined };
    });
  });

  return {
    close: () => {
      try {
        store?.close();
      } catch (err) {
        connection.console.error(`podflow: closing the learning store: ${err instanceof Error ? err.message : String(err)}`);
      }
      store = undefined;
    },
  };
}
