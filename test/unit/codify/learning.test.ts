import assert from 'node:assert/strict';
import { normalizeLearning } from '../../../server/src/codify';

describe('codify: learning normalisation', () => {
  it('trims and collapses line breaks to one line', () => {
    assert.equal(normalizeLearning('  Run the tests\n   before pushing.  '), 'Run the tests before pushing.');
    assert.equal(normalizeLearning('One\r\ntwo\rthree\n\nfour'), 'One two three four');
  });

  it('removes one leading list marker, task box included', () => {
    assert.equal(normalizeLearning('- Keep commits small.'), 'Keep commits small.');
    assert.equal(normalizeLearning('* Keep commits small.'), 'Keep commits small.');
    assert.equal(normalizeLearning('+ Keep commits small.'), 'Keep commits small.');
    assert.equal(normalizeLearning('12. Keep commits small.'), 'Keep commits small.');
    assert.equal(normalizeLearning('3) Keep commits small.'), 'Keep commits small.');
    assert.equal(normalizeLearning('- [ ] Keep commits small.'), 'Keep commits small.');
    assert.equal(normalizeLearning('\n  - Keep\n  commits small.'), 'Keep commits small.');
  });

  it('leaves text that only looks like a marker alone', () => {
    assert.equal(normalizeLearning('-v prints the version'), '-v prints the version');
    assert.equal(normalizeLearning('**Never** push to main'), '**Never** push to main');
    assert.equal(normalizeLearning('2026 is the year'), '2026 is the year');
    assert.equal(normalizeLearning('a  b'), 'a  b');
  });

  it('is empty when nothing is left', () => {
    assert.equal(normalizeLearning(''), '');
    assert.equal(normalizeLearning(' \n\t '), '');
    assert.equal(normalizeLearning('- '), '');
    assert.equal(normalizeLearning('-'), '');
  });
});
