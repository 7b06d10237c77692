import assert from 'node:assert/strict';
import { reportLink } from '../../../server/src/features/traceFeatures';

describe('features/coverage report links', () => {
  it('are relative to the folder the report is written to, with the line as #L', () => {
    assert.equal(reportLink('/work/app', 'specs/001-x/spec.md', 18, '/home/u/.storage/podflow'), '../../../../work/app/specs/001-x/spec.md#L19');
  });

  it('encode spaces and fall back to the absolute path without a report folder', () => {
    assert.equal(reportLink('/work/my app', 'SPEC.md', 0, '/work/my app/.r'), '../SPEC.md#L1');
    assert.equal(reportLink('/work/my app', 'SPEC.md', 4, undefined), '/work/my%20app/SPEC.md#L5');
  });
});
