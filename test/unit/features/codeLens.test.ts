import assert from 'node:assert/strict';
import { codeLenses, PEEK_COMMAND } from '../../../server/src/features/codeLens';
import { md } from '../helpers';
import { FILES, JS_TEST, project, PY_TEST, SPEC_A, SPEC_B, uriOf } from './fixture';

describe('features/codeLens', () => {
  it('puts a lens on every requirement with an id: ✓/✗ for MUSTs, plain counts for SHOULD/MAY', () => {
    const lenses = codeLenses(project(), SPEC_A, uriOf(SPEC_A), uriOf);
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title]),
      [
        [4, '✓ 1 test · 1 skipped'], // FR-001: one running, one skipped (Python)
        [5, '✓ 3 tests'], // FR-002: three tests, one of them citing it twice
        [6, '✗ no test'], // FR-003
        [7, '2 tests'], // FR-004 (SHOULD): a test and a file-level range
        [8, '1 test · 1 skipped'], // FR-005 (SHOULD)
        [9, '✗ 1 skipped test'], // FR-006 (MUST NOT)
        [10, 'no test'], // FR-007 (MAY)
        [11, '1 skipped test'], // FR-008 (SHOULD)
      ],
      'the MUST without an id (line 12) gets no lens: SPEC003 asks for its id',
    );
  });

  it('sits at the start of the requirement line and peeks the citing tests', () => {
    const lenses = codeLenses(project(), SPEC_A, uriOf(SPEC_A), uriOf);
    const fr002 = lenses.find((l) => l.range.start.line === 5)!;
    assert.deepEqual(fr002.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } });
    assert.equal(fr002.command?.command, PEEK_COMMAND);
    assert.equal(PEEK_COMMAND, 'podflow.peekTests');
    const [uri, position, locations] = fr002.command!.arguments as [string, unknown, { uri: string; range: unknown }[]];
    assert.equal(uri, uriOf(SPEC_A));
    assert.deepEqual(position, { line: 5, character: 4 }, 'the id of FR-002');
    assert.deepEqual(locations, [
      { uri: uriOf(JS_TEST), range: { start: { line: 2, character: 13 }, end: { line: 2, character: 19 } } },
      { uri: uriOf(JS_TEST), range: { start: { line: 6, character: 6 }, end: { line: 6, character: 12 } } },
      { uri: uriOf(PY_TEST), range: { start: { line: 1, character: 7 }, end: { line: 1, character: 13 } } },
    ]);
    const fr003 = lenses.find((l) => l.range.start.line === 6)!;
    assert.deepEqual(fr003.command!.arguments![2], []);
  });

  it('counts an ambiguous citation for neither spec', () => {
    assert.deepEqual(
      codeLenses(project(), SPEC_B, uriOf(SPEC_B), uriOf).map((l) => l.command?.title),
      ['✗ no test', 'no test'],
    );
  });

  it('follows edits: a test gaining a reference turns ✗ into ✓', () => {
    const p = project();
    p.update(JS_TEST, FILES[JS_TEST].replace("it('quotes fields'", "it('FR-003 zips and quotes fields'"));
    assert.equal(codeLenses(p, SPEC_A, uriOf(SPEC_A), uriOf).find((l) => l.range.start.line === 6)?.command?.title, '✓ 1 test');
  });

  it('gives nothing for files that are not specs', () => {
    assert.deepEqual(codeLenses(project(), JS_TEST, uriOf(JS_TEST), uriOf), []);
    assert.deepEqual(codeLenses(project({ 'AGENTS.md': md('# Agents', '- You MUST run tests.') }), 'AGENTS.md', uriOf('AGENTS.md'), uriOf), []);
  });
});
