import assert from 'node:assert/strict';
import { applyEdits, findingsOf, makeProject, md, rangeOf } from '../helpers';

const RULE = 'TRACE005';
const SPEC_A = 'specs/001-export/spec.md';
const SPEC_B = 'specs/002-import/spec.md';
const TEST = 'test/io.test.ts';

const SPECS = {
  [SPEC_A]: md('# Export', '', '- **FR-001**: Export MUST write rows.', '- **FR-002**: Export MUST quote.'),
  [SPEC_B]: md('# Import', '', '- **FR-001**: Import MUST read rows.', '- **FR-002**: Import MUST unquote.'),
};

describe('TRACE005 ambiguous reference', () => {
  it('flags an id two specs define, on the reference, with one "qualify" fix per spec', () => {
    const test = md("it('round-trips rows (FR-001)', () => {});");
    const { project } = makeProject({ ...SPECS, [TEST]: test });
    const [f, ...rest] = findingsOf(project, TEST, RULE);
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [0, 22, 0, 28]);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, `FR-001 is defined in 2 specs (${SPEC_A}, ${SPEC_B}): qualify it, e.g. 001-export/FR-001.`);
    assert.equal(f.fix, undefined, 'fix-all must not pick a spec');
    assert.deepEqual(
      f.fixes?.map((x) => [x.title, applyEdits(test, x.edits)]),
      [
        ['Qualify as 001-export/FR-001', md("it('round-trips rows (001-export/FR-001)', () => {});")],
        ['Qualify as 002-import/FR-001', md("it('round-trips rows (002-import/FR-001)', () => {});")],
      ],
    );
  });

  it('goes once qualified, and the qualified test covers that spec only', () => {
    const { project } = makeProject({ ...SPECS, [TEST]: md("it('FR-001', () => {});") });
    const fixes = findingsOf(project, TEST, RULE)[0].fixes!;
    assert.deepEqual(project.update(TEST, applyEdits(md("it('FR-001', () => {});"), fixes[1].edits)).sort(), [SPEC_A, SPEC_B, TEST]);
    assert.deepEqual(project.findings(TEST), []);
    assert.equal(project.trace.coverageOf(SPEC_B, 'FR-001')!.covering.length, 1);
    assert.equal(project.trace.coverageOf(SPEC_A, 'FR-001')!.covering.length, 0);
  });

  it('a range over ambiguous ids is flagged once per id, without fixes', () => {
    const { project } = makeProject({ ...SPECS, [TEST]: md('// FR-001 to FR-002') });
    assert.deepEqual(
      findingsOf(project, TEST, RULE).map((f) => [rangeOf(f), f.message.split(':')[0], f.fixes]),
      [
        [[0, 3, 0, 19], `FR-001 is defined in 2 specs (${SPEC_A}, ${SPEC_B})`, undefined],
        [[0, 3, 0, 19], `FR-002 is defined in 2 specs (${SPEC_A}, ${SPEC_B})`, undefined],
      ],
    );
  });

  it('is not raised for a test inside a feature folder, a qualified id or a configured prefix', () => {
    const { project } = makeProject(
      {
        ...SPECS,
        'specs/001-export/tests/export.test.ts': md("it('FR-001', () => {});"),
        'test/a.test.ts': md("it('002-import/FR-001', () => {});"),
        'tests/test_b.py': md('@pytest.mark.requirement("1E-FR-002")'),
      },
      { 'trace.specPrefixes': { '1E': 'specs/001-export' } },
    );
    for (const p of ['specs/001-export/tests/export.test.ts', 'test/a.test.ts', 'tests/test_b.py']) assert.deepEqual(project.findings(p), [], p);
  });

  it('takes its severity from podflow.rules, "off" included', () => {
    const files = { ...SPECS, [TEST]: md("it('FR-001', () => {});") };
    assert.deepEqual(findingsOf(makeProject(files, { rules: { TRACE005: 'error' } }).project, TEST, RULE).map((f) => f.severity), ['error']);
    assert.deepEqual(findingsOf(makeProject(files, { rules: { TRACE005: 'off' } }).project, TEST, RULE), []);
  });
});
