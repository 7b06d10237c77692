import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
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
import { codeActionsFor } from './features/codeActions';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './features/diagnostics';
import { ModeClockFeature } from './features/modeClockFeature';
import { registerCodify } from './features/codifyFeature';
import { registerLearnings } from './features/learningsFeature';
import { COMPLETION_TRIGGER_CHARACTERS, registerCompletion } from './features/completion';
import { TokenFeature } from './features/tokenFeature';
import { type Located, registerTraceFeatures } from './features/traceFeatures';
import { CONFIG_FILE, loadWorkspaceConfig } from './lint/workspaceConfig';
import { Project } from './project';
import { DiskWorkspace } from './workspace/diskWorkspace';
import { uriToPath } from './workspace/uri';

declare const PODFLOW_VERSION: string | undefined;
const VERSION = typeof PODFLOW_VERSION === 'string' ? PODFLOW_VERSION : '0.0.0-dev';
const DEBOUNCE_MS = 40;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

/** One workspace folder: its files on disk (with open buffers laid over them) and its project. */
export interface Folder {
  workspace: DiskWorkspace;
  project: Project;
  /** Paths that currently have diagnostics published, with the URI used. */
  published: Map<string, string>;
}

let folders: Folder[] = [];
let folderRoots: string[] = [];
let explicitSettings: unknown = undefined;
let shownSettingsProblems = '';
let codeLensRefresh = false;
let storageDir: string | undefined;
const pending = new Map<string, NodeJS.Timeout>();


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
  const kind = folder.project.kindOf(rel);
  if (!kind) return;
  const open = documents.get(uriFor(folder, rel));
  if (!open && !folder.workspace.exists(rel)) {
    publish(folder, rel, []);
    return;
  }
  const findings = folder.project.findings(rel, open?.getText());
  publish(folder, rel, findings.map((f) => toDiagnostic(f, (p) => uriFor(folder, p))));
}

/** Tells the client the workspace's MUST coverage, for its status bar item. */
function sendCoverage(): void {
  let covered = 0;
  let total = 0;
  for (const f of folders) {
    const s = f.project.coverageSummary();
    covered += s.covered;
    total += s.total;
  }
  void connection.sendNotification('podflow/coverage', { covered, total });
  // Lenses of open specs show coverage that may just have changed.
  if (codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
}

/** Test reports that could not be read (malformed, huge) go to the output channel, once per load. */
function logReportMessages(folder: Folder): void {
  for (const m of folder.project.reportMessages()) connection.console.warn(m);
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
  const folder: Folder = { workspace, project: new Project(workspace, loaded.config), published: new Map() };
  folder.project.indexAll();
  logReportMessages(folder);
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
    const docs = [...folder.project.fileList().keys()];
    docs.forEach((path, i) => {
      keep.add(folder.workspace.abs(path));
      lintPath(folder, path);
      if (i % 50 === 0) progress?.report(Math.round((i / Math.max(docs.length, 1)) * 100), path);
    });
    for (const rel of [...folder.published.keys()]) {
      if (rel !== CONFIG_FILE && !keep.has(folder.workspace.abs(rel))) publish(folder, rel, []);
    }
  }
  progress?.done();
  sendCoverage();
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
      for (const p of hit.folder.project.update(hit.rel, doc?.getText())) lintPath(hit.folder, p);
      logReportMessages(hit.folder);
      sendCoverage();
    }, DEBOUNCE_MS),
  );
}

connection.onInitialize((params) => {
  const wsFolders = params.workspaceFolders?.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p) ?? [];
  const rootPath = params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? undefined);
  folderRoots = wsFolders.length ? wsFolders : rootPath ? [rootPath] : [];
  const init = params.initializationOptions as { settings?: unknown; storageDir?: string } | undefined;
  explicitSettings = init?.settings;
  storageDir = typeof init?.storageDir === 'string' ? init.storageDir : undefined;
  codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.podflow`] },
      codeLensProvider: { resolveProvider: false },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
    },
    serverInfo: { name: 'podflow', version: VERSION },
  };
});

connection.onInitialized(async () => {
  connection.console.info(`podflow language server ${VERSION} started (${folderRoots.length} folder${folderRoots.length === 1 ? '' : 's'})`);
  void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
  // The clock starts first so that editor signals sent right after `initialized` are not lost.
  modeClock.start(storageDir);
  await rebuildAndLintAll();
  modeClock.reconfigure();
  tokens.start(storageDir);
  tokens.reconfigure();
});

connection.onDidChangeConfiguration(async (change) => {
  const s = (change.settings as { podflow?: unknown } | null)?.podflow;
  if (s !== undefined) explicitSettings = s;
  await rebuildAndLintAll();
  modeClock.reconfigure();
  tokens.reconfigure();
});

const modeClock = new ModeClockFeature(connection, {
  config: () => folders[0]?.project.config ?? loadWorkspaceConfig(new DiskWorkspace(process.cwd()), explicitSettings).config,
  folders: () =>
    folders.map((f) => ({
      root: f.workspace.root,
      kindOf: (rel: string) => {
        const kind = f.project.kindOf(rel);
        return kind === 'spec' || kind === 'plans' || kind === 'agents' || kind === 'test' ? kind : undefined;
      },
    })),
});
const tokens = new TokenFeature(connection, {
  config: () => folders[0]?.project.config ?? loadWorkspaceConfig(new DiskWorkspace(process.cwd()), explicitSettings).config,
  folders: () => folders.map((f) => f.workspace.root),
  mode: () => modeClock.mode,
  agentActive: (active) => modeClock.agentLog(active),
});
connection.onShutdown(() => {
  tokens.stop();
  modeClock.stop();
  learnings.close();
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
    if (change.type !== FileChangeType.Changed) hit.folder.project.forgetFileList();
    // An open document's buffer wins over the disk until it is closed.
    const open = documents.get(uriFor(hit.folder, hit.rel));
    for (const p of hit.folder.project.update(hit.rel, open?.getText())) lintPath(hit.folder, p);
    logReportMessages(hit.folder);
  }
  sendCoverage();
});

documents.onDidChangeContent((e) => schedule(e.document.uri));
documents.onDidClose((e) => schedule(e.document.uri));

connection.onCodeAction((params) => {
  const abs = uriToPath(params.textDocument.uri);
  const hit = abs ? folderFor(abs) : undefined;
  const doc = documents.get(params.textDocument.uri);
  if (!hit || !doc) return [];
  const kind = hit.folder.project.kindOf(hit.rel);
  if (!kind) return [];
  const findings = hit.folder.project.findings(hit.rel, doc.getText());
  const lines = doc.getText().split(/\r?\n/);
  // Suppression comments are Markdown; test files get no "disable for this line".
  const lineText = kind === 'test' ? undefined : (l: number): string => lines[l] ?? '';
  return codeActionsFor(params.textDocument.uri, params.context.diagnostics, findings, lineText, params.context.only);
});

function locatedAt(uri: string): Located | undefined {
  const abs = uriToPath(uri);
  const hit = abs ? folderFor(abs) : undefined;
  return hit ? { project: hit.folder.project, path: hit.rel, uriOf: (p: string) => uriFor(hit.folder, p) } : undefined;
}

function allLocated(): Located[] {
  return folders.map((f) => ({ project: f.project, path: '', uriOf: (p: string) => uriFor(f, p) }));
}

registerTraceFeatures(connection, documents, locatedAt, allLocated);
registerCompletion(connection, documents, locatedAt);
registerCodify(connection, documents, locatedAt, allLocated);
const learnings = registerLearnings(connection, documents, locatedAt, allLocated, () => storageDir);

documents.listen(connection);
connection.listen();
