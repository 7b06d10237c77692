import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {
  CodeLens,
  CodeLensRequest,
  DefinitionRequest,
  Hover,
  HoverRequest,
  Location,
  MarkupContent,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SymbolInformation,
  WorkspaceEdit,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol';
import { useServer } from './fixture';
import { applyWorkspaceEdit, codes, hasCode, messageOf, rangeOf } from './lspClient';

const SPEC = 'specs/001-csv-export/spec.md';
const INVITES_SPEC = 'specs/002-team-invites/spec.md';
const CSV_TEST = 'packages/api/test/csv.test.ts';
const INVITES_TEST = 'test/invites.test.ts';
const MONEY_TEST = 'test/money.test.ts';

interface Coverage {
  covered: number;
  total: number;
}

describe('protocol: traceability', function () {
  // Without test results: lenses and hovers then show what the tests cite, not how they last ran.
  const t = useServer({ setup: (ws) => fs.rmSync(ws.path('reports'), { recursive: true, force: true }) });

  /** A position inside the first `needle` of a workspace file, `offset` characters in. */
  function pos(rel: string, needle: string, offset = 1): { line: number; character: number } {
    const r = rangeOf(t.ws.read(rel), needle);
    return { line: r.start.line, character: r.start.character + offset };
  }

  /** A location as `path line:start-end`, relative to the workspace. */
  function loc(l: Location): string {
    const prefix = `${t.ws.rootUri}/`;
    assert.ok(l.uri.startsWith(prefix), l.uri);
    return `${l.uri.slice(prefix.length)} ${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`;
  }

  async function ready(): Promise<void> {
    // The first coverage notification follows the first full lint.
    await t.client.waitForNotification('podflow/coverage');
  }

  it('code lenses on a spec show ✓/✗ and test counts, with the peek command', async function () {
    const { client, ws } = t;
    await ready();
    const lenses = await client.request<CodeLens[]>(CodeLensRequest.method, { textDocument: { uri: ws.uri(SPEC) } });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title]),
      [
        [16, '✓ 1 test'], // FR-001: 001-csv-export/FR-001 in packages/api/test/csv.test.ts
        [17, '✓ 1 test'], // FR-002: @covers 001-csv-export/FR-002
        [18, '✗ no test'], // FR-003
        [21, 'no test'], // FR-005 is a SHOULD
        [22, '✓ 1 test'], // FR-006
      ],
    );
    const fr002 = lenses[1].command!;
    assert.equal(fr002.command, 'podflow.peekTests');
    assert.deepEqual(fr002.arguments, [
      ws.uri(SPEC),
      { line: 17, character: 4 },
      [{ uri: ws.uri(CSV_TEST), range: { start: { line: 4, character: 11 }, end: { line: 4, character: 32 } } }],
    ]);
    assert.deepEqual(await client.request<CodeLens[]>(CodeLensRequest.method, { textDocument: { uri: ws.uri(CSV_TEST) } }), []);
  });

  it('go to definition jumps from a test reference to the requirement line', async function () {
    const { client, ws } = t;
    await ready();
    const found = await client.request<Location[]>(DefinitionRequest.method, { textDocument: { uri: ws.uri(CSV_TEST) }, position: pos(CSV_TEST, 'FR-001: one row') });
    assert.deepEqual(found.map(loc), [`${SPEC} 16:4-10`]);
    const line = ws.read(SPEC).split('\n')[found[0].range.start.line];
    assert.ok(line.startsWith('- **FR-001**: The system MUST export every invoice'), line);
  });

  it('find references lists the requirement and the tests citing it', async function () {
    const { client, ws } = t;
    await ready();
    const found = await client.request<Location[]>(ReferencesRequest.method, {
      textDocument: { uri: ws.uri(SPEC) },
      position: pos(SPEC, 'FR-002'),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(found.map(loc), [`${SPEC} 17:4-10`, `${CSV_TEST} 4:26-32`]);
  });

  it('rename changes the id in the spec and in every test citing it', async function () {
    const { client, ws } = t;
    await ready();
    const position = pos(SPEC, 'FR-006');
    const prepared = await client.request<{ range: unknown; placeholder: string }>(PrepareRenameRequest.method, { textDocument: { uri: ws.uri(SPEC) }, position });
    assert.deepEqual(prepared, { range: { start: { line: 22, character: 4 }, end: { line: 22, character: 10 } }, placeholder: 'FR-006' });
    const edit = await client.request<WorkspaceEdit>(RenameRequest.method, { textDocument: { uri: ws.uri(SPEC) }, position, newName: 'FR-060' });
    assert.deepEqual(Object.keys(edit.changes ?? {}).sort(), [ws.uri(CSV_TEST), ws.uri(SPEC)].sort());
    assert.equal(applyWorkspaceEdit(ws.read(SPEC), edit, ws.uri(SPEC)), ws.read(SPEC).replace('**FR-006**', '**FR-060**'));
    assert.equal(applyWorkspaceEdit(ws.read(CSV_TEST), edit, ws.uri(CSV_TEST)), ws.read(CSV_TEST).replace("test('FR-006:", "test('FR-060:"));
    // A range of ids or a test name cannot be renamed.
    assert.equal(await client.request(PrepareRenameRequest.method, { textDocument: { uri: ws.uri(CSV_TEST) }, position: pos(CSV_TEST, 'quotes fields') }), null);
  });

  it('hover shows the citing tests on a requirement and the requirement on a reference', async function () {
    const { client, ws } = t;
    await ready();
    const onSpec = await client.request<Hover>(HoverRequest.method, { textDocument: { uri: ws.uri(SPEC) }, position: pos(SPEC, 'FR-001') });
    assert.equal((onSpec.contents as MarkupContent).value, `**FR-001** · MUST · 1 test\n\n- \`001-csv-export/FR-001: one row per invoice\` — ${CSV_TEST}:12`);
    const onTest = await client.request<Hover>(HoverRequest.method, { textDocument: { uri: ws.uri(CSV_TEST) }, position: pos(CSV_TEST, 'FR-002') });
    assert.equal(
      (onTest.contents as MarkupContent).value,
      `**FR-002** · MUST · ${SPEC}:18\n\n> **FR-002**: The export MUST quote fields that contain commas, quotes or newlines (RFC 4180).`,
    );
    assert.equal(await client.request(HoverRequest.method, { textDocument: { uri: ws.uri(CSV_TEST) }, position: { line: 0, character: 0 } }), null);
  });

  it('workspace symbols find requirements of every spec by id', async function () {
    const { client, ws } = t;
    await ready();
    const found = await client.request<SymbolInformation[]>(WorkspaceSymbolRequest.method, { query: 'FR-003' });
    assert.deepEqual(
      found.map((s) => [s.containerName, loc(s.location)]),
      [
        ['001-csv-export', `${SPEC} 18:4-10`],
        ['002-team-invites', `${INVITES_SPEC} 15:4-10`],
      ],
    );
    assert.match(found[0].name, /^FR-003 /);
  });

  it('TRACE001 goes when a test file gains a reference (didOpen/didChange) and comes back when it loses it; coverage follows', async function () {
    const { client, ws } = t;
    const start = await client.waitForNotification<Coverage>('podflow/coverage');
    assert.deepEqual(start, { covered: 5, total: 8 });
    await client.waitForCodes(ws.uri(SPEC), ['TRACE001']);

    const uri = ws.uri(CSV_TEST);
    const text = ws.read(CSV_TEST);
    await client.open(uri, text, 'typescript');
    let since = client.notifications.length;
    const added = `${text}\ntest('001-csv-export/FR-003: exports 10,000 invoices in 2 s', () => {});\n`;
    await client.change(uri, [{ text: added }]);
    const covered = await client.waitForDiagnostics(ws.uri(SPEC), (d) => !hasCode(d, 'TRACE001'));
    assert.deepEqual(codes(covered), ['SPEC006', 'SPEC001', 'SPEC003', 'SPEC007']);
    assert.deepEqual(await client.waitForNotification<Coverage>('podflow/coverage', (c) => c.covered === 6, 5000, since), { covered: 6, total: 8 });

    since = client.notifications.length;
    await client.change(uri, [{ text }]);
    const back = await client.waitForCodes(ws.uri(SPEC), ['TRACE001']);
    assert.equal(messageOf(back.find((d) => d.code === 'TRACE001')!), 'FR-003 (MUST) is cited by no test: add a test that names FR-003.');
    assert.deepEqual(await client.waitForNotification<Coverage>('podflow/coverage', (c) => c.covered === 5, 5000, since), { covered: 5, total: 8 });
  });

  it('TRACE002 appears on a test file citing an unknown id and goes when it is fixed', async function () {
    const { client, ws } = t;
    await ready();
    const uri = ws.uri(MONEY_TEST);
    const text = ws.read(MONEY_TEST);
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
    await client.open(uri, text, 'typescript');
    await client.replace(uri, rangeOf(text, 'formats cents'), '002-team-invites/FR-009 formats cents');
    const [d, ...rest] = await client.waitForCodes(uri, ['TRACE002']);
    assert.equal(rest.length, 0);
    assert.equal(messageOf(d), 'FR-009 is not defined in 002-team-invites; did you mean FR-001?');
    assert.deepEqual(d.range, rangeOf(client.text(uri), '002-team-invites/FR-009'));
    await client.replace(uri, rangeOf(client.text(uri), 'FR-009'), 'FR-005');
    assert.deepEqual(await client.waitForDiagnostics(uri, (x) => !hasCode(x, 'TRACE002')), []);
  });

  it('TRACE005 goes when the ambiguous reference is qualified, and TRACE003 when the skipped test runs', async function () {
    const { client, ws } = t;
    const uri = ws.uri(INVITES_TEST);
    const ambiguous = await client.waitForCodes(uri, ['TRACE005']);
    assert.deepEqual(ambiguous.map((d) => [d.code, d.range.start.line]), [['TRACE005', 20]]);
    await client.waitForCodes(ws.uri(INVITES_SPEC), ['TRACE003']);
    const text = ws.read(INVITES_TEST);
    await client.open(uri, text, 'typescript');
    await client.replace(uri, rangeOf(text, "test('FR-004"), "test('002-team-invites/FR-004");
    assert.deepEqual(await client.waitForDiagnostics(uri, (d) => !hasCode(d, 'TRACE005')), []);
    await client.replace(uri, rangeOf(client.text(uri), 'test.skip('), 'test(');
    assert.deepEqual(await client.waitForDiagnostics(ws.uri(INVITES_SPEC), (d) => !hasCode(d, 'TRACE003')), []);
  });
});
