import assert from 'node:assert/strict';
import { WorkspaceEdit } from 'vscode-languageserver';
import { codeLenses } from '../../../server/src/features/codeLens';
import { prepareRename, rename } from '../../../server/src/features/rename';
import { applyEdits, md } from '../helpers';
import { at, FILES, JS_TEST, OTHER_TEST, project, PY_TEST, SPEC_A, SPEC_B, uriOf } from './fixture';

/** The files a WorkspaceEdit changes, with the edits applied. */
function applied(edit: WorkspaceEdit | null, files: Record<string, string> = FILES): Record<string, string> {
  assert.ok(edit?.changes, 'a workspace edit');
  const out: Record<string, string> = {};
  for (const [uri, edits] of Object.entries(edit.changes)) {
    const path = uri.replace('file:///ws/', '');
    out[path] = applyEdits(files[path], edits);
  }
  return out;
}

describe('features/rename', () => {
  describe('prepareRename', () => {
    it('accepts a written requirement id, in a spec or in a test reference that resolves to one requirement', () => {
      const p = project();
      assert.deepEqual(prepareRename(p, SPEC_A, at(SPEC_A, 'FR-002', 3)), { range: { start: { line: 5, character: 4 }, end: { line: 5, character: 10 } }, placeholder: 'FR-002' });
      assert.deepEqual(prepareRename(p, JS_TEST, at(JS_TEST, '001-export/FR-001', 2)), {
        range: { start: { line: 1, character: 17 }, end: { line: 1, character: 23 } },
        placeholder: 'FR-001',
      });
    });

    it('refuses what is not an id: prose, keywords, a MUST without an id, a test name', () => {
      const p = project();
      assert.equal(prepareRename(p, SPEC_A, at(SPEC_A, 'Export MUST zip')), null);
      assert.equal(prepareRename(p, SPEC_A, at(SPEC_A, 'MUST zip')), null);
      assert.equal(prepareRename(p, SPEC_A, at(SPEC_A, 'Export MUST refuse', 8)), null);
      assert.equal(prepareRename(p, JS_TEST, at(JS_TEST, 'quotes fields')), null);
      assert.equal(prepareRename(p, 'README.md', { line: 0, character: 0 }), null);
    });

    it('refuses ranges, ambiguous and unknown references, and implicit (Kiro) ids', () => {
      const p = project();
      assert.equal(prepareRename(p, OTHER_TEST, at(OTHER_TEST, 'FR-004', 2)), null, 'one end of a range');
      assert.equal(prepareRename(p, OTHER_TEST, at(OTHER_TEST, ' to ', 2)), null, 'the middle of a range');
      assert.equal(prepareRename(p, OTHER_TEST, at(OTHER_TEST, 'FR-001')), null, 'ambiguous');
      assert.equal(prepareRename(p, OTHER_TEST, at(OTHER_TEST, 'FR-099')), null, 'unknown');
      const kiro = project({ 'SPEC.md': md('# X', '', '### Requirement 1', '', '1. THE System SHALL save.') });
      assert.equal(prepareRename(kiro, 'SPEC.md', { line: 4, character: 20 }), null);
    });
  });

  describe('rename', () => {
    const renamedFR002 = {
      [SPEC_A]: FILES[SPEC_A].replace(/FR-002/g, 'FR-020'),
      [JS_TEST]: FILES[JS_TEST].replace(/FR-002/g, 'FR-020'),
      [PY_TEST]: FILES[PY_TEST].replace(/FR-002/g, 'FR-020'),
      [SPEC_B]: FILES[SPEC_B].replace(/FR-002/g, 'FR-020'),
    };

    it('from the spec: the id, its mentions in the spec and other specs, and every test citing it', () => {
      const edit = rename(project(), SPEC_A, at(SPEC_A, 'FR-002'), 'FR-020', uriOf);
      assert.deepEqual(applied(edit), renamedFR002);
      assert.equal(edit!.changes![uriOf(JS_TEST)].length, 3);
    });

    it('from a test reference: the same edit', () => {
      assert.deepEqual(applied(rename(project(), PY_TEST, at(PY_TEST, 'FR-002'), 'FR-020', uriOf)), renamedFR002);
    });

    it('keeps the coverage: the renamed requirement is cited by the same tests', () => {
      const p = project({ ...FILES, ...renamedFR002 });
      assert.equal(codeLenses(p, SPEC_A, uriOf(SPEC_A), uriOf).find((l) => l.range.start.line === 5)?.command?.title, '✓ 3 tests');
    });

    it('renames only the spec a qualified id names, and leaves ambiguous references and the other spec alone', () => {
      const edit = rename(project(), JS_TEST, at(JS_TEST, '001-export/FR-001', 12), 'FR-101', uriOf);
      assert.deepEqual(applied(edit), {
        [SPEC_A]: FILES[SPEC_A].replace('**FR-001**', '**FR-101**'),
        [JS_TEST]: FILES[JS_TEST].replace('001-export/FR-001', '001-export/FR-101'),
        [PY_TEST]: FILES[PY_TEST].replace('001-export/FR-001', '001-export/FR-101'),
      });
      assert.equal(edit!.changes![uriOf(OTHER_TEST)], undefined);
      assert.equal(edit!.changes![uriOf(SPEC_B)], undefined);
    });

    it('leaves a range that spells the id out as it is', () => {
      const edit = rename(project(), SPEC_A, at(SPEC_A, 'FR-004'), 'FR-040', uriOf);
      assert.deepEqual(applied(edit), {
        [SPEC_A]: FILES[SPEC_A].replace('FR-004', 'FR-040'),
        [JS_TEST]: FILES[JS_TEST].replace('FR-004', 'FR-040'),
      });
    });

    it('gives null where prepareRename refuses', () => {
      assert.equal(rename(project(), OTHER_TEST, at(OTHER_TEST, 'FR-001'), 'FR-100', uriOf), null);
      assert.equal(rename(project(), SPEC_A, at(SPEC_A, 'Export MUST zip'), 'FR-100', uriOf), null);
    });
  });
});
