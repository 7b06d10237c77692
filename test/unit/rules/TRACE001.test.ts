import assert from 'node:assert/strict';
import { crlf, findingsOf, makeProject, md, rangeOf } from '../helpers';

const RULE = 'TRACE001';
const SPEC = 'specs/001-export/spec.md';
const TEST = 'test/export.test.ts';

const spec = md(
  '# Export', // 0
  '', // 1
  '## Requirements', // 2
  '', // 3
  '- **FR-001**: Export MUST write one row per invoice.', // 4
  '- **FR-002**: Export MUST NOT drop rows.', // 5
  '- [FR-003] Export SHALL quote fields.', // 6
  '- FR-004: A header row is REQUIRED.', // 7
  '- **FR-005**: Export SHOULD be fast.', // 8
);

describe('TRACE001 uncovered MUST', () => {
  it('flags each MUST-level requirement no test cites, on its id', () => {
    const { project } = makeProject({ [SPEC]: spec, [TEST]: md("it('FR-002 keeps rows', () => {});") });
    const found = findingsOf(project, SPEC, RULE);
    assert.deepEqual(
      found.map((f) => [rangeOf(f), f.severity, f.message]),
      [
        [[4, 4, 4, 10], 'warning', 'FR-001 (MUST) is cited by no test: add a test that names FR-001.'],
        [[6, 3, 6, 9], 'warning', 'FR-003 (SHALL) is cited by no test: add a test that names FR-003.'],
        [[7, 2, 7, 8], 'warning', 'FR-004 (REQUIRED) is cited by no test: add a test that names FR-004.'],
      ],
    );
    assert.ok(found.every((f) => f.fix === undefined && f.fixes === undefined));
  });

  it('goes once a test cites the id, in any form', () => {
    const test = md("it('001-export/FR-001', () => {});", '// FR-002 to FR-004');
    const { project } = makeProject({ [SPEC]: spec, [TEST]: test });
    assert.deepEqual(findingsOf(project, SPEC, RULE), []);
  });

  it('sits on the keyword when the id is not written in the requirement (Kiro criteria)', () => {
    const kiro = md('# Editor', '', '### Requirement 2', '', '1. WHEN a user saves, THE System SHALL store the file.');
    const { project } = makeProject({ '.kiro/specs/editor/requirements.md': kiro }, { specGlobs: ['**/.kiro/specs/*/requirements.md'] });
    assert.deepEqual(
      findingsOf(project, '.kiro/specs/editor/requirements.md', RULE).map((f) => [rangeOf(f), f.message]),
      [[[4, 33, 4, 38], '2.1 (SHALL) is cited by no test: add a test that names 2.1.']],
    );
  });

  it('leaves SHOULD/MAY and MUSTs without an id (SPEC003 asks for the id) alone', () => {
    const { project } = makeProject({ [SPEC]: md('# Export', '', '- **FR-001**: Export SHOULD be fast.', '- Export MUST log.', '- **FR-002**: Export MAY zip.') });
    assert.deepEqual(findingsOf(project, SPEC, RULE), []);
  });

  it('takes its severity from podflow.rules, "off" included', () => {
    const files = { [SPEC]: spec, [TEST]: md("it('FR-002 FR-003 FR-004', () => {});") };
    assert.deepEqual(findingsOf(makeProject(files, { rules: { TRACE001: 'error' } }).project, SPEC, RULE).map((f) => f.severity), ['error']);
    assert.deepEqual(findingsOf(makeProject(files, { rules: { TRACE001: 'off' } }).project, SPEC, RULE), []);
  });

  it('honours suppression comments in the spec', () => {
    const text = spec.replace('- **FR-001**', '<!-- podflow-disable-next-line TRACE001 -->\n- **FR-001**');
    const { project } = makeProject({ [SPEC]: text, [TEST]: md("it('FR-002 FR-003 FR-004', () => {});") });
    assert.deepEqual(findingsOf(project, SPEC, RULE), []);
  });

  it('keeps exact columns with CRLF', () => {
    const { project } = makeProject({ [SPEC]: crlf(spec), [TEST]: md("it('FR-002 FR-003 FR-004', () => {});") });
    assert.deepEqual(findingsOf(project, SPEC, RULE).map(rangeOf), [[4, 4, 4, 10]]);
  });
});
