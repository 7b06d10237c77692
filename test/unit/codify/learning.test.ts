import assert from 'node:assert/strict';
import { learningFromSelection, normalizeLearning } from '../../../server/src/codify';

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

describe('codify: the learning a selection suggests', () => {
  it('drops comment markers around each line, then makes one line', () => {
    assert.equal(learningFromSelection('// Run these tests with node --test,\n// never jest (FR-002).'), 'Run these tests with node --test, never jest (FR-002).');
    assert.equal(learningFromSelection('  # Pin the Python version in CI.  '), 'Pin the Python version in CI.');
    assert.equal(learningFromSelection('/* Money is cents. */'), 'Money is cents.');
    assert.equal(learningFromSelection('/**\n * Money is cents,\n * never floats.\n */'), 'Money is cents, never floats.');
    assert.equal(learningFromSelection('<!-- Keep specs short. -->'), 'Keep specs short.');
    assert.equal(learningFromSelection('-- Index foreign keys.'), 'Index foreign keys.');
  });

  it('keeps text that only starts like a comment, and list markers go as in normalizeLearning', () => {
    assert.equal(learningFromSelection('#123 broke the build'), '#123 broke the build');
    assert.equal(learningFromSelection('--verbose prints more'), '--verbose prints more');
    assert.equal(learningFromSelection('- Keep commits small.'), 'Keep commits small.');
    assert.equal(learningFromSelection('*Never* push to main'), '*Never* push to main');
  });

  it('is empty for nothing or a bare comment marker', () => {
    assert.equal(learningFromSelection(''), '');
    assert.equal(learningFromSelection('//\n#'), '');
  });
});
