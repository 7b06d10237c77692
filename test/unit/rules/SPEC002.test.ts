import assert from 'node:assert/strict';
import { crlf, lintOne, md, rangeOf } from '../helpers';

const RULE = 'SPEC002';
const PATH = 'SPEC.md';
const lint = (text: string): ReturnType<typeof lintOne> => lintOne(RULE, text, PATH);

describe('SPEC002 compound requirement', () => {
  it('flags the first keyword of another level (MUST and SHOULD)', () => {
    const [f, ...rest] = lint(md('# Spec', '', '- **FR-001**: The export MUST include totals and SHOULD include a header.'));
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [2, 49, 2, 55]);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /Compound requirement: "MUST" and "SHOULD" in one statement/);
    assert.match(f.message, /split it/);
    assert.equal(f.fix, undefined);
  });

  it('flags MAY next to SHALL NOT, naming both', () => {
    const [f] = lint(md('The client SHALL NOT retry more than 3 times but MAY log each retry.'));
    assert.deepEqual(rangeOf(f), [0, 49, 0, 52]);
    assert.match(f.message, /"SHALL NOT" and "MAY"/);
  });

  it('points at the other keyword when it is on a later line of the paragraph', () => {
    const [f] = lint(md('- **FR-002**: The export MUST finish in 5 s', '  and SHOULD show progress.'));
    assert.deepEqual(rangeOf(f), [1, 6, 1, 12]);
  });

  it('flags a row of a requirements table', () => {
    const [f] = lint(md('| Id | Requirement |', '|----|-------------|', '| FR-001 | It MUST x and SHOULD y |'));
    assert.deepEqual(rangeOf(f), [2, 25, 2, 31]);
  });

  it('keeps exact columns with CRLF line ends', () => {
    const [f] = lint(crlf(md('# Spec', '', 'It MUST work and MAY log.')));
    assert.deepEqual(rangeOf(f), [2, 17, 2, 20]);
  });

  describe('does not fire', () => {
    it('when all keywords carry the same level (MUST, MUST NOT, SHALL, REQUIRED)', () => {
      assert.deepEqual(lint(md('- **FR-001**: It MUST sign and MUST NOT store keys; a key SHALL be REQUIRED.')), []);
    });

    it('on separate requirements of different levels', () => {
      assert.deepEqual(lint(md('- **FR-001**: It MUST sign.', '- **FR-002**: It SHOULD log.')), []);
    });

    it('on a sub-bullet of another level (its own statement)', () => {
      assert.deepEqual(lint(md('- **FR-001**: The import MUST accept:', '  - CSV files', '  - and SHOULD accept TSV files')), []);
    });

    it('when the other keyword is in a code span or code block', () => {
      assert.deepEqual(lint(md('- **FR-001**: It MUST reject `SHOULD` as a level name.', '', '```', 'MAY', '```')), []);
    });

    it('when keywords are only named in a list ("MUST or SHOULD")', () => {
      assert.deepEqual(lint(md('- **FR-003**: Each rule has a level, MUST or SHOULD, shown in reports.')), []);
    });

    it('on the RFC 2119 boilerplate', () => {
      const text = md(
        'The key words "MUST", "SHOULD" and "MAY" in this document are to be interpreted as described in',
        'BCP 14 (RFC 2119, RFC 8174) when, and only when, they appear in all capitals.',
      );
      assert.deepEqual(lint(text), []);
    });

    it('in a table of examples', () => {
      assert.deepEqual(lint(md('| Example id | Text |', '|----|----|', '| FR-001 | It MUST x and SHOULD y |')), []);
    });
  });
});
