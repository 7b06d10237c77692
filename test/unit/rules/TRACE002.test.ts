import assert from 'node:assert/strict';
import { applyFix, findingsOf, makeProject, md, rangeOf } from '../helpers';

const RULE = 'TRACE002';
const SPEC_A = 'specs/001-export/spec.md';
const SPEC_2B = 'specs/2b-compile/spec.md';
const TEST = 'test/export.test.ts';

const SPECS = {
  [SPEC_A]: md('# Export', '', '- **FR-001**: Export MUST write rows.', '- **FR-002**: Export MUST quote fields.', '- **SC-010**: 99% of exports SHOULD finish in 1 s.'),
  [SPEC_2B]: md('# Compile', '', '- **FR-001**: Compile MUST work.', '- **FR-020**: Compile MUST log.'),
};

describe('TRACE002 unknown requirement id', () => {
  it('flags an id no spec defines, on the id, and its fix changes it to the closest id', () => {
    const test = md("it('exports rows (FR-0002)', () => {});", "it('quotes fields, FR-003', () => {});");
    const { project } = makeProject({ ...SPECS, [TEST]: test });
    const found = findingsOf(project, TEST, RULE);
    assert.deepEqual(
      found.map((f) => [rangeOf(f), f.severity, f.message, f.fix?.title]),
      [
        [[0, 18, 0, 25], 'warning', 'FR-0002 is not defined in any spec; did you mean FR-002?', 'Change to FR-002'],
        [[1, 19, 1, 25], 'warning', 'FR-003 is not defined in any spec; did you mean FR-001?', 'Change to FR-001'],
      ],
    );
    assert.equal(applyFix(test, found[0]), md("it('exports rows (FR-002)', () => {});", "it('quotes fields, FR-003', () => {});"));
  });

  it('a qualified or prefixed id is looked up in the spec it names; the fix changes the id and keeps the qualifier', () => {
    const test = md("it('001-export/FR-012', () => {});", '@pytest.mark.requirement("2B-FR-029")', "it('001-export/FR-020', () => {});");
    const { project } = makeProject({ ...SPECS, [TEST]: test });
    const found = findingsOf(project, TEST, RULE);
    assert.deepEqual(
      found.map((f) => [rangeOf(f), f.message]),
      [
        [[0, 4, 0, 21], 'FR-012 is not defined in 001-export; did you mean FR-002?'],
        [[1, 26, 1, 35], 'FR-029 is not defined in 2b-compile; did you mean FR-020?'],
        // FR-020 exists, but in 2b-compile: the suggestion comes from 001-export.
        [[2, 4, 2, 21], 'FR-020 is not defined in 001-export; did you mean FR-001?'],
      ],
    );
    assert.deepEqual(
      found.map((f) => f.fix?.edits.map((e) => [rangeOf(e), e.newText])),
      [[[[0, 15, 0, 21], 'FR-002']], [[[1, 29, 1, 35], 'FR-020']], [[[2, 15, 2, 21], 'FR-001']]],
    );
    const fixed = applyFix(applyFix(test, found[1]), found[0]);
    assert.equal(fixed, md("it('001-export/FR-002', () => {});", '@pytest.mark.requirement("2B-FR-020")', "it('001-export/FR-020', () => {});"));
    project.update(TEST, fixed);
    assert.deepEqual(findingsOf(project, TEST, RULE).map((f) => f.range.start.line), [2], 'the fixed references resolve');
  });

  it('a qualifier or prefix naming no spec says so, with no fix', () => {
    const { project } = makeProject({ ...SPECS, [TEST]: md("it('009-sync/FR-001', () => {});", '@pytest.mark.requirement("3A-FR-001")') });
    assert.deepEqual(
      findingsOf(project, TEST, RULE).map((f) => [rangeOf(f), f.message, f.fix]),
      [
        [[0, 4, 0, 19], 'No spec is named "009-sync" (in 009-sync/FR-001).', undefined],
        [[1, 26, 1, 35], 'No spec matches the prefix "3A" (in 3A-FR-001).', undefined],
      ],
    );
  });

  it('a range with unknown ids is flagged once per unknown id, on the range, with no fix', () => {
    const { project } = makeProject({ ...SPECS, [TEST]: md('// FR-001 to FR-004') });
    assert.deepEqual(
      findingsOf(project, TEST, RULE).map((f) => [rangeOf(f), f.message, f.fix]),
      [
        [[0, 3, 0, 19], 'FR-003 is not defined in any spec; did you mean FR-001?', undefined],
        [[0, 3, 0, 19], 'FR-004 is not defined in any spec; did you mean FR-001?', undefined],
      ],
    );
  });

  it('leaves id-shaped words whose prefix no spec uses alone (UTF-8, SHA-256, ISO-8601)', () => {
    const { project } = makeProject({ ...SPECS, [TEST]: md("it('writes UTF-8 with a SHA-256 and ISO-8601 dates', () => {});") });
    assert.deepEqual(findingsOf(project, TEST, RULE), []);
  });

  it('flags a Kiro reference to a criterion no spec has', () => {
    const kiro = md('# Editor', '', '### Requirement 1', '', '1. THE System SHALL save.');
    const { project } = makeProject(
      { '.kiro/specs/editor/requirements.md': kiro, [TEST]: md('// Validates: Requirements 1.1, 1.2') },
      { specGlobs: ['**/.kiro/specs/*/requirements.md'] },
    );
    assert.deepEqual(
      findingsOf(project, TEST, RULE).map((f) => [rangeOf(f), f.message]),
      [[[0, 14, 0, 35], '1.2 is not defined in any spec.']],
    );
  });

  it('goes when the spec gains the id, and can be turned off', () => {
    const files = { ...SPECS, [TEST]: md("it('FR-003', () => {});") };
    const { project, ws } = makeProject(files);
    assert.equal(findingsOf(project, TEST, RULE).length, 1);
    ws.files.set(SPEC_A, `${SPECS[SPEC_A]}- **FR-003**: Export MUST zip.\n`);
    assert.ok(project.update(SPEC_A).includes(TEST));
    assert.deepEqual(findingsOf(project, TEST, RULE), []);
    assert.deepEqual(findingsOf(makeProject(files, { rules: { TRACE002: 'off' } }).project, TEST, RULE), []);
    assert.deepEqual(findingsOf(makeProject(files, { rules: { TRACE002: 'error' } }).project, TEST, RULE).map((f) => f.severity), ['error']);
  });
});
