import assert from 'node:assert/strict';
import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver-protocol';
import { useServer } from './fixture';
import { applyWorkspaceEdit, codes, hasCode, messageOf } from './lspClient';

const SPEC = 'specs/001-csv-export/spec.md';
const PLANS = 'PLANS.md';
const API_AGENTS = 'packages/api/AGENTS.md';
const FIX_ALL = 'Fix all podflow problems in this file';

const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function only<T>(items: T[], what: string): T {
  assert.equal(items.length, 1, `expected exactly one ${what}, got ${items.length}`);
  return items[0];
}

describe('protocol: code actions', function () {
  const t = useServer();

  /** Opens `rel` and returns its diagnostics once `present` are all published. */
  async function openWith(rel: string, present: string[]): Promise<{ uri: string; text: string; diags: Diagnostic[] }> {
    const uri = t.ws.uri(rel);
    const text = t.ws.read(rel);
    await t.client.open(uri, text);
    const diags = await t.client.waitForCodes(uri, present);
    return { uri, text, diags };
  }

  it('the SPEC001 quick fix yields the exact expected text, and the diagnostic goes', async function () {
    const { client } = t;
    const { uri, text, diags } = await openWith(SPEC, ['SPEC001']);
    const d = diags.find((x) => x.code === 'SPEC001')!;
    const actions = await client.codeActions(uri, d.range, [d]);
    const fix = only(
      actions.filter((a) => a.title === 'Change "must" to "MUST"'),
      'SPEC001 fix',
    );
    assert.equal(fix.kind, CodeActionKind.QuickFix);
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics?.map((x) => x.code), ['SPEC001']);

    const expected = text.replace('- **FR-004**: Amounts must be written', '- **FR-004**: Amounts MUST be written');
    assert.notEqual(expected, text);
    assert.equal(applyWorkspaceEdit(text, fix.edit!, uri), expected);

    await client.applyEdit(uri, fix.edit!);
    assert.equal(client.text(uri), expected);
    const after = await client.waitForDiagnostics(uri, (x) => !hasCode(x, 'SPEC001'));
    // FR-004 is a MUST now; the only test naming it (test/invites.test.ts) is ambiguous, so it is uncovered (TRACE001),
    // like FR-003 on the line above.
    assert.deepEqual(codes(after), ['TRACE001', 'SPEC006', 'TRACE001', 'SPEC003', 'SPEC007']);
    assert.deepEqual(
      after.filter((x) => x.code === 'TRACE001').map((x) => x.range.start.line),
      [18, 19],
    );
  });

  it('offers "Disable RULE for this line" for every podflow diagnostic, and applying it silences only that one', async function () {
    const { client } = t;
    const { uri, text, diags } = await openWith(SPEC, ['SPEC006', 'SPEC007']);
    const all = await client.codeActions(uri, WHOLE_FILE, diags);
    assert.deepEqual(
      all.filter((a) => a.title.startsWith('Disable ')).map((a) => a.title),
      diags.map((x) => `Disable ${String(x.code)} for this line`),
    );
    const vague = diags.find((x) => x.code === 'SPEC006')!;
    const actions = await client.codeActions(uri, vague.range, [vague]);
    const disable = only(
      actions.filter((a) => a.title === 'Disable SPEC006 for this line'),
      'disable action',
    );
    assert.equal(disable.kind, CodeActionKind.QuickFix);
    const line = vague.range.start.line;
    const lines = text.split('\n');
    const expectedLines = [...lines];
    expectedLines[line] = `${lines[line]} <!-- podflow-disable-line SPEC006 -->`;
    assert.equal(applyWorkspaceEdit(text, disable.edit!, uri), expectedLines.join('\n'));

    await client.applyEdit(uri, disable.edit!);
    const after = await client.waitForDiagnostics(uri, (x) => !hasCode(x, 'SPEC006'));
    // TRACE001 on the same line (FR-003 has no test) stays: the comment names SPEC006 only.
    assert.deepEqual(codes(after), ['TRACE001', 'SPEC001', 'SPEC003', 'SPEC007']);
    assert.equal(after[0].range.start.line, line);

    // Diagnostics from other tools get no podflow actions.
    const foreign: Diagnostic = { ...vague, source: 'markdownlint', code: 'MD013' };
    assert.deepEqual(await client.codeActions(uri, vague.range, [foreign]), []);
  });

  it('"Fix all podflow problems in this file" (quickfix) fixes every fixable finding', async function () {
    const { client } = t;
    const { uri, text, diags } = await openWith(SPEC, ['SPEC001', 'SPEC003']);
    const d = diags.find((x) => x.code === 'SPEC003')!;
    const actions = await client.codeActions(uri, d.range, diags);
    const fixAll = only(
      actions.filter((a) => a.title === FIX_ALL),
      'fix-all quickfix',
    );
    assert.equal(fixAll.kind, CodeActionKind.QuickFix);
    assert.ok(!actions.some((a) => a.kind === 'source.fixAll.podflow'), 'no source action unless asked for with context.only');

    const expected = text
      .replace('Amounts must be written', 'Amounts MUST be written')
      .replace('- The system MUST refuse', '- **FR-007**: The system MUST refuse');
    assert.equal(applyWorkspaceEdit(text, fixAll.edit!, uri), expected);

    await client.applyEdit(uri, fixAll.edit!);
    assert.equal(client.text(uri), expected);
    const after = await client.waitForDiagnostics(uri, (x) => !hasCode(x, 'SPEC001') && !hasCode(x, 'SPEC003'));
    // The fixes make FR-004 a MUST and give the refusal the new id FR-007: no test cites either (TRACE001, no fix).
    assert.deepEqual(codes(after), ['TRACE001', 'SPEC006', 'TRACE001', 'TRACE001', 'SPEC007'], 'only findings without a fix remain');
    assert.deepEqual(
      after.filter((x) => x.code === 'TRACE001').map((x) => messageOf(x).split(' ')[0]),
      ['FR-003', 'FR-004', 'FR-007'],
    );
    assert.ok(after.every((x) => (x.data as { fix?: unknown } | undefined)?.fix === undefined));
  });

  it('fix-all keeps CRLF line ends and exact columns', async function () {
    const { client, ws } = t;
    const uri = ws.uri(SPEC);
    const text = ws.read(SPEC).replace(/\n/g, '\r\n');
    await client.open(uri, text);
    const diags = await client.waitForDiagnostics(uri, (d) => hasCode(d, 'SPEC001') && hasCode(d, 'SPEC003'));
    const fixAll = only(
      (await client.codeActions(uri, diags[0].range, diags)).filter((a) => a.title === FIX_ALL),
      'fix-all quickfix',
    );
    const expected = text
      .replace('Amounts must be written', 'Amounts MUST be written')
      .replace('- The system MUST refuse', '- **FR-007**: The system MUST refuse');
    assert.equal(applyWorkspaceEdit(text, fixAll.edit!, uri), expected);
    await client.applyEdit(uri, fixAll.edit!);
    assert.deepEqual(codes(await client.waitForDiagnostics(uri, (x) => !hasCode(x, 'SPEC001') && !hasCode(x, 'SPEC003'))), [
      'TRACE001',
      'SPEC006',
      'TRACE001',
      'TRACE001',
      'SPEC007',
    ]);
  });

  it('source.fixAll.podflow (requested with context.only) fixes every fixable finding', async function () {
    const { client } = t;
    const { uri, text, diags } = await openWith(PLANS, ['PLANS002']);
    // Editors ask for source.fixAll on save with no diagnostics in the context.
    const actions = await client.codeActions(uri, WHOLE_FILE, [], [CodeActionKind.SourceFixAll]);
    const fixAll = only(actions, 'source.fixAll action');
    assert.equal(fixAll.kind, 'source.fixAll.podflow');
    assert.equal(fixAll.title, FIX_ALL);

    const expected = text.replace('- Add the empty-month refusal.', '- [ ] Add the empty-month refusal.');
    assert.equal(applyWorkspaceEdit(text, fixAll.edit!, uri), expected);
    await client.applyEdit(uri, fixAll.edit!);
    const after = await client.waitForDiagnostics(uri, (x) => !hasCode(x, 'PLANS002'));
    assert.deepEqual(codes(after), ['PLANS001']);
    assert.ok(diags.length > after.length);

    // Asking for exactly our kind (or for all source actions) works too; asking for quickfix only does not return it.
    assert.deepEqual(await client.codeActions(uri, WHOLE_FILE, [], ['source.fixAll.podflow']), [], 'nothing left to fix');
  });

  it('source.fixAll.podflow and the fix-all quick fix make the same edit', async function () {
    const { client } = t;
    const { uri, text, diags } = await openWith(SPEC, ['SPEC001', 'SPEC003']);
    const bySource = async (kinds: string[]): Promise<CodeAction[]> => (await client.codeActions(uri, WHOLE_FILE, [], kinds)).filter((a) => a.title === FIX_ALL);
    const source = only(await bySource([CodeActionKind.SourceFixAll]), 'source.fixAll');
    assert.equal(only(await bySource(['source.fixAll.podflow']), 'source.fixAll.podflow').kind, 'source.fixAll.podflow');
    assert.equal(only(await bySource([CodeActionKind.Source]), 'source').kind, 'source.fixAll.podflow');
    assert.deepEqual(await bySource([CodeActionKind.QuickFix]), [], 'no diagnostics in context: no quickfix fix-all');
    assert.deepEqual(await bySource([CodeActionKind.Refactor]), []);

    const quick = only(
      (await client.codeActions(uri, diags[0].range, diags, [CodeActionKind.QuickFix])).filter((a) => a.title === FIX_ALL),
      'quickfix fix-all',
    );
    assert.equal(applyWorkspaceEdit(text, source.edit!, uri), applyWorkspaceEdit(text, quick.edit!, uri));
  });

  it('the AGENTS008 quick fix removes the duplicated bullet from the nested AGENTS.md', async function () {
    const { client } = t;
    const { uri, text, diags } = await openWith(API_AGENTS, ['AGENTS008']);
    const d = diags.find((x) => x.code === 'AGENTS008')!;
    const fix = only(
      (await client.codeActions(uri, d.range, [d])).filter((a) => a.title === 'Remove the duplicate bullet'),
      'AGENTS008 fix',
    );
    const expected = text.replace('- Money is integer cents (`number`), never floating point.\n', '');
    assert.equal(applyWorkspaceEdit(text, fix.edit!, uri), expected);
    await client.applyEdit(uri, fix.edit!);
    assert.deepEqual(await client.waitForDiagnostics(uri, (x) => !hasCode(x, 'AGENTS008')), []);
  });

  it('answers code actions for a document that is not open with an empty list', async function () {
    const { client, ws } = t;
    const uri = ws.uri(SPEC);
    const diags = await client.waitForCodes(uri, ['SPEC001']);
    assert.deepEqual(await client.codeActions(uri, diags[0].range, diags), []);
    assert.deepEqual(await client.codeActions(ws.uri('README.md'), WHOLE_FILE, []), []);
  });
});
