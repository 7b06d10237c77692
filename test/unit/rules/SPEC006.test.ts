import assert from 'node:assert/strict';
import { crlf, lintOne, md, rangeOf } from '../helpers';

const RULE = 'SPEC006';
const lint = (text: string, config?: Parameters<typeof lintOne>[3]): ReturnType<typeof lintOne> => lintOne(RULE, text, 'SPEC.md', config);

describe('SPEC006 vague wording', () => {
  it('flags a vague word in a MUST requirement', () => {
    const [f, ...rest] = lint(md('# Spec', '', '- **FR-003**: The system MUST finish an export of 10,000 invoices quickly.'));
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [2, 66, 2, 73]);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, 'Vague wording in a MUST: "quickly" cannot be tested; state a measurable criterion instead.');
  });

  it('flags EARS requirements (WHEN ..., THE X SHALL ...)', () => {
    const [f] = lint(md('WHEN the user saves, THE Editor SHALL write to disk in a robust way.'));
    assert.deepEqual(rangeOf(f), [0, 57, 0, 63]);
    assert.match(f.message, /"robust"/);
  });

  it('flags every vague word, phrases included, case-insensitively', () => {
    const found = lint(md('- **FR-001**: Search MUST be Fast and/or intuitive, if possible.'));
    assert.deepEqual(
      found.map((f) => [rangeOf(f), f.message.match(/"([^"]+)"/)?.[1]]),
      [
        [[0, 29, 0, 33], 'Fast'],
        [[0, 34, 0, 40], 'and/or'],
        [[0, 41, 0, 50], 'intuitive'],
        [[0, 52, 0, 63], 'if possible'],
      ],
    );
  });

  it('checks every line of a multi-line requirement (a phrase split by a line break is not matched)', () => {
    const found = lint(md('- **FR-001**: Exports MUST be retried as', '  needed and shown in a user-friendly list.'));
    assert.deepEqual(found.map(rangeOf), [[1, 24, 1, 37]]);
    assert.match(found[0].message, /"user-friendly"/);
  });

  it('uses podflow.spec.vagueWords when set', () => {
    const text = md('- **FR-001**: Exports MUST be snappy, not fast.');
    const [f, ...rest] = lint(text, { 'spec.vagueWords': ['snappy'] });
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [0, 30, 0, 36]);
    assert.deepEqual(lint(text, { 'spec.vagueWords': [] }), []);
  });

  it('keeps exact columns with CRLF', () => {
    const [f] = lint(crlf(md('# Spec', '', 'Exports MUST be fast.')));
    assert.deepEqual(rangeOf(f), [2, 16, 2, 20]);
  });

  describe('does not fire', () => {
    it('in SHOULD and MAY requirements', () => {
      assert.deepEqual(lint(md('- **FR-001**: Exports SHOULD be fast.', '- **FR-002**: Exports MAY be quick.')), []);
    });

    it('in prose that is not a requirement', () => {
      assert.deepEqual(lint(md('## Summary', '', 'A fast, intuitive export.')), []);
    });

    it('inside code spans or blocks', () => {
      assert.deepEqual(lint(md('- **FR-001**: The `--fast` flag MUST skip validation.', '', '```', 'MUST be fast', '```')), []);
    });

    it('on words that merely contain a vague word', () => {
      assert.deepEqual(lint(md('- **FR-001**: The log MUST record breakfast orders, fast-forward merges and easygoing users.')), []);
    });
  });
});
