import assert from 'node:assert/strict';
import { useServer } from './fixture';
import { codes, hasCode, lineRangeWithBreak, messageOf, rangeOf } from './lspClient';

const SPEC = 'specs/001-csv-export/spec.md';
const ROOT_AGENTS = 'AGENTS.md';
const API_AGENTS = 'packages/api/AGENTS.md';

describe('protocol: editing documents', function () {
  const t = useServer();

  it('an incremental change that adds a defect adds its diagnostic, and fixing it removes it', async function () {
    const { client, ws } = t;
    const uri = ws.uri(SPEC);
    await client.waitForCodes(uri, ['SPEC001']);
    await client.open(uri, ws.read(SPEC));
    const before = await client.waitForCodes(uri, ['SPEC001', 'SPEC003', 'SPEC006', 'SPEC007']);

    // "The export SHOULD include a header row." -> "should": a new SPEC001 on line 22.
    const line = rangeOf(client.text(uri), 'SHOULD include').start;
    const should = { start: line, end: { line: line.line, character: line.character + 'SHOULD'.length } };
    await client.replace(uri, should, 'should');
    const broken = await client.waitForDiagnostics(uri, (d) => d.filter((x) => x.code === 'SPEC001').length === 2);
    const added = broken.find((d) => d.code === 'SPEC001' && d.range.start.line === should.start.line);
    assert.ok(added, `no SPEC001 on line ${should.start.line + 1}: ${codes(broken).join(', ')}`);
    assert.deepEqual(added.range, should);
    assert.match(messageOf(added), /"should"/);

    // Typing over it again (two changes in one notification) fixes it.
    await client.change(uri, [
      { range: { start: should.start, end: { line: should.start.line, character: should.start.character + 3 } }, text: 'SHO' },
      { range: { start: { line: should.start.line, character: should.start.character + 3 }, end: should.end }, text: 'ULD' },
    ]);
    const fixed = await client.waitForDiagnostics(uri, (d) => d.filter((x) => x.code === 'SPEC001').length === 1);
    assert.deepEqual(codes(fixed), codes(before));
    assert.equal(client.text(uri), ws.read(SPEC));
  });

  it('a new requirement without an id gets SPEC003 naming the next free id', async function () {
    const { client, ws } = t;
    const uri = ws.uri(SPEC);
    await client.open(uri, ws.read(SPEC));
    await client.waitForCodes(uri, ['SPEC003']);
    const at = rangeOf(client.text(uri), '## Out of scope').start.line - 1;
    await client.replace(uri, { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, '- Exports MUST be logged.\n');
    const diags = await client.waitForDiagnostics(uri, (d) => d.filter((x) => x.code === 'SPEC003').length === 2);
    const added = diags.find((d) => d.code === 'SPEC003' && d.range.start.line === at);
    assert.ok(added);
    assert.match(messageOf(added), /FR-008/);
  });

  it('closing an edited document goes back to the file on disk', async function () {
    const { client, ws } = t;
    const uri = ws.uri(SPEC);
    await client.open(uri, ws.read(SPEC));
    await client.waitForCodes(uri, ['SPEC007']);
    const clarification = rangeOf(client.text(uri), ' [NEEDS CLARIFICATION: per-team prefix?]');
    await client.replace(uri, clarification, '');
    await client.waitForCodes(uri, ['SPEC001'], ['SPEC007']);
    await client.close(uri);
    await client.waitForCodes(uri, ['SPEC001', 'SPEC007']);
  });

  it('editing a parent AGENTS.md re-lints the nested AGENTS.md that was never opened', async function () {
    const { client, ws } = t;
    const rootUri = ws.uri(ROOT_AGENTS);
    const apiUri = ws.uri(API_AGENTS);
    await client.waitForCodes(apiUri, ['AGENTS008']);
    await client.open(rootUri, ws.read(ROOT_AGENTS));
    await client.waitForCodes(rootUri, ['AGENTS005']);

    // Remove "- Money is integer cents ..." from the root file: the nested file no longer repeats it.
    const money = rangeOf(client.text(rootUri), '- Money is integer cents').start.line;
    await client.replace(rootUri, lineRangeWithBreak(money), '');
    const api = await client.waitForDiagnostics(apiUri, (d) => !hasCode(d, 'AGENTS008'));
    assert.deepEqual(api, []);

    // Put it back (unsaved buffer still): the duplicate returns.
    await client.replace(rootUri, { start: { line: money, character: 0 }, end: { line: money, character: 0 } }, '- Money is integer cents (`number`), never floating point.\n');
    await client.waitForCodes(apiUri, ['AGENTS008']);

    // Closing the buffer without saving: the disk version (with the bullet) stays authoritative.
    await client.replace(rootUri, lineRangeWithBreak(money), '');
    await client.waitForDiagnostics(apiUri, (d) => !hasCode(d, 'AGENTS008'));
    await client.close(rootUri);
    await client.waitForCodes(apiUri, ['AGENTS008']);
  });

  it('unsaved parent edits still count after a configuration change re-lints the workspace', async function () {
    const { client, ws } = t;
    const rootUri = ws.uri(ROOT_AGENTS);
    const apiUri = ws.uri(API_AGENTS);
    await client.waitForCodes(apiUri, ['AGENTS008']);
    await client.open(rootUri, ws.read(ROOT_AGENTS));
    const money = rangeOf(client.text(rootUri), '- Money is integer cents').start.line;
    await client.replace(rootUri, lineRangeWithBreak(money), '');
    await client.waitForDiagnostics(apiUri, (d) => !hasCode(d, 'AGENTS008'));

    const since = client.mark();
    await client.changeConfiguration({ podflow: { rules: { AGENTS007: 'off' } } });
    await client.waitForCodes(rootUri, ['AGENTS005'], ['AGENTS007'], 5000, since);
    const api = await client.waitForDiagnostics(apiUri, () => true, 5000, since);
    assert.deepEqual(codes(api), [], 'the nested file is linted against the open buffer of its parent, not the file on disk');
  });

  it('an unsaved package.json buffer is what AGENTS.md script checks read', async function () {
    const { client, ws } = t;
    const rootUri = ws.uri(ROOT_AGENTS);
    await client.waitForCodes(rootUri, ['AGENTS005']);
    const pkgUri = ws.uri('package.json');
    await client.open(pkgUri, ws.read('package.json'), 'json');
    const lint = rangeOf(client.text(pkgUri), '"lint": "eslint ."');
    await client.replace(pkgUri, lint, '"lint": "eslint .",\n    "lint:fix": "eslint . --fix"');
    await client.waitForDiagnostics(rootUri, (d) => !hasCode(d, 'AGENTS005'));
    assert.equal(client.diagnostics(pkgUri), undefined, 'package.json itself is not a podflow document');
    // Closing without saving: the script is gone again.
    await client.close(pkgUri);
    await client.waitForCodes(rootUri, ['AGENTS005']);
  });

  it('a document opened under a different URI spelling is linted and published under that URI', async function () {
    const { client, ws } = t;
    // Editors may percent-encode characters Node leaves alone; the server must answer on the URI it was given.
    await client.waitForCodes(ws.uri(SPEC), ['SPEC001']);
    const uri = ws.uri(SPEC).replace('001-csv-export', '001%2Dcsv%2Dexport');
    await client.open(uri, ws.read(SPEC));
    const diags = await client.waitForCodes(uri, ['SPEC001', 'SPEC007']);
    assert.ok(diags.length >= 4);
    // ... and the diagnostics published earlier under the plain URI are withdrawn, not duplicated.
    await client.waitForDiagnostics(ws.uri(SPEC), (d) => d.length === 0);
  });
});
