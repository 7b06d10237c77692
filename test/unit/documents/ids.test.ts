import assert from 'node:assert/strict';
import { compileIdPattern, DEFAULT_ID_PATTERN, nextFreeId, paddedWidth, splitId } from '../../../server/src/documents/ids';

const ids = compileIdPattern(DEFAULT_ID_PATTERN);
const all = (text: string): string[] => [...text.matchAll(ids.global)].map((m) => m[0]);

describe('documents/ids', () => {
  describe('default id pattern', () => {
    for (const id of ['FR-001', 'SC-12', 'AUTH-3', 'FR-1.1', 'SPEC-01.10', 'SPEC-01.11a', 'SPEC-01.AC1', 'REQ-d00004', 'NFR-SEC-2', 'BR-3.3']) {
      it(`accepts ${id}`, () => {
        assert.deepEqual(all(`see ${id}.`), [id]);
        assert.equal(ids.anchored.exec(`${id}: x`)?.[0], id);
      });
    }

    for (const text of ['fr-001', 'FR001', 'FR-', 'X-FR-001a-b', 'my_FR-001', 'FR-001-x', 'FR-001_x', '2B-FR-001']) {
      it(`finds no id in "${text}"`, () => {
        // "2B-FR-001" is a prefixed test reference, not a definition: the 2B- prefix is a setting.
        assert.deepEqual(all(text), []);
      });
    }

    it('finds every id in a line, with their offsets', () => {
      assert.deepEqual(
        [...'FR-001, FR-002 and (SC-3)'.matchAll(ids.global)].map((m) => [m[0], m.index]),
        [
          ['FR-001', 0],
          ['FR-002', 8],
          ['SC-3', 20],
        ],
      );
    });

    it('anchors only at the start', () => {
      assert.equal(ids.anchored.exec('x FR-001'), null);
    });

    it('compiles a custom pattern', () => {
      const custom = compileIdPattern('US\\d+');
      assert.deepEqual([...'US12 and US3'.matchAll(custom.global)].map((m) => m[0]), ['US12', 'US3']);
      assert.equal(custom.source, 'US\\d+');
    });
  });

  describe('splitId / paddedWidth', () => {
    it('splits prefix and numeric parts', () => {
      assert.deepEqual(splitId('FR-001'), { prefix: 'FR-', parts: ['001'] });
      assert.deepEqual(splitId('FR-1.1'), { prefix: 'FR-', parts: ['1', '1'] });
      assert.deepEqual(splitId('SPEC-01.AC1'), { prefix: 'SPEC-', parts: ['01', 'AC1'] });
      assert.deepEqual(splitId('REQ-d00004'), { prefix: 'REQ-d', parts: ['00004'] });
      assert.deepEqual(splitId('NFR-SEC-2'), { prefix: 'NFR-SEC-', parts: ['2'] });
      assert.deepEqual(splitId('auth.login'), { prefix: 'auth.login', parts: [] });
    });

    it('measures zero padding of the first number', () => {
      assert.equal(paddedWidth('FR-001'), 3);
      assert.equal(paddedWidth('REQ-d00004'), 5);
      assert.equal(paddedWidth('SPEC-01.10'), 2);
      assert.equal(paddedWidth('FR-12'), 0);
      assert.equal(paddedWidth('FR-100'), 0);
      assert.equal(paddedWidth('FR-0'), 0);
    });
  });

  describe('nextFreeId', () => {
    it('increments the last number and keeps its padding', () => {
      assert.equal(nextFreeId('FR-006', new Set()), 'FR-007');
      assert.equal(nextFreeId('FR-099', new Set()), 'FR-100');
      assert.equal(nextFreeId('FR-999', new Set()), 'FR-1000');
      assert.equal(nextFreeId('SPEC-01.10', new Set()), 'SPEC-01.11');
      assert.equal(nextFreeId('SPEC-01.AC1', new Set()), 'SPEC-01.AC2');
      assert.equal(nextFreeId('REQ-d00004', new Set()), 'REQ-d00005');
      assert.equal(nextFreeId('FR-1.9', new Set()), 'FR-1.10');
    });

    it('drops a letter suffix (SPEC-01.11a -> SPEC-01.12)', () => {
      assert.equal(nextFreeId('SPEC-01.11a', new Set()), 'SPEC-01.12');
    });

    it('skips ids that are taken', () => {
      assert.equal(nextFreeId('FR-001', new Set(['FR-002', 'FR-003', 'FR-005'])), 'FR-004');
    });

    it('appends a number to an id without one', () => {
      assert.equal(nextFreeId('auth.login', new Set()), 'auth.login-1');
    });
  });
});
