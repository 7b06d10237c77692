import assert from 'node:assert/strict';
import { findingsOf, makeProject, md, rangeOf } from '../helpers';

const RULE = 'TRACE003';
const SPEC = 'specs/001-export/spec.md';

const spec = md('# Export', '', '- **FR-001**: Export MUST write rows.', '- **FR-002**: Export MUST NOT drop rows.', '- **FR-003**: Export SHOULD be fast.');

describe('TRACE003 MUST cited only by skipped tests', () => {
  it('flags a MUST whose every citing test is skipped, on its id, counting the tests', () => {
    const test = md(
      "describe.skip('export', () => {", // whole suite skipped
      "  it('FR-001 writes rows', () => {});",
      '});',
      "it.skip('FR-002 keeps rows', () => {});",
      "xit('FR-002 keeps rows again', () => {});",
      "it.skip('FR-003 is fast', () => {});",
    );
    const { project } = makeProject({ [SPEC]: spec, 'test/export.test.ts': test });
    assert.deepEqual(
      findingsOf(project, SPEC, RULE).map((f) => [rangeOf(f), f.severity, f.message]),
      [
        [[2, 4, 2, 10], 'warning', 'FR-001 (MUST) is cited only by 1 skipped test.'],
        [[3, 4, 3, 10], 'warning', 'FR-002 (MUST NOT) is cited only by 2 skipped tests.'],
      ],
    );
    assert.deepEqual(findingsOf(project, SPEC, 'TRACE001'), [], 'a skipped citation is not "no test"');
  });

  it('is not raised when one running test cites the id too, in any language', () => {
    const { project } = makeProject({
      [SPEC]: spec,
      'tests/test_export.py': md('@pytest.mark.skip(reason="slow")', 'def test_rows():', '    """FR-001"""', '', 'def test_drop():', '    """FR-002"""'),
      'export_test.go': md('func TestRows(t *testing.T) {', '\t// FR-001', '}'),
      'spec/export_spec.rb': md("xit 'FR-002 keeps rows' do", 'end'),
    });
    assert.deepEqual(findingsOf(project, SPEC, RULE), []);
  });

  it('flags tests skipped in Rust, Java and Go', () => {
    const { project } = makeProject({
      [SPEC]: spec,
      'tests/export.rs': md('#[test]', '#[ignore]', 'fn rows() { /* FR-001 */ }'),
      'src/test/java/ExportTest.java': md('class ExportTest {', '  @Disabled', '  @Test', '  void drop() { // FR-002', '  }', '}'),
      'export_test.go': md('func TestRows(t *testing.T) {', '\tt.Skip("later")', '\t// FR-002', '}'),
    });
    assert.deepEqual(
      findingsOf(project, SPEC, RULE).map((f) => f.message),
      ['FR-001 (MUST) is cited only by 1 skipped test.', 'FR-002 (MUST NOT) is cited only by 2 skipped tests.'],
    );
  });

  it('takes its severity from podflow.rules, "off" included', () => {
    const files = { [SPEC]: spec, 'test/a.test.ts': md("it.skip('FR-001 FR-002', () => {});") };
    assert.deepEqual(findingsOf(makeProject(files, { rules: { TRACE003: 'error' } }).project, SPEC, RULE).map((f) => f.severity), ['error', 'error']);
    assert.deepEqual(findingsOf(makeProject(files, { rules: { TRACE003: 'off' } }).project, SPEC, RULE), []);
  });
});
