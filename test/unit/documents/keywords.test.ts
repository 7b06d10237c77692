import assert from 'node:assert/strict';
import { findKeywords, findLooseKeywords, isBoilerplate, KEYWORD_LEVEL } from '../../../server/src/documents/keywords';

const hits = (line: string): [string, string, number, number][] =>
  findKeywords([line], 0, 1).map((h) => [h.keyword, h.level, h.start, h.end]);
const loose = (line: string): [string, string, number, number][] =>
  findLooseKeywords([line], 0, 1).map((h) => [h.text, h.upper, h.start, h.end]);

describe('documents/keywords', () => {
  describe('findKeywords', () => {
    it('finds every RFC 2119 / RFC 8174 keyword with its level', () => {
      assert.deepEqual(Object.keys(KEYWORD_LEVEL).sort(), [
        'MAY', 'MUST', 'MUST NOT', 'NOT RECOMMENDED', 'OPTIONAL', 'RECOMMENDED', 'REQUIRED', 'SHALL', 'SHALL NOT', 'SHOULD', 'SHOULD NOT',
      ]);
      assert.deepEqual(hits('A MUST b.'), [['MUST', 'must', 2, 6]]);
      assert.deepEqual(hits('It is REQUIRED.'), [['REQUIRED', 'must', 6, 14]]);
      assert.deepEqual(hits('X SHALL y.'), [['SHALL', 'must', 2, 7]]);
      assert.deepEqual(hits('X SHOULD y.'), [['SHOULD', 'should', 2, 8]]);
      assert.deepEqual(hits('It is RECOMMENDED.'), [['RECOMMENDED', 'should', 6, 17]]);
      assert.deepEqual(hits('It is NOT RECOMMENDED.'), [['NOT RECOMMENDED', 'should', 6, 21]]);
      assert.deepEqual(hits('X MAY y.'), [['MAY', 'may', 2, 5]]);
      assert.deepEqual(hits('It is OPTIONAL.'), [['OPTIONAL', 'may', 6, 14]]);
    });

    it('prefers the negative forms (MUST NOT over MUST)', () => {
      assert.deepEqual(hits('X MUST NOT y; Z SHALL NOT w; V SHOULD NOT u.'), [
        ['MUST NOT', 'must', 2, 10],
        ['SHALL NOT', 'must', 16, 25],
        ['SHOULD NOT', 'should', 31, 41],
      ]);
    });

    it('finds EARS keywords (WHEN ..., THE X SHALL ...)', () => {
      assert.deepEqual(hits('WHEN the user saves, THE Editor SHALL write the file.'), [['SHALL', 'must', 32, 37]]);
    });

    it('ignores lowercase, parts of words and identifiers', () => {
      assert.deepEqual(hits('must MUSTARD SHALLOW MAYBE MUST_X X_MUST MUST1 dismay'), []);
    });

    it('ignores quoted keywords (the boilerplate style)', () => {
      assert.deepEqual(hits('The key words "MUST" and \u201cSHOULD\u201d and \'MAY\''), []);
    });

    it('ignores keywords listed next to each other (mentions, not uses)', () => {
      assert.deepEqual(hits('Levels: MUST/SHOULD, MAY or OPTIONAL (MUST, not MUST NOT).'), []);
      assert.deepEqual(hits('MUST vs. SHOULD'), []);
      assert.deepEqual(hits('It MUST x and SHOULD y.'), [
        ['MUST', 'must', 3, 7],
        ['SHOULD', 'should', 14, 20],
      ]);
    });

    it('reads only the given lines of masked text', () => {
      const lines = ['A MUST', 'B SHOULD', 'C MAY'];
      assert.deepEqual(findKeywords(lines, 1, 2).map((h) => [h.keyword, h.line]), [['SHOULD', 1]]);
      assert.deepEqual(findKeywords(lines, 2, 10).map((h) => h.line), [2]);
    });
  });

  describe('findLooseKeywords', () => {
    it('finds lower and mixed case must, shall, should (with "not")', () => {
      assert.deepEqual(loose('it must; Shall; should not; Must Not; MUST not'), [
        ['must', 'MUST', 3, 7],
        ['Shall', 'SHALL', 9, 14],
        ['should not', 'SHOULD NOT', 16, 26],
        ['Must Not', 'MUST NOT', 28, 36],
        ['MUST not', 'MUST NOT', 38, 46],
      ]);
    });

    it('collapses the space inside "should   not"', () => {
      assert.deepEqual(loose('x should   not y'), [['should   not', 'SHOULD NOT', 2, 14]]);
    });

    it('leaves capitals, may/required/optional, quoted and embedded words alone', () => {
      assert.deepEqual(loose('MUST SHOULD NOT may required optional "must" mustard musts shoulder'), []);
    });
  });

  describe('isBoilerplate', () => {
    it('recognises the RFC 2119 / RFC 8174 / BCP 14 sentence', () => {
      assert.equal(isBoilerplate('The key words "MUST" ... are to be interpreted as described in RFC 2119.'), true);
      assert.equal(isBoilerplate('... are to be interpreted as described in BCP 14 [RFC2119] [RFC8174] when, and only when ...'), true);
      assert.equal(isBoilerplate('...interpreted as in rfc8174.'), true);
    });

    it('does not match requirements that cite an RFC', () => {
      assert.equal(isBoilerplate('The export MUST quote fields (RFC 4180).'), false);
      assert.equal(isBoilerplate('Dates MUST follow RFC 2119 style.'), false);
      assert.equal(isBoilerplate('Values MUST be interpreted as UTF-8.'), false);
    });
  });
});
