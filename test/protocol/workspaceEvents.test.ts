import assert from 'node:assert/strict';
import { DiagnosticSeverity, FileChangeType, MessageType } from 'vscode-languageserver-protocol';
import { useServer } from './fixture';
import { codes, hasCode, messageOf } from './lspClient';

const SPEC = 'specs/001-csv-export/spec.md';
const ROOT_AGENTS = 'AGENTS.md';
const API_AGENTS = 'packages/api/AGENTS.md';
const CONFIG = '.podflow.yaml';

describe('protocol: configuration and file events', function () {
  const t = useServer();

  it('.podflow.yaml turning a rule off, announced by didChangeWatchedFiles, removes its diagnostics', async function () {
    const { client, ws } = t;
    await client.waitForCodes(ws.uri(SPEC), ['SPEC007']);
    ws.write(CONFIG, 'rules:\n  SPEC007: off\n');
    await client.watchedFilesChanged([{ uri: ws.uri(CONFIG), type: FileChangeType.Created }]);
    const spec = await client.waitForCodes(ws.uri(SPEC), ['SPEC001', 'SPEC003', 'SPEC006'], ['SPEC007']);
    assert.deepEqual(codes(spec), ['TRACE001', 'SPEC006', 'SPEC001', 'SPEC003']);
    assert.deepEqual(await client.waitForDiagnostics(ws.uri(CONFIG), () => true), [], 'a valid config file has no diagnostics');

    // Turning it back on (file changed) brings the diagnostic back.
    ws.write(CONFIG, 'rules:\n  SPEC007: error\n');
    await client.watchedFilesChanged([{ uri: ws.uri(CONFIG), type: FileChangeType.Changed }]);
    const back = await client.waitForCodes(ws.uri(SPEC), ['SPEC007']);
    assert.equal(back.find((d) => d.code === 'SPEC007')?.severity, DiagnosticSeverity.Error);

    // Deleting the file restores the defaults.
    ws.delete(CONFIG);
    await client.watchedFilesChanged([{ uri: ws.uri(CONFIG), type: FileChangeType.Deleted }]);
    await client.waitForDiagnostics(ws.uri(SPEC), (d) => d.find((x) => x.code === 'SPEC007')?.severity === DiagnosticSeverity.Warning);
  });

  it('a bad value in .podflow.yaml gets an error diagnostic naming the key; the rest of the file still applies', async function () {
    const { client, ws } = t;
    await client.waitForCodes(ws.uri(SPEC), ['SPEC007']);
    ws.write(CONFIG, '# team settings\nrules:\n  SPEC001: loud\n  SPEC007: off\n');
    await client.watchedFilesChanged([{ uri: ws.uri(CONFIG), type: FileChangeType.Created }]);

    const config = await client.waitForDiagnostics(ws.uri(CONFIG), (d) => d.length > 0);
    const problem = only(config);
    assert.equal(problem.severity, DiagnosticSeverity.Error);
    assert.equal(problem.source, 'podflow');
    assert.match(messageOf(problem), /rules\.SPEC001/);
    assert.equal(problem.range.start.line, 2, 'points at the line of the bad key');

    // SPEC007: off applies; SPEC001 keeps its default severity; every other rule still runs.
    const spec = await client.waitForCodes(ws.uri(SPEC), ['SPEC001', 'SPEC003', 'SPEC006'], ['SPEC007']);
    assert.equal(spec.find((d) => d.code === 'SPEC001')?.severity, DiagnosticSeverity.Warning);
    await client.waitForCodes(ws.uri(ROOT_AGENTS), ['AGENTS005', 'AGENTS007']);

    // Fixing the file clears its diagnostic.
    ws.write(CONFIG, '# team settings\nrules:\n  SPEC001: error\n  SPEC007: off\n');
    await client.watchedFilesChanged([{ uri: ws.uri(CONFIG), type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(ws.uri(CONFIG), (d) => d.length === 0);
    await client.waitForDiagnostics(ws.uri(SPEC), (d) => d.find((x) => x.code === 'SPEC001')?.severity === DiagnosticSeverity.Error);
  });

  it('a .podflow.yaml that is not YAML gets a diagnostic and the defaults apply', async function () {
    const { client, ws } = t;
    await client.waitForCodes(ws.uri(SPEC), ['SPEC007']);
    ws.write(CONFIG, 'rules: [SPEC007: off\n');
    await client.watchedFilesChanged([{ uri: ws.uri(CONFIG), type: FileChangeType.Created }]);
    const problem = only(await client.waitForDiagnostics(ws.uri(CONFIG), (d) => d.length > 0));
    assert.equal(problem.severity, DiagnosticSeverity.Error);
    assert.match(messageOf(problem), /\.podflow\.yaml/);
    assert.ok(client.alive);
    await client.waitForCodes(ws.uri(SPEC), ['SPEC001', 'SPEC007']);
  });

  it('workspace/didChangeConfiguration with podflow settings re-lints the workspace', async function () {
    const { client, ws } = t;
    await client.waitForCodes(ws.uri(ROOT_AGENTS), ['AGENTS005', 'AGENTS007']);
    const since = client.mark();
    await client.changeConfiguration({ podflow: { rules: { AGENTS007: 'off' } } });
    const root = await client.waitForCodes(ws.uri(ROOT_AGENTS), ['AGENTS005'], ['AGENTS007'], 5000, since);
    assert.deepEqual(codes(root), ['AGENTS005']);
    // Other files are re-published with the same findings as before.
    await client.waitForCodes(ws.uri(SPEC), ['SPEC001', 'SPEC007'], [], 5000, since);

    // A settings change that does not mention podflow keeps the podflow settings in force.
    const again = client.mark();
    await client.changeConfiguration({ editor: { tabSize: 2 } });
    await client.waitForCodes(ws.uri(ROOT_AGENTS), ['AGENTS005'], ['AGENTS007'], 5000, again);

    // An invalid settings value is reported to the user, never a crash, and the valid part still applies.
    const bad = client.mark();
    await client.changeConfiguration({ podflow: { rules: { AGENTS007: 'off', AGENTS005: 'sometimes' } } });
    await client.waitForCodes(ws.uri(ROOT_AGENTS), ['AGENTS005'], ['AGENTS007'], 5000, bad);
    await waitUntil(() => client.messages.some((m) => /rules\.AGENTS005/.test(m.message)), 'a warning naming rules.AGENTS005');
    assert.equal(client.messages.find((m) => /rules\.AGENTS005/.test(m.message))?.type, MessageType.Warning);
    // The harness does not answer window/showMessageRequest, like a minimal client: the server must survive that.
    assert.ok(client.alive, 'server still running');
    const later = client.mark();
    await client.changeConfiguration({ podflow: {} });
    await client.waitForCodes(ws.uri(ROOT_AGENTS), ['AGENTS005', 'AGENTS007'], [], 5000, later);
  });

  it('a deleted spec (didChangeWatchedFiles Deleted) gets its diagnostics cleared', async function () {
    const { client, ws } = t;
    const uri = ws.uri(SPEC);
    await client.waitForCodes(uri, ['SPEC001']);
    ws.delete(SPEC);
    await client.watchedFilesChanged([{ uri, type: FileChangeType.Deleted }]);
    assert.deepEqual(await client.waitForDiagnostics(uri, (d) => d.length === 0), []);

    // It stays gone after a full re-lint, and other files are unaffected.
    const since = client.mark();
    await client.changeConfiguration({ podflow: {} });
    await client.waitForCodes(ws.uri(ROOT_AGENTS), ['AGENTS005'], [], 5000, since);
    assert.deepEqual(client.diagnostics(uri), []);
  });

  it('a spec created on disk (didChangeWatchedFiles Created) is linted', async function () {
    const { client, ws } = t;
    await client.waitForCodes(ws.uri(SPEC), ['SPEC001']);
    const rel = 'specs/003-dunning/spec.md';
    ws.write(rel, ws.read(SPEC).replace('# CSV export of invoices', '# Dunning'));
    await client.watchedFilesChanged([{ uri: ws.uri(rel), type: FileChangeType.Created }]);
    await client.waitForCodes(ws.uri(rel), ['SPEC001', 'SPEC007']);
  });

  it('a nested AGENTS.md created on disk is linted against its parents, and re-linted when the parent changes on disk', async function () {
    const { client, ws } = t;
    await client.waitForCodes(ws.uri(API_AGENTS), ['AGENTS008']);
    const rel = 'src/AGENTS.md';
    ws.write(rel, '# Shared helpers\n\n## Rules\n\n- Ask before adding a dependency.\n');
    await client.watchedFilesChanged([{ uri: ws.uri(rel), type: FileChangeType.Created }]);
    await client.waitForCodes(ws.uri(rel), ['AGENTS008']);

    ws.write(ROOT_AGENTS, ws.read(ROOT_AGENTS).replace('- Ask before adding a dependency.\n', ''));
    await client.watchedFilesChanged([{ uri: ws.uri(ROOT_AGENTS), type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(ws.uri(rel), (d) => !hasCode(d, 'AGENTS008'));
    // packages/api/AGENTS.md still duplicates the untouched money bullet.
    await client.waitForCodes(ws.uri(API_AGENTS), ['AGENTS008']);
  });

  it('deleting the root AGENTS.md re-lints the nested ones: their duplicates of it go', async function () {
    const { client, ws } = t;
    await client.waitForCodes(ws.uri(ROOT_AGENTS), ['AGENTS005']);
    await client.waitForCodes(ws.uri(API_AGENTS), ['AGENTS008']);
    ws.delete(ROOT_AGENTS);
    await client.watchedFilesChanged([{ uri: ws.uri(ROOT_AGENTS), type: FileChangeType.Deleted }]);
    assert.deepEqual(await client.waitForDiagnostics(ws.uri(ROOT_AGENTS), (d) => d.length === 0), []);
    assert.deepEqual(await client.waitForDiagnostics(ws.uri(API_AGENTS), (d) => !hasCode(d, 'AGENTS008')), []);
  });

  it('package.json changing on disk re-lints the AGENTS.md files that cite its scripts', async function () {
    const { client, ws } = t;
    await client.waitForCodes(ws.uri(ROOT_AGENTS), ['AGENTS005']);
    const pkg = JSON.parse(ws.read('package.json')) as { scripts: Record<string, string> };
    pkg.scripts['lint:fix'] = 'eslint . --fix';
    ws.write('package.json', JSON.stringify(pkg, null, 2));
    await client.watchedFilesChanged([{ uri: ws.uri('package.json'), type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(ws.uri(ROOT_AGENTS), (d) => !hasCode(d, 'AGENTS005'));
  });
});

function only<T>(items: T[]): T {
  assert.equal(items.length, 1, `expected one item, got ${items.length}`);
  return items[0];
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
