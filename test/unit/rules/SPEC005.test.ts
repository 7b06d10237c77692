import assert from 'node:assert/strict';
import { lintOne, md, rangeOf } from '../helpers';

const RULE = 'SPEC005';
const lint = (text: string): ReturnType<typeof lintOne> => lintOne(RULE, text, 'SPEC.md');

describe('SPEC005 inconsistent id style', () => {
  it('flags an unpadded id next to zero-padded ones of the same prefix', () => {
    const [f, ...rest] = lint(md('- **FR-001**: A MUST be.', '- **FR-002**: B MUST be.', '- **FR-12**: C MUST be.'));
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [2, 4, 2, 9]);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, 'Id style differs: FR-12 next to FR-001; pad FR- numbers to 3 digits.');
  });

  it('flags a different padding width', () => {
    const [f] = lint(md('- **FR-001**: A MUST be.', '- **FR-0002**: B MUST be.'));
    assert.deepEqual(rangeOf(f), [1, 4, 1, 11]);
    assert.match(f.message, /FR-0002 next to FR-001/);
  });

  it('takes the style from the first padded id, even when an unpadded one comes first', () => {
    const [f] = lint(md('- **FR-7**: A MUST be.', '- **FR-008**: B MUST be.'));
    assert.deepEqual(rangeOf(f), [0, 4, 0, 8]);
    assert.match(f.message, /FR-7 next to FR-008; pad FR- numbers to 3 digits/);
  });

  it('handles level-prefixed ids (REQ-d00004 next to REQ-d4)', () => {
    const [f] = lint(md('# REQ-d00004: Login', '', '# REQ-d4: Logout'));
    assert.deepEqual(rangeOf(f), [2, 2, 2, 8]);
    assert.match(f.message, /pad REQ-d numbers to 5 digits/);
  });

  describe('does not fire', () => {
    it('when every id is padded the same way', () => {
      assert.deepEqual(lint(md('- **FR-001**: A MUST be.', '- **FR-010**: B MUST be.', '- **FR-100**: C MUST be.', '- **FR-1000**: D MUST be.')), []);
    });

    it('on a spec that never pads (FR-1, FR-12, FR-1.1)', () => {
      assert.deepEqual(lint(md('- FR-1: A MUST be.', '- FR-12: B MUST be.', '- FR-1.1: C MUST be.')), []);
    });

    it('across different prefixes (FR-001 next to SC-1)', () => {
      assert.deepEqual(lint(md('- **FR-001**: A MUST be.', '- **SC-1**: B MUST be.')), []);
    });

    it('on ids that are only mentioned, or in a table of examples', () => {
      assert.deepEqual(lint(md('- **FR-001**: A MUST be, unlike FR-12.', '', '| Example | Note |', '|---|---|', '| FR-12 | unpadded |')), []);
    });
  });
});
