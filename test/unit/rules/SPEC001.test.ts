import assert from 'node:assert/strict';
import { applyEdits, applyFix, crlf, lintOne, md, rangeOf } from '../helpers';

const RULE = 'SPEC001';
const PATH = 'specs/001-export/spec.md';
const lint = (text: string): ReturnType<typeof lintOne> => lintOne(RULE, text, PATH);

describe('SPEC001 lowercase keyword', () => {
  it('flags a lowercase "must" in a requirement with an id, and the fix upper-cases it', () => {
    const text = md('# Export', '', '## Requirements', '', '- **FR-001**: Amounts must be written in cents.');
    const [f, ...rest] = lint(text);
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [4, 22, 4, 26]);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /"must" is not an RFC 2119 keyword unless in capitals/);
    assert.match(f.message, /write "MUST"/);
    assert.equal(f.fix?.title, 'Change "must" to "MUST"');
    assert.equal(applyFix(text, f), md('# Export', '', '## Requirements', '', '- **FR-001**: Amounts MUST be written in cents.'));
  });

  it('flags "should not" as one keyword and fixes it to "SHOULD NOT"', () => {
    const text = md('- **FR-002**: The export should not include drafts.');
    const [f] = lint(text);
    assert.deepEqual(rangeOf(f), [0, 25, 0, 35]);
    assert.match(f.message, /"should not".*write "SHOULD NOT"/);
    assert.equal(applyFix(text, f), md('- **FR-002**: The export SHOULD NOT include drafts.'));
  });

  it('flags mixed case: "Shall" and "MUST not"', () => {
    const text = md('- **FR-003**: Shall log every export.', '- **FR-004**: The export MUST not block.');
    const found = lint(text);
    assert.equal(found.length, 2);
    assert.deepEqual(rangeOf(found[0]), [0, 14, 0, 19]);
    assert.match(found[0].message, /"Shall".*write "SHALL"/);
    assert.deepEqual(rangeOf(found[1]), [1, 25, 1, 33]);
    assert.match(found[1].message, /"MUST not" mixes upper and lower case; write "MUST NOT"/);
    const fixed = applyEdits(text, found.flatMap((f) => f.fix?.edits ?? []));
    assert.equal(fixed, md('- **FR-003**: SHALL log every export.', '- **FR-004**: The export MUST NOT block.'));
  });

  it('flags a lowercase keyword next to an uppercase one in a requirement without an id', () => {
    const text = md('The system MUST log failures and should retry them.');
    const [f, ...rest] = lint(text);
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [0, 33, 0, 39]);
    assert.equal(applyFix(text, f), md('The system MUST log failures and SHOULD retry them.'));
  });

  it('flags a lowercase keyword on the second line of a requirement', () => {
    const text = md('- **FR-005**: The export MUST use UTF-8', '  and must end lines with CRLF.');
    const [f] = lint(text);
    assert.deepEqual(rangeOf(f), [1, 6, 1, 10]);
  });

  it('keeps exact columns and CRLF line ends', () => {
    const text = crlf(md('# Export', '', '- **FR-001**: Amounts must be in cents.', '- **FR-002**: Totals should match.'));
    const found = lint(text);
    assert.deepEqual(found.map(rangeOf), [
      [2, 22, 2, 26],
      [3, 21, 3, 27],
    ]);
    const fixed = applyEdits(text, found.flatMap((f) => f.fix?.edits ?? []));
    assert.equal(fixed, crlf(md('# Export', '', '- **FR-001**: Amounts MUST be in cents.', '- **FR-002**: Totals SHOULD match.')));
    assert.ok(!/[^\r]\n/.test(fixed), 'every line still ends in CRLF');
  });

  describe('does not fire', () => {
    it('on a keyword inside a code span', () => {
      assert.deepEqual(lint(md('- **FR-001**: The flag `--must` MUST be accepted; `should` is a word.')), []);
    });

    it('inside a fenced code block', () => {
      assert.deepEqual(lint(md('- **FR-001**: The CLI MUST print:', '', '  ```', '  you must pass --month', '  ```')), []);
    });

    it('in prose that is not a requirement (no id, no capital keyword)', () => {
      assert.deepEqual(lint(md('## Summary', '', 'Accountants must export invoices every month, and they should not wait.')), []);
    });

    it('in a table of examples', () => {
      const text = md('| Example | Meaning |', '|---|---|', '| FR-009: it must work | lowercase, not normative |');
      assert.deepEqual(lint(text), []);
    });

    it('on the RFC 2119 boilerplate sentence', () => {
      const text = md(
        'The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT", "SHOULD", "SHOULD NOT",',
        '"RECOMMENDED", "MAY", and "OPTIONAL" in this document are to be interpreted as described in',
        'RFC 2119; lowercase uses such as "must" carry no special meaning.',
      );
      assert.deepEqual(lint(text), []);
    });

    it('on lowercase "may", "required" and "optional", which ordinary prose uses', () => {
      assert.deepEqual(lint(md('- **FR-001**: The user may pick a month; a month is required, a team optional. It MUST export.')), []);
    });

    it('on a keyword in quotes', () => {
      assert.deepEqual(lint(md('- **FR-001**: Messages MUST avoid the word "must".')), []);
    });

    it('in a heading that defines an id', () => {
      assert.deepEqual(lint(md('### FR-010: What users must see', '', 'The page MUST list invoices.')), []);
    });
  });
});
