/**
 * A small LSP client for protocol tests: starts the built server
 * (`node dist/server.js --stdio`) as a child process and speaks JSON-RPC to it
 * over stdio, the way an editor does.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  ClientCapabilities,
  CodeAction,
  CodeActionRequest,
  Command,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileEvent,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  Range,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkDoneProgressCreateRequest,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');
export const EXAMPLES = path.join(REPO_ROOT, 'examples');

let built = false;

/** Bundles the server once per test process, so the tests always run the current source. */
export function ensureServerBuilt(): void {
  if (built) return;
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  if (!fs.existsSync(SERVER_JS)) throw new Error(`build did not produce ${SERVER_JS}`);
  built = true;
}

/** A throwaway copy of examples/ in a fresh temp folder. */
export class TempWorkspace {
  readonly root: string;

  constructor(source = EXAMPLES) {
    // realpath: the server reports URIs of real paths (macOS /var -> /private/var).
    this.root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'podflow-protocol-')));
    fs.cpSync(source, this.root, { recursive: true });
  }

  path(rel: string): string {
    return path.join(this.root, ...rel.split('/'));
  }

  uri(rel: string): string {
    return pathToFileURL(this.path(rel)).href;
  }

  get rootUri(): string {
    return pathToFileURL(this.root).href;
  }

  read(rel: string): string {
    return fs.readFileSync(this.path(rel), 'utf8');
  }

  write(rel: string, content: string | Uint8Array): void {
    fs.mkdirSync(path.dirname(this.path(rel)), { recursive: true });
    fs.writeFileSync(this.path(rel), content);
  }

  delete(rel: string): void {
    fs.rmSync(this.path(rel), { force: true });
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export interface StartOptions {
  /** Workspace folder the server lints. */
  root: string;
  /** Sent as `initializationOptions` (the podflow client sends `{ settings }`). */
  initializationOptions?: unknown;
  capabilities?: ClientCapabilities;
}

interface Waiter {
  uri: string;
  since: number;
  predicate: (d: Diagnostic[]) => boolean;
  resolve: (d: Diagnostic[]) => void;
}

interface Publication {
  seq: number;
  diagnostics: Diagnostic[];
}

/** A diagnostic's message as plain text (LSP 3.18 allows MarkupContent). */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** Rule ids of a diagnostics list, in order. */
export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

export function hasCode(diagnostics: readonly Diagnostic[], code: string): boolean {
  return diagnostics.some((d) => d.code === code);
}

const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: false,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: false },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { didSave: false, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
    },
  },
  window: { workDoneProgress: true, showMessage: {} },
};

export class LspClient {
  /** Latest publication per URI. */
  private readonly latest = new Map<string, Publication>();
  private readonly waiters = new Set<Waiter>();
  private readonly docs = new Map<string, TextDocument>();
  private seq = 0;
  private stderr = '';
  private exited = false;
  private stopped = false;
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: string[] = [];
  /** Notifications the harness has no handler of its own for (e.g. `podflow/coverage`), in order. */
  readonly notifications: { method: string; params: unknown }[] = [];
  private readonly notificationWaiters = new Set<() => void>();
  initializeResult!: InitializeResult;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(opts: StartOptions): Promise<LspClient> {
    ensureServerBuilt();
    const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { cwd: opts.root, stdio: ['pipe', 'pipe', 'pipe'] });
    // Writes after the server died must fail the test, not crash mocha with EPIPE.
    child.stdin!.on('error', () => undefined);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    child.stderr!.on('data', (b: Buffer) => {
      client.stderr = (client.stderr + b.toString('utf8')).slice(-20_000);
    });
    child.on('exit', () => {
      client.exited = true;
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => client.onPublish(p.uri, p.diagnostics));
    connection.onNotification(ShowMessageNotification.type, (p) => {
      client.messages.push(p);
    });
    connection.onNotification(LogMessageNotification.type, (p) => {
      client.logs.push(p.message);
    });
    connection.onNotification('$/progress', () => undefined);
    connection.onNotification((method: string, params: unknown) => {
      client.notifications.push({ method, params });
      for (const w of [...client.notificationWaiters]) w();
    });
    // Deliberately no handler for window/showMessageRequest: a minimal client answers it with
    // MethodNotFound, and the server must survive that.
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onError(() => undefined);
    connection.listen();
    try {
      client.initializeResult = await client.within(
        connection.sendRequest(InitializeRequest.type, {
          processId: process.pid,
          clientInfo: { name: 'podflow-protocol-tests' },
          rootUri: pathToFileURL(opts.root).href,
          workspaceFolders: [{ uri: pathToFileURL(opts.root).href, name: path.basename(opts.root) }],
          capabilities: opts.capabilities ?? DEFAULT_CAPABILITIES,
          initializationOptions: opts.initializationOptions,
        }),
        10_000,
        'initialize',
      );
      await connection.sendNotification(InitializedNotification.type, {});
    } catch (err) {
      // No client object reaches the caller, so nobody else could stop this process.
      await client.stop(500);
      throw err;
    }
    return client;
  }

  /** True while the server process is running. */
  get alive(): boolean {
    return !this.exited && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Tail of the server's stderr, for failure messages. */
  get serverStderr(): string {
    return this.stderr;
  }

  private onPublish(uri: string, diagnostics: Diagnostic[]): void {
    const pub = { seq: ++this.seq, diagnostics };
    this.latest.set(uri, pub);
    for (const w of [...this.waiters]) {
      if (w.uri === uri && pub.seq > w.since && w.predicate(diagnostics)) {
        this.waiters.delete(w);
        w.resolve(diagnostics);
      }
    }
  }

  /** Sequence number of the last publication: pass it as `since` to wait for a newer one. */
  mark(): number {
    return this.seq;
  }

  /** Latest published diagnostics for a URI, or undefined when none were ever published. */
  diagnostics(uri: string): Diagnostic[] | undefined {
    return this.latest.get(uri)?.diagnostics;
  }

  /**
   * Resolves with the diagnostics of `uri` as soon as a publication (newer than
   * `since`, if given) satisfies `predicate`; the latest one is checked first.
   * A URI that never got diagnostics does not match, not even `() => true`.
   */
  waitForDiagnostics(uri: string, predicate: (d: Diagnostic[]) => boolean, timeoutMs = 5000, since = -1): Promise<Diagnostic[]> {
    const current = this.latest.get(uri);
    if (current && current.seq > since && predicate(current.diagnostics)) return Promise.resolve(current.diagnostics);
    return new Promise<Diagnostic[]>((resolve, reject) => {
      const waiter: Waiter = {
        uri,
        since,
        predicate,
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const last = this.latest.get(uri);
        const seen = last ? last.diagnostics.map((d) => `${String(d.code)} (line ${d.range.start.line + 1}): ${messageOf(d)}`).join('\n  ') : '(nothing published)';
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for diagnostics on ${uri}\n  last published:\n  ${seen || '(empty)'}` +
              `${this.alive ? '' : '\n  server process has exited'}${this.stderr ? `\n  server stderr:\n${this.stderr}` : ''}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Waits until `uri` has diagnostics including every code in `present` and none in `absent`. */
  waitForCodes(uri: string, present: string[], absent: string[] = [], timeoutMs = 5000, since = -1): Promise<Diagnostic[]> {
    return this.waitForDiagnostics(uri, (d) => present.every((c) => hasCode(d, c)) && !absent.some((c) => hasCode(d, c)), timeoutMs, since);
  }

  /** Text of an open document as the client sees it. */
  text(uri: string): string {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    return doc.getText();
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends incremental changes (applied in order, as LSP specifies) and mirrors them locally. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    const next = TextDocument.update(doc, changes, doc.version + 1);
    this.docs.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges: changes,
    });
  }

  /** Replaces `range` with `text` in an open document. */
  replace(uri: string, range: Range, text: string): Promise<void> {
    return this.change(uri, [{ range, text }]);
  }

  /** Sends the edits a WorkspaceEdit makes to an open document as one incremental didChange. */
  async applyEdit(uri: string, edit: WorkspaceEdit): Promise<void> {
    const edits = editsFor(edit, uri);
    // Applied in order, so go bottom-up: an edit never shifts the ones still to come.
    const sorted = [...edits].sort((a, b) => compare(b.range.start, a.range.start) || compare(b.range.end, a.range.end));
    await this.change(
      uri,
      sorted.map((e) => ({ range: e.range, text: e.newText })),
    );
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async changeConfiguration(settings: unknown): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  /** Code actions for `range`, with the given diagnostics as context (and optionally `only`). */
  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.within(
      this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } }),
      5000,
      'textDocument/codeAction',
    );
    return (result ?? []).filter((a: Command | CodeAction): a is CodeAction => 'kind' in a || 'edit' in a);
  }

  /** Sends any request and waits (at most `timeoutMs`) for its answer. */
  request<R>(method: string, params: unknown, timeoutMs = 5000): Promise<R> {
    return this.within(this.connection.sendRequest<R>(method, params), timeoutMs, method);
  }

  /**
   * Resolves with the params of the first `method` notification (received after
   * the `since`-th notification, if given) that satisfies `predicate`.
   */
  waitForNotification<P>(method: string, predicate: (params: P) => boolean = () => true, timeoutMs = 5000, since = 0): Promise<P> {
    const find = (): P | undefined => {
      for (const n of this.notifications.slice(since)) if (n.method === method && predicate(n.params as P)) return n.params as P;
      return undefined;
    };
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<P>((resolve, reject) => {
      const check = (): void => {
        const hit = find();
        if (hit === undefined) return;
        this.notificationWaiters.delete(check);
        clearTimeout(timer);
        resolve(hit);
      };
      const timer = setTimeout(() => {
        this.notificationWaiters.delete(check);
        const seen = this.notifications.filter((n) => n.method === method).map((n) => JSON.stringify(n.params));
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${method}; received: ${seen.join(', ') || '(none)'}`));
      }, timeoutMs);
      this.notificationWaiters.add(check);
    });
  }

  private within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} got no answer within ${ms} ms${this.stderr ? `\nserver stderr:\n${this.stderr}` : ''}`)), ms);
    });
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
  }

  /** shutdown + exit; kills the process if it has not exited within `timeoutMs`. Safe to call twice. */
  async stop(timeoutMs = 2000): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const exited = new Promise<void>((resolve) => {
      if (!this.alive) resolve();
      else this.child.once('exit', () => resolve());
    });
    if (this.alive) {
      try {
        await this.within(this.connection.sendRequest(ShutdownRequest.type), timeoutMs, 'shutdown');
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // fall through to the kill below
      }
    }
    let timer: NodeJS.Timeout | undefined;
    const stopped = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (!stopped) {
      this.child.kill('SIGKILL');
      await exited;
    }
    this.connection.dispose();
    for (const w of this.waiters) w.resolve([]);
    this.waiters.clear();
  }
}

function compare(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

/** The text edits a WorkspaceEdit makes to one document (`changes` or `documentChanges`). */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const out: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const dc of edit.documentChanges ?? []) {
    if ('textDocument' in dc && dc.textDocument.uri === uri) {
      for (const e of dc.edits) if ('newText' in e) out.push({ range: e.range, newText: e.newText });
    }
  }
  return out;
}

/** Applies a WorkspaceEdit's edits for `uri` to `text` (edits must not overlap, as LSP requires). */
export function applyWorkspaceEdit(text: string, edit: WorkspaceEdit, uri: string): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), editsFor(edit, uri));
}

/** Zero-based range of the first occurrence of `needle` in `text` (on one line). */
export function rangeOf(text: string, needle: string): Range {
  const lines = text.split(/\r?\n/);
  for (let line = 0; line < lines.length; line++) {
    const at = lines[line].indexOf(needle);
    if (at >= 0) return { start: { line, character: at }, end: { line, character: at + needle.length } };
  }
  throw new Error(`"${needle}" not found`);
}

/** Range covering a whole line, line break included. */
export function lineRangeWithBreak(line: number): Range {
  return { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
}
