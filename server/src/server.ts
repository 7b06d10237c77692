import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  FileChangeType,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocKind } from './documents/kinds';
import { codeActionsFor } from './features/codeActions';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './features/diagnostics';
import { Linter } from './lint/linter';
import { CONFIG_FILE, loadWorkspaceConfig } from './lint/workspaceConfig';
import { DiskWorkspace } from './workspace/diskWorkspace';
import { dirnameRel } from './workspace/workspace';

declare const PODFLOW_VERSION: string | undefined;
const VERSION = typeof PODFLOW_VERSION === 'string' ? PODFLOW_VERSION : '0.0.0-dev';
const DEBOUNCE_MS = 40;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

/** One workspace folder: its files, its configuration and its linter. */
interface Folder {
  workspace: DiskWorkspace;
  linter: Linter;
  /** Paths that currently have diagnostics published, with the URI used. */
  published: Map<string, string>;
  /** podflow documents in the folder; rebuilt when files are created or deleted. */
  docs: { path: string; kind: DocKind }[] | undefined;
}

function folderDocs(folder: Folder): { path: string; kind: DocKind }[] {
  folder.docs ??= folder.linter.documents();
  return folder.docs;
}

let folders: Folder[] = [];
let folderRoots: string[] = [];
let explicitSettings: unknown = undefined;
let shownSettingsProblems = '';
const pending = new Map<string, NodeJS.Timeout>();

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function folderFor(absPath: string): { folder: Folder; rel: string } | undefined {
  let best: { folder: Folder; rel: string } | undefined;
  for (const folder of folders) {
    const rel = folder.workspace.rel(absPath);
    if (rel === undefined) continue;
    if (!best || folder.workspace.root.length > best.folder.workspace.root.length) best = { folder, rel };
  }
  return best;
}

function uriFor(folder: Folder, rel: string): string {
  const abs = folder.workspace.abs(rel);
  for (const d of documents.all()) if (uriToPath(d.uri) === abs) return d.uri;
  return pathToFileURL(abs).href;
}

function publish(folder: Folder, rel: string, diagnostics: Diagnostic[]): void {
  const uri = uriFor(folder, rel);
  const previous = folder.published.get(rel);
  if (previous && previous !== uri) connection.sendDiagnostics({ uri: previous, diagnostics: [] });
  if (diagnostics.length) folder.published.set(rel, uri);
  else folder.published.delete(rel);
  connection.sendDiagnostics({ uri, diagnostics });
}

function lintPath(folder: Folder, rel: string): void {
  const kind = folder.linter.kindOf(rel);
  if (!kind) return;
  const open = documents.get(uriFor(folder, rel));
  if (!open && !folder.workspace.exists(rel)) {
    publish(folder, rel, []);
    return;
  }
  const findings = folder.linter.lint(rel, kind, open?.getText());
  publish(folder, rel, findings.map((f) => toDiagnostic(f, (p) => uriFor(folder, p))));
}

/** AGENTS.md files below `rel`'s folder read it as a parent, so they change with it. */
function dependents(folder: Folder, rel: string, kind: DocKind | undefined): string[] {
  const base = rel.split('/').pop() ?? '';
  const affectsAgents = kind === 'agents' || base === 'package.json' || /^(GNU)?[Mm]akefile$/.test(base);
  if (!affectsAgents) return [];
  const dir = dirnameRel(rel);
  return folderDocs(folder)
    .filter((d) => d.kind === 'agents' && d.path !== rel && (dir === '' || d.path.startsWith(`${dir}/`)))
    .map((d) => d.path);
}

function buildFolder(root: string): Folder {
  const workspace = new DiskWorkspace(root);
  const loaded = loadWorkspaceConfig(workspace, explicitSettings);
  // Open buffers are what the user sees: a fresh workspace must lay them over the disk again,
  // or files that read them (AGENTS.md parents, package.json) are linted against stale text.
  for (const d of documents.all()) {
    const abs = uriToPath(d.uri);
    const rel = abs === undefined ? undefined : workspace.rel(abs);
    if (rel !== undefined) workspace.setOverlay(rel, d.getText());
  }
  const folder: Folder = { workspace, linter: new Linter(workspace, loaded.config), published: new Map(), docs: undefined };
  const configDiagnostics: Diagnostic[] = loaded.fileProblems.map((p) => ({
    range: { start: { line: p.line ?? 0, character: 0 }, end: { line: p.line ?? 0, character: 200 } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: 'config',
    message: `${p.message} (this value is ignored; the rest of the configuration applies)`,
  }));
  publish(folder, CONFIG_FILE, configDiagnostics);
  const settingsText = loaded.settingsProblems.map((p) => p.message).join('; ');
  if (settingsText && settingsText !== shownSettingsProblems) {
    // A notification, not window.showWarningMessage: that is a request whose error reply (a client
    // without showMessageRequest) would be an unhandled rejection and take the server down.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `podflow: ignoring invalid settings: ${settingsText}` });
  }
  shownSettingsProblems = settingsText;
  return folder;
}

async function rebuildAndLintAll(): Promise<void> {
  const old = folders;
  folders = folderRoots.map(buildFolder);
  // Re-publishing below replaces every file; clear files that are no longer linted.
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  progress?.begin('podflow: linting workspace', 0, undefined, false);
  const keep = new Set<string>();
  for (const folder of folders) {
    for (const [rel, uri] of old.find((o) => o.workspace.root === folder.workspace.root)?.published ?? []) {
      if (rel !== CONFIG_FILE) folder.published.set(rel, uri);
    }
    const docs = folderDocs(folder);
    docs.forEach((d, i) => {
      keep.add(folder.workspace.abs(d.path));
      lintPath(folder, d.path);
      if (i % 50 === 0) progress?.report(Math.round((i / Math.max(docs.length, 1)) * 100), d.path);
    });
    for (const rel of [...folder.published.keys()]) {
      if (rel !== CONFIG_FILE && !keep.has(folder.workspace.abs(rel))) publish(folder, rel, []);
    }
  }
  progress?.done();
}

function schedule(uri: string): void {
  clearTimeout(pending.get(uri));
  pending.set(
    uri,
    setTimeout(() => {
      pending.delete(uri);
      const abs = uriToPath(uri);
      const hit = abs ? folderFor(abs) : undefined;
      if (!hit) return;
      const doc = documents.get(uri);
      hit.folder.workspace.setOverlay(hit.rel, doc?.getText());
      const kind = hit.folder.linter.kindOf(hit.rel);
      lintPath(hit.folder, hit.rel);
      for (const d of dependents(hit.folder, hit.rel, kind)) lintPath(hit.folder, d);
    }, DEBOUNCE_MS),
  );
}

connection.onInitialize((params) => {
  const wsFolders = params.workspaceFolders?.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p) ?? [];
  const rootPath = params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? undefined);
  folderRoots = wsFolders.length ? wsFolders : rootPath ? [rootPath] : [];
  explicitSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.podflow`] },
    },
    serverInfo: { name: 'podflow', version: VERSION },
  };
});

connection.onInitialized(async () => {
  connection.console.info(`podflow language server ${VERSION} started (${folderRoots.length} folder${folderRoots.length === 1 ? '' : 's'})`);
  void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
  await rebuildAndLintAll();
});

connection.onDidChangeConfiguration(async (change) => {
  const s = (change.settings as { podflow?: unknown } | null)?.podflow;
  if (s !== undefined) explicitSettings = s;
  await rebuildAndLintAll();
});

connection.onDidChangeWatchedFiles(async (params) => {
  for (const change of params.changes) {
    const abs = uriToPath(change.uri);
    const hit = abs ? folderFor(abs) : undefined;
    if (!hit) continue;
    if (hit.rel === CONFIG_FILE) {
      await rebuildAndLintAll();
      return;
    }
    const kind = hit.folder.linter.kindOf(hit.rel);
    if (change.type !== FileChangeType.Changed) hit.folder.docs = undefined;
    if (!documents.get(change.uri)) hit.folder.linter.forget(hit.rel);
    if (kind) lintPath(hit.folder, hit.rel);
    for (const d of dependents(hit.folder, hit.rel, kind)) lintPath(hit.folder, d);
  }
});

documents.onDidChangeContent((e) => schedule(e.document.uri));
documents.onDidClose((e) => schedule(e.document.uri));

connection.onCodeAction((params) => {
  const abs = uriToPath(params.textDocument.uri);
  const hit = abs ? folderFor(abs) : undefined;
  const doc = documents.get(params.textDocument.uri);
  if (!hit || !doc) return [];
  const kind = hit.folder.linter.kindOf(hit.rel);
  if (!kind) return [];
  const findings = hit.folder.linter.lint(hit.rel, kind, doc.getText());
  const lines = doc.getText().split(/\r?\n/);
  return codeActionsFor(params.textDocument.uri, params.context.diagnostics, findings, (l) => lines[l] ?? '', params.context.only);
});

documents.listen(connection);
connection.listen();
