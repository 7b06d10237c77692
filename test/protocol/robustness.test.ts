import assert from 'node:assert/strict';
import { DiagnosticSeverity, FileChangeType } from 'vscode-languageserver-protocol';
import { useServer } from './fixture';
import { codes, hasCode, messageOf, TempWorkspace } from './lspClient';

const BINARY_SPEC = 'binary/SPEC.md';
const HUGE_AGENTS = 'huge/AGENTS.md';
const BROKEN_SPEC = 'specs/003-broken/spec.md';
const SPEC = 'specs/001-csv-export/spec.md';

/** 5 MB of plausible AGENTS.md bullets. */
function hugeAgents(): string {
  const line = '- Keep handlers small and name every exported function after what it returns.\n';
  return `# Generated instructions\n\n${line.repeat(Math.ceil((5 * 1024 * 1024) / line.length))}`;
}

function binaryBytes(): Buffer {
  const b = Buffer.alloc(4096);
  for (let i = 0; i < b.length; i++) b[i] = (i * 7919) % 256;
  return b;
}

const BROKEN_FRONT_MATTER = `---
status: [review
owner: value-engineering
---
# Broken front matter

## Summary

Something.

## Requirements

- **FR-001**: The system MUST do one thing.

## Out of scope

- Everything else.
`;

function hostileFiles(ws: TempWorkspace): void {
  ws.write(BINARY_SPEC, binaryBytes());
  ws.write(HUGE_AGENTS, hugeAgents());
  ws.write(BROKEN_SPEC, BROKEN_FRONT_MATTER);
}

describe('protocol: robustness', function () {
  const t = useServer({ setup: hostileFiles });

  it('a binary SPEC.md gets SPEC000 and nothing else', async function () {
    const diags = await t.client.waitForCodes(t.ws.uri(BINARY_SPEC), ['SPEC000']);
    assert.deepEqual(codes(diags), ['SPEC000']);
    assert.match(messageOf(diags[0]), /binary/);
    assert.equal(diags[0].source, 'podflow');
  });

  it('a 5 MB AGENTS.md gets AGENTS000 (not linted) and AGENTS001 (over the chain budget)', async function () {
    const diags = await t.client.waitForCodes(t.ws.uri(HUGE_AGENTS), ['AGENTS000', 'AGENTS001']);
    assert.deepEqual(codes(diags).sort(), ['AGENTS000', 'AGENTS001']);
    const notLinted = diags.find((d) => d.code === 'AGENTS000')!;
    assert.match(messageOf(notLinted), /maxFileBytes/);
    const budget = diags.find((d) => d.code === 'AGENTS001')!;
    assert.equal(budget.severity, DiagnosticSeverity.Error);
    assert.match(messageOf(budget), /KiB/);
  });

  it('broken YAML front matter gets SPEC009 on the front matter', async function () {
    const diags = await t.client.waitForCodes(t.ws.uri(BROKEN_SPEC), ['SPEC009']);
    const fm = diags.find((d) => d.code === 'SPEC009')!;
    assert.match(messageOf(fm), /not valid YAML/);
    assert.ok(fm.range.start.line <= 3, `SPEC009 on line ${fm.range.start.line + 1}, expected inside the front matter`);
    assert.equal(fm.severity, DiagnosticSeverity.Error);
  });

  it('the rest of the workspace is linted as usual alongside them', async function () {
    const { client, ws } = t;
    await client.waitForCodes(ws.uri(SPEC), ['SPEC001', 'SPEC003', 'SPEC006', 'SPEC007']);
    await client.waitForCodes(ws.uri('AGENTS.md'), ['AGENTS005']);
    await client.waitForCodes(ws.uri('packages/api/AGENTS.md'), ['AGENTS008']);
  });

  it('stays responsive: after all that, a later didOpen still gets diagnostics', async function () {
    const { client, ws } = t;
    await client.waitForCodes(ws.uri(HUGE_AGENTS), ['AGENTS000']);
    await client.waitForCodes(ws.uri(BINARY_SPEC), ['SPEC000']);
    await client.waitForCodes(ws.uri(BROKEN_SPEC), ['SPEC009']);

    const uri = ws.uri('specs/004-new/spec.md');
    await client.open(uri, '# New\n\n## Requirements\n\n- **FR-001**: The export must be signed.\n');
    const diags = await client.waitForCodes(uri, ['SPEC001'], [], 3000);
    assert.deepEqual(diags.find((d) => d.code === 'SPEC001')?.range, { start: { line: 4, character: 25 }, end: { line: 4, character: 29 } });
    assert.ok(client.alive);
  });

  it('opens and edits the 5 MB AGENTS.md over the protocol, then fixes it', async function () {
    const { client, ws } = t;
    const uri = ws.uri(HUGE_AGENTS);
    await client.waitForCodes(uri, ['AGENTS000']);
    await client.open(uri, ws.read(HUGE_AGENTS));
    const since = client.mark();
    // Cut it to its first 4 lines in one incremental change: now small enough to lint.
    const lines = client.text(uri).split('\n').length;
    await client.replace(uri, { start: { line: 4, character: 0 }, end: { line: lines - 1, character: 0 } }, '');
    const small = await client.waitForDiagnostics(uri, (d) => !hasCode(d, 'AGENTS000') && !hasCode(d, 'AGENTS001'), 10_000, since);
    assert.ok(!codes(small).includes('AGENTS000'));
    assert.equal(client.text(uri).split('\n').length, 5);
  });

  it('a binary file opened as a spec is reported, and replacing its text with Markdown lints it', async function () {
    const { client, ws } = t;
    const uri = ws.uri(BINARY_SPEC);
    await client.waitForCodes(uri, ['SPEC000']);
    const garbage = binaryBytes().toString('latin1');
    await client.open(uri, garbage);
    const since = client.mark();
    await client.waitForCodes(uri, ['SPEC000'], [], 5000, since);
    const lines = client.text(uri).split(/\r\n|\r|\n/);
    const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
    await client.replace(uri, { start: { line: 0, character: 0 }, end }, '# Spec\n\n## Requirements\n\n- **FR-001**: It Must work.\n');
    await client.waitForCodes(uri, ['SPEC001'], ['SPEC000']);
  });

  it('a broken spec fixed on disk (didChangeWatchedFiles Changed) loses its SPEC009', async function () {
    const { client, ws } = t;
    const uri = ws.uri(BROKEN_SPEC);
    await client.waitForCodes(uri, ['SPEC009']);
    ws.write(BROKEN_SPEC, BROKEN_FRONT_MATTER.replace('status: [review', 'status: review'));
    await client.watchedFilesChanged([{ uri, type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(uri, (d) => !hasCode(d, 'SPEC009'));
  });

  it('notifications and requests for files outside the workspace or of other schemes are ignored', async function () {
    const { client, ws } = t;
    await client.waitForCodes(ws.uri(SPEC), ['SPEC001']);
    await client.open('untitled:Untitled-1', '# SPEC\n\n- **FR-001**: it must.\n');
    await client.open('file:///nonexistent-podflow-dir/SPEC.md', '- **FR-001**: it must.\n');
    await client.watchedFilesChanged([{ uri: 'file:///nonexistent-podflow-dir/SPEC.md', type: FileChangeType.Deleted }]);
    const actions = await client.codeActions('untitled:Untitled-1', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []);
    assert.deepEqual(actions, []);
    // Still serving the workspace.
    const uri = ws.uri('specs/005-late/spec.md');
    await client.open(uri, '# Late\n\n- **FR-001**: It should work.\n');
    await client.waitForCodes(uri, ['SPEC001']);
    assert.equal(client.diagnostics('untitled:Untitled-1'), undefined);
  });
});
