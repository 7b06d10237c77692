import assert from 'node:assert/strict';
import { provenanceOf } from '../../../server/src/features/learningsFeature';
import { makeProject, md } from '../helpers';

const SPEC = md(
  '# Export',
  '',
  '## Requirements',
  '',
  '### Requirement 5',
  '',
  '1. WHEN a user exports THEN the system SHALL write one row per invoice.',
  '- **FR-002**: The system MUST quote fields with commas.',
);
const FILES = { 'specs/001-export/spec.md': SPEC, 'test/csv.test.ts': "// @covers FR-002\ntest('x', () => {});\n" };
const cursor = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });

describe('learnings feature: provenance of a learning', () => {
  const { project } = makeProject(FILES);
  const located = (path: string) => ({ project, path, uriOf: (p: string) => `file:///ws/${p}` });

  it('names the active file by its workspace path, and the id under the cursor', () => {
    const p = provenanceOf(located('test/csv.test.ts'), 'file:///ws/test/csv.test.ts', FILES['test/csv.test.ts'], cursor(0, 13), '/ws');
    assert.deepEqual(p, { sourceFile: 'test/csv.test.ts', requirementId: 'FR-002' });
  });

  it('takes a spec requirement the cursor is on even when the id is not written (Kiro numbering)', () => {
    const p = provenanceOf(located('specs/001-export/spec.md'), 'file:///ws/specs/001-export/spec.md', SPEC, cursor(6, 40), '/ws');
    assert.equal(p.requirementId, '5.1');
  });

  it('has no id for a cursor on nothing, and the absolute path of a file outside the workspace', () => {
    assert.deepEqual(provenanceOf(located('test/csv.test.ts'), 'file:///ws/test/csv.test.ts', FILES['test/csv.test.ts'], cursor(1, 0), '/ws'), { sourceFile: 'test/csv.test.ts' });
    assert.deepEqual(provenanceOf(undefined, 'file:///elsewhere/notes.md', 'FR-1', cursor(0, 0), '/ws'), { sourceFile: '/elsewhere/notes.md' });
    assert.deepEqual(provenanceOf(undefined, 'untitled:Untitled-1', 'x', cursor(0, 0), '/ws'), {});
    assert.deepEqual(provenanceOf(undefined, undefined, undefined, undefined, '/ws'), {});
  });
});
