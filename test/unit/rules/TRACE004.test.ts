import assert from 'node:assert/strict';
import { severityFrom, specTraceFindings } from '../../../server/src/trace/traceFindings';
import { makeProject, md, rangeOf } from '../helpers';

const RULE = 'TRACE004';
const SPEC = 'specs/001-export/spec.md';

const FILES = {
  [SPEC]: md('# Export', '', '- **FR-001**: Export MUST write rows.', '- **FR-002**: Export MUST quote fields.', '- **FR-003**: Export MUST zip.'),
  'test/export.test.ts': md("it('FR-001 rows', () => {});", "it('FR-002 quoting', () => {});", "it.skip('FR-003 zip', () => {});"),
};

/**
 * TRACE004 needs test results: the project decides from its JUnit reports which
 * requirements only have failed tests; here that decision is given directly.
 */
function trace004(failed: string[], rules: Record<string, 'error' | 'warning' | 'off'> = {}): ReturnType<typeof specTraceFindings> {
  const { project } = makeProject(FILES);
  return specTraceFindings(project.trace, SPEC, severityFrom(rules), (spec, id) => spec === SPEC && failed.includes(id)).filter((f) => f.ruleId === RULE);
}

describe('TRACE004 every test citing a MUST failed', () => {
  it('flags a covered MUST whose tests all failed, on its id, as an error', () => {
    assert.deepEqual(
      trace004(['FR-002']).map((f) => [rangeOf(f), f.severity, f.message]),
      [[[3, 4, 3, 10], 'error', 'Every test citing FR-002 (MUST) failed in the latest test report.']],
    );
  });

  it('says nothing without results, and leaves uncovered and skipped-only MUSTs to TRACE001/TRACE003', () => {
    assert.deepEqual(trace004([]), []);
    assert.deepEqual(trace004(['FR-003']), []);
    const { project } = makeProject(FILES);
    assert.deepEqual(specTraceFindings(project.trace, SPEC, severityFrom({})).filter((f) => f.ruleId === RULE), []);
  });

  it('takes its severity from podflow.rules, "off" included', () => {
    assert.deepEqual(trace004(['FR-001'], { TRACE004: 'warning' }).map((f) => f.severity), ['warning']);
    assert.deepEqual(trace004(['FR-001'], { TRACE004: 'off' }), []);
  });
});
