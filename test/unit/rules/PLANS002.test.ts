import assert from 'node:assert/strict';
import { applyEdits, applyFix, crlf, lintOne, md, rangeOf } from '../helpers';

const RULE = 'PLANS002';
const lint = (text: string): ReturnType<typeof lintOne> => lintOne(RULE, text, 'PLANS.md');

describe('PLANS002 progress item not a checkbox', () => {
  it('flags a plain bullet under Progress and the fix makes it a checkbox', () => {
    const text = md('# Plan', '', '## Progress', '', '- [x] (2025-01-02) Parse CSV.', '- Write the exporter.', '', '## Decision Log');
    const [f, ...rest] = lint(text);
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [5, 0, 5, 21]);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /Progress item is not a checkbox; write "- \[ \] \.\.\."/);
    assert.equal(f.fix?.title, 'Make it a checkbox');
    assert.equal(applyFix(text, f), md('# Plan', '', '## Progress', '', '- [x] (2025-01-02) Parse CSV.', '- [ ] Write the exporter.', '', '## Decision Log'));
  });

  it('fixes ordered items, other bullet markers and indented lists after the marker', () => {
    const text = md('## 3. Progress', '', '1. Parse.', '2) Export.', '', '* Ship.', '', ' + Tell.');
    const found = lint(text);
    assert.deepEqual(found.map(rangeOf), [
      [2, 0, 2, 9],
      [3, 0, 3, 10],
      [5, 0, 5, 7],
      [7, 0, 7, 8],
    ]);
    assert.equal(applyEdits(text, found.flatMap((f) => f.fix?.edits ?? [])), md('## 3. Progress', '', '1. [ ] Parse.', '2) [ ] Export.', '', '* [ ] Ship.', '', ' + [ ] Tell.'));
  });

  it('keeps CRLF line ends', () => {
    const text = crlf(md('## Progress', '- Parse.', '- [X] Done.'));
    const [f, ...rest] = lint(text);
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [1, 0, 1, 8]);
    assert.equal(applyFix(text, f), crlf(md('## Progress', '- [ ] Parse.', '- [X] Done.')));
  });

  it('checks a Progress section under a deeper heading and up to the next heading of its level', () => {
    const text = md('# Plan', '## Milestone 1', '### Progress', '- a thing', '#### Notes', '- note under Progress', '### Decision Log', '- not progress');
    assert.deepEqual(lint(text).map((f) => rangeOf(f)[0]), [3, 5]);
  });

  describe('does not fire', () => {
    it('on checkboxes, checked or not', () => {
      assert.deepEqual(lint(md('## Progress', '', '- [ ] a', '- [x] b', '- [X] c', '- [ ]')), []);
    });

    it('on nested sub-items of a checkbox', () => {
      assert.deepEqual(lint(md('## Progress', '', '- [ ] Export', '  - detail one', '  - detail two')), []);
    });

    it('on lists outside Progress, or paragraphs in Progress', () => {
      assert.deepEqual(lint(md('## Decision Log', '', '- Chose CSV.', '', '## Progress', '', 'Nothing started yet.', '', '```', '- code', '```')), []);
    });

    it('on a "Progress" word that is not the start of the heading', () => {
      assert.deepEqual(lint(md('## Work in progress', '', '- a')), []);
    });
  });
});
