import assert from 'node:assert/strict';
import { CodeActionKind, CodeActionOptions, DiagnosticSeverity, TextDocumentSyncKind } from 'vscode-languageserver-protocol';
import { useServer } from './fixture';
import { codes, LspClient, messageOf, TempWorkspace } from './lspClient';

const ROOT_AGENTS = 'AGENTS.md';
const API_AGENTS = 'packages/api/AGENTS.md';
const SPEC = 'specs/001-csv-export/spec.md';
const PLANS = 'PLANS.md';

describe('protocol: lifecycle and workspace diagnostics', function () {
  const t = useServer();

  it('initialize returns incremental sync and podflow code action kinds', function () {
    const { capabilities, serverInfo } = t.client.initializeResult;
    assert.equal(capabilities.textDocumentSync, TextDocumentSyncKind.Incremental);
    const cap = capabilities.codeActionProvider as CodeActionOptions;
    assert.equal(typeof cap, 'object');
    assert.deepEqual([...(cap.codeActionKinds ?? [])].sort(), [CodeActionKind.QuickFix, 'source.fixAll.podflow'].sort());
    assert.equal(serverInfo?.name, 'podflow');
  });

  it('publishes diagnostics for files never opened once initialized', async function () {
    const { client, ws } = t;
    const root = await client.waitForCodes(ws.uri(ROOT_AGENTS), ['AGENTS005']);
    const api = await client.waitForCodes(ws.uri(API_AGENTS), ['AGENTS008']);
    const spec = await client.waitForCodes(ws.uri(SPEC), ['SPEC001', 'SPEC003', 'SPEC006', 'SPEC007']);
    const plans = await client.waitForCodes(ws.uri(PLANS), ['PLANS001', 'PLANS002']);

    for (const d of [...root, ...api, ...spec, ...plans]) {
      assert.equal(d.source, 'podflow');
      assert.match(String(d.code), /^(SPEC|PLANS|AGENTS|TRACE)\d{3}$/);
      assert.ok(messageOf(d).length > 0);
      assert.equal(d.codeDescription?.href, `https://github.com/podflow/podflow#${String(d.code).toLowerCase()}`);
    }

    const unknownScript = root.find((d) => d.code === 'AGENTS005')!;
    assert.match(messageOf(unknownScript), /lint:fix/);
    assert.equal(unknownScript.range.start.line, 9);
    assert.equal(unknownScript.severity, DiagnosticSeverity.Warning);

    const dup = api.find((d) => d.code === 'AGENTS008')!;
    assert.equal(dup.range.start.line, 11);
    assert.equal(dup.relatedInformation?.[0]?.location.uri, ws.uri(ROOT_AGENTS), 'related location points at the parent file');
    assert.equal(dup.relatedInformation?.[0]?.location.range.start.line, 14);

    const lower = spec.find((d) => d.code === 'SPEC001')!;
    assert.deepEqual(lower.range, { start: { line: 19, character: 22 }, end: { line: 19, character: 26 } });
    // FR-003 has no test (TRACE001, on its id); nothing else.
    assert.deepEqual(codes(spec), ['TRACE001', 'SPEC006', 'SPEC001', 'SPEC003', 'SPEC007'], 'sorted by position, nothing else');
    assert.deepEqual(spec[0].range, { start: { line: 18, character: 4 }, end: { line: 18, character: 10 } });

    // The other spec's only finding is its MUST cited by a skipped test alone.
    assert.deepEqual(codes(await client.waitForDiagnostics(ws.uri('specs/002-team-invites/spec.md'), () => true)), ['TRACE003']);
    // A clean file is published too, with no diagnostics.
    assert.deepEqual(await client.waitForDiagnostics(ws.uri('test/money.test.ts'), () => true), []);
  });

  it('shuts down cleanly on shutdown + exit', async function () {
    const { client } = t;
    await client.waitForCodes(t.ws.uri(SPEC), ['SPEC001']);
    const exitCode = new Promise<number | null>((resolve) => client.child.once('exit', (code) => resolve(code)));
    await client.stop();
    assert.equal(await exitCode, 0);
    assert.equal(client.alive, false);
  });
});

describe('protocol: harness and initializationOptions', function () {
  let ws: TempWorkspace | undefined;
  let client: LspClient | undefined;

  afterEach(async function () {
    await client?.stop();
    ws?.dispose();
    client = undefined;
    ws = undefined;
  });

  it('stop() kills a server that does not answer shutdown', async function () {
    ws = new TempWorkspace();
    client = await LspClient.start({ root: ws.root });
    await client.waitForCodes(ws.uri(SPEC), ['SPEC001']);
    client.child.kill('SIGSTOP');
    const started = Date.now();
    await client.stop(300);
    assert.equal(client.alive, false);
    assert.ok(Date.now() - started < 3000);
  });

  it('applies settings sent in initializationOptions', async function () {
    ws = new TempWorkspace();
    client = await LspClient.start({ root: ws.root, initializationOptions: { settings: { rules: { PLANS002: 'off', SPEC001: 'error' } } } });
    const plans = await client.waitForCodes(ws.uri(PLANS), ['PLANS001'], ['PLANS002']);
    assert.deepEqual(codes(plans), ['PLANS001']);
    const spec = await client.waitForCodes(ws.uri(SPEC), ['SPEC001']);
    assert.equal(spec.find((d) => d.code === 'SPEC001')?.severity, DiagnosticSeverity.Error);
  });
});
