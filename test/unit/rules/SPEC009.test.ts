import assert from 'node:assert/strict';
import { crlf, lintOne, md, rangeOf } from '../helpers';

const RULE = 'SPEC009';
const lint = (text: string): ReturnType<typeof lintOne> => lintOne(RULE, text, 'SPEC.md');

describe('SPEC009 front matter', () => {
  it('flags a bad status on the line of its key', () => {
    const [f, ...rest] = lint(md('---', 'owner: value-engineering', 'status: done', '---', '# Spec'));
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [2, 0, 2, 12]);
    assert.equal(f.severity, 'error');
    assert.match(f.message, /^Front matter "status": /);
    assert.match(f.message, /draft/);
  });

  it('flags an empty owner and a version that is neither string nor number', () => {
    const found = lint(md('---', 'owner: ""', 'version: [1, 2]', '---'));
    assert.deepEqual(found.map(rangeOf), [
      [1, 0, 1, 9],
      [2, 0, 2, 15],
    ]);
    assert.match(found[0].message, /"owner"/);
    assert.match(found[1].message, /"version"/);
  });

  it('flags YAML that does not parse, on the line of the error', () => {
    const [f] = lint(md('---', 'status: draft', 'owner: [a', '---', '# Spec'));
    assert.deepEqual(rangeOf(f), [2, 0, 2, 9]);
    assert.match(f.message, /^Front matter is not valid YAML: /);
  });

  it('flags a duplicate key', () => {
    const [f] = lint(md('---', 'status: draft', 'status: review', '---'));
    assert.equal(rangeOf(f)[0], 2);
    assert.match(f.message, /not valid YAML/);
  });

  it('flags front matter that is not a mapping', () => {
    const [f] = lint(md('---', '- draft', '---', '# Spec'));
    assert.deepEqual(rangeOf(f), [0, 0, 0, 3]);
    assert.equal(f.message, 'Front matter must be a mapping of keys to values.');
  });

  it('keeps exact lines with CRLF', () => {
    const [f] = lint(crlf(md('---', 'title: x', 'status: wip', '---')));
    assert.deepEqual(rangeOf(f), [2, 0, 2, 11]);
  });

  describe('does not fire', () => {
    it('on valid front matter with unknown keys too', () => {
      assert.deepEqual(lint(md('---', 'status: approved', 'owner: qe', 'version: 0.3', 'id: 12', 'traceability:', '  code: src/', '---', '# Spec')), []);
    });

    it('without front matter, or with an unclosed fence (which is not front matter)', () => {
      assert.deepEqual(lint(md('# Spec', '', '---', 'status: nope', '---')), []);
      assert.deepEqual(lint(md('---', 'status: nope')), []);
    });

    it('on empty front matter', () => {
      assert.deepEqual(lint(md('---', '---', '# Spec')), []);
    });
  });
});
