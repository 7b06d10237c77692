import assert from 'node:assert/strict';
import { Location } from 'vscode-languageserver';
import { definition, references } from '../../../server/src/features/navigation';
import { at, FILES, JS_TEST, OTHER_TEST, project, PY_TEST, SPEC_A, SPEC_B, uriOf } from './fixture';

/** A location as `path line:start-end`. */
function loc(l: Location): string {
  return `${l.uri.replace('file:///ws/', '')} ${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`;
}

describe('features/navigation', () => {
  describe('definition', () => {
    it('goes from a test reference to the id of the requirement it names', () => {
      const p = project();
      assert.deepEqual(definition(p, JS_TEST, at(JS_TEST, '001-export/FR-001', 3), uriOf).map(loc), [`${SPEC_A} 4:4-10`]);
      assert.deepEqual(definition(p, JS_TEST, at(JS_TEST, 'FR-001', 6), uriOf).map(loc), [`${SPEC_A} 4:4-10`], 'the end of the reference counts');
      assert.deepEqual(definition(p, PY_TEST, at(PY_TEST, 'FR-002'), uriOf).map(loc), [`${SPEC_A} 5:4-10`]);
      assert.deepEqual(definition(p, JS_TEST, at(JS_TEST, '@covers FR-002', 10), uriOf).map(loc), [`${SPEC_A} 5:4-10`]);
    });

    it('offers every candidate of an ambiguous reference, and every requirement of a range', () => {
      const p = project();
      assert.deepEqual(definition(p, OTHER_TEST, at(OTHER_TEST, 'FR-001'), uriOf).map(loc), [`${SPEC_A} 4:4-10`, `${SPEC_B} 2:4-10`]);
      assert.deepEqual(definition(p, OTHER_TEST, at(OTHER_TEST, ' to ', 2), uriOf).map(loc), [`${SPEC_A} 7:4-10`, `${SPEC_A} 8:4-10`]);
      assert.deepEqual(definition(p, OTHER_TEST, at(OTHER_TEST, 'FR-005', 1), uriOf).map(loc), [`${SPEC_A} 8:4-10`], 'the id under the cursor');
    });

    it('finds nothing for an unknown id or away from references; a requirement is its own definition', () => {
      const p = project();
      assert.deepEqual(definition(p, OTHER_TEST, at(OTHER_TEST, 'FR-099'), uriOf), []);
      assert.deepEqual(definition(p, JS_TEST, at(JS_TEST, 'describe'), uriOf), []);
      assert.deepEqual(definition(p, SPEC_A, at(SPEC_A, 'FR-006'), uriOf).map(loc), [`${SPEC_A} 9:4-10`]);
    });
  });

  describe('references', () => {
    const FR002 = [`${JS_TEST} 2:13-19`, `${JS_TEST} 4:7-13`, `${JS_TEST} 6:6-12`, `${PY_TEST} 1:7-13`, `${SPEC_B} 3:38-44`];

    it('from a requirement: its declaration, every citing test reference, and mentions in other specs', () => {
      const p = project();
      assert.deepEqual(references(p, SPEC_A, at(SPEC_A, 'FR-002'), true, uriOf).map(loc), [`${SPEC_A} 5:4-10`, ...FR002]);
      assert.deepEqual(references(p, SPEC_A, at(SPEC_A, 'FR-002'), false, uriOf).map(loc), FR002);
      assert.equal(FILES[SPEC_B].split('\n')[3].slice(38, 44), 'FR-002');
    });

    it('from a test reference: the same list', () => {
      const p = project();
      assert.deepEqual(references(p, PY_TEST, at(PY_TEST, 'FR-002'), true, uriOf).map(loc), [`${SPEC_A} 5:4-10`, ...FR002]);
    });

    it('lists skipped tests, qualified references, ranges (at the written id) and ambiguous references', () => {
      const p = project();
      assert.deepEqual(references(p, SPEC_A, at(SPEC_A, 'FR-001'), false, uriOf).map(loc), [`${JS_TEST} 1:17-23`, `${OTHER_TEST} 0:4-10`, `${PY_TEST} 5:18-24`]);
      assert.deepEqual(references(p, SPEC_A, at(SPEC_A, 'FR-005'), false, uriOf).map(loc), [`${JS_TEST} 9:11-17`, `${OTHER_TEST} 2:13-19`]);
      assert.deepEqual(references(p, SPEC_B, at(SPEC_B, 'FR-001'), false, uriOf).map(loc), [`${OTHER_TEST} 0:4-10`], 'the qualified ones name 001-export');
    });

    it('a range covering an id it does not spell out is listed whole', () => {
      const p = project({ ...FILES, [OTHER_TEST]: '// FR-003..FR-005\n' });
      assert.deepEqual(references(p, SPEC_A, at(SPEC_A, 'FR-004'), false, uriOf).map(loc), [`${JS_TEST} 8:6-12`, `${OTHER_TEST} 0:3-17`]);
    });

    it('finds nothing away from ids', () => {
      assert.deepEqual(references(project(), SPEC_A, at(SPEC_A, 'Export MUST zip'), true, uriOf), []);
    });
  });
});
