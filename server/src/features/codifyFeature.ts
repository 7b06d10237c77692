import { Connection, CreateFile, ResponseError, TextDocumentEdit, TextDocuments, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AGENTS_NAMES, codifyEdit, codifyLimits, CodifyPlan, CodifyRequest, planCodify } from '../codify';
import type { AgentsFiles, BudgetCheck, DuplicateMatch, PlannedTarget } from '../codify';
import { Project } from '../project';
import { Located } from './traceFeatures';

/** Plans a learning for the active file: params `{ uri?, learning }`, result `CodifyPlanResult`. */
export const CODIFY_PLAN_REQUEST = 'podflow/codifyPlan';
/** The edit that writes it: params `{ uri?, ...CodifyRequest }`, result `CodifyEditResult`. */
export const CODIFY_EDIT_REQUEST = 'podflow/codifyEdit';

export interface CodifyPlanParams {
  /** The active editor's document; without one, the first workspace folder's root is the folder. */
  uri?: string;
  learning: string;
}

export type CodifyEditParams = CodifyRequest & { uri?: string };

/** The plan as the request answers it: each target and duplicate with its URI, for the client to open. */
export interface CodifyPlanResult extends CodifyPlan {
  targets: (PlannedTarget & { uri: string; duplicates: (DuplicateMatch & { uri: string })[] })[];
}

export interface CodifyEditResult {
  /** Creates the file when it is new, then edits it; apply with `workspace.applyEdit`. */
  edit: WorkspaceEdit;
  /** Workspace-relative path of the file the edit changes. */
  path: string;
  uri: string;
  /** Zero-based line of the learning's bullet after the edit, and that line as it will read (the preview). */
  line: number;
  lineText: string;
  /** The heading the line ends up under (what the learning is recorded with). */
  section: string;
  budget: BudgetCheck;
}

/**
 * The AGENTS.md files of a project with their current text: `live` gives an open
 * editor's buffer (the workspace's own overlay lags edits by the lint debounce).
 */
export function agentsFilesOf(project: Project, live: (path: string) => string | undefined = () => undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const path of project.documents('agents')) {
    const base = path.split('/').pop() ?? '';
    if (!(AGENTS_NAMES as readonly string[]).includes(base)) continue; // CLAUDE.md and the like, added by agentsGlobs
    const text = live(path) ?? project.workspace.readText(path);
    if (text !== undefined) out.set(path, text);
  }
  return out;
}

export function codifyPlanFor(project: Project, activePath: string | undefined, learning: string, files: AgentsFiles = agentsFilesOf(project)): CodifyPlan {
  return planCodify(learning, activePath, files);
}

/** The LSP edit for a codify request; a new file is created first (and left alone if it appeared meanwhile). */
export function codifyEditFor(project: Project, request: CodifyRequest, uriOf: (path: string) => string, files: AgentsFiles = agentsFilesOf(project)): CodifyEditResult {
  const { edit, line, lineText, section, budget } = codifyEdit(request, files, codifyLimits(project.config));
  const uri = uriOf(edit.path);
  const change: TextDocumentEdit = { textDocument: { uri, version: null }, edits: edit.edits };
  const documentChanges: (CreateFile | TextDocumentEdit)[] = edit.create ? [{ kind: 'create', uri, options: { ignoreIfExists: true } }, change] : [change];
  return { edit: { documentChanges }, path: edit.path, uri, line, lineText, section, budget };
}

/** Wires the two codify requests; each is a thin call into codify/. */
export function registerCodify(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  at: (uri: string) => Located | undefined,
  all: () => Located[],
): void {
  const filesOf = (l: Located): Map<string, string> => agentsFilesOf(l.project, (p) => documents.get(l.uriOf(p))?.getText());
  const locate = (uri: string | undefined): { located: Located; path: string | undefined } => {
    const hit = uri ? at(uri) : undefined;
    if (hit) return { located: hit, path: hit.path };
    const first = all()[0];
    if (!first) throw new ResponseError(1, 'No workspace folder is open.');
    return { located: first, path: undefined };
  };
  connection.onRequest(CODIFY_PLAN_REQUEST, (params: CodifyPlanParams) => {
    const { located, path } = locate(params.uri);
    const plan = codifyPlanFor(located.project, path, params.learning, filesOf(located));
    const result: CodifyPlanResult = {
      ...plan,
      targets: plan.targets.map((t) => ({ ...t, uri: located.uriOf(t.path), duplicates: t.duplicates.map((d) => ({ ...d, uri: located.uriOf(d.path) })) })),
    };
    return result;
  });
  connection.onRequest(CODIFY_EDIT_REQUEST, (params: CodifyEditParams) => {
    const { located } = locate(params.uri);
    try {
      return codifyEditFor(located.project, params, located.uriOf, filesOf(located));
    } catch (err) {
      // An empty learning or a section that vanished since the plan: the client says so and asks again.
      throw new ResponseError(2, err instanceof Error ? err.message : String(err));
    }
  });
}
