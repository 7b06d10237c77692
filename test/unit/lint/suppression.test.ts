import assert from 'node:assert/strict';
import { parseMarkdown } from '../../../server/src/documents/markdown';
import { suppressionFilter } from '../../../server/src/lint/suppression';
import { crlf, lintAll, md, rangeOf } from '../helpers';

const PATH = 'specs/001-export/spec.md';
/** [ruleId, line] of every finding of the given rules, by line then rule. */
const found = (text: string, rules: string[] = ['SPEC001', 'SPEC006']): [string, number][] =>
  lintAll(text, PATH)
    .filter((f) => rules.includes(f.ruleId))
    .map((f): [string, number] => [f.ruleId, rangeOf(f)[0]])
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));

describe('lint/suppression', () => {
  it('without directives, every finding is reported (baseline)', () => {
    const text = md('- **FR-001**: It MUST be fast; it should log.', '- **FR-002**: It MUST be quick; it should log.');
    assert.deepEqual(found(text), [
      ['SPEC001', 0],
      ['SPEC006', 0],
      ['SPEC001', 1],
      ['SPEC006', 1],
    ]);
  });

  it('podflow-disable RULE ... podflow-enable silences that rule in between', () => {
    const text = md(
      '- **FR-001**: It MUST be fast; it should log.',
      '<!-- podflow-disable SPEC001 -->',
      '- **FR-002**: It MUST be fast; it should log.',
      '- **FR-003**: It MUST be fast; it should log.',
      '<!-- podflow-enable -->',
      '- **FR-004**: It MUST be fast; it should log.',
    );
    assert.deepEqual(found(text), [
      ['SPEC001', 0],
      ['SPEC006', 0],
      ['SPEC006', 2],
      ['SPEC006', 3],
      ['SPEC001', 5],
      ['SPEC006', 5],
    ]);
  });

  it('podflow-disable without ids silences every rule to the end of the file', () => {
    const text = md('- **FR-001**: It MUST be fast; it should log.', '', '<!-- podflow-disable -->', '', '- **FR-002**: It MUST be fast; it should log.');
    assert.deepEqual(found(text), [
      ['SPEC001', 0],
      ['SPEC006', 0],
    ]);
  });

  it('takes several ids, separated by spaces or commas', () => {
    const text = md('<!-- podflow-disable SPEC001, SPEC006 -->', '- **FR-001**: It MUST be fast; it should log.', '- **FR-001**: dup MUST be.');
    assert.deepEqual(found(text, ['SPEC001', 'SPEC004', 'SPEC006']), [['SPEC004', 2]]);
  });

  it('podflow-enable RULE re-enables only that rule', () => {
    const text = md('<!-- podflow-disable -->', '- **FR-001**: It MUST be fast; it should log.', '<!-- podflow-enable SPEC006 -->', '- **FR-002**: It MUST be fast; it should log.');
    assert.deepEqual(found(text), [['SPEC006', 3]]);
  });

  it('podflow-disable-next-line RULE silences only the next line', () => {
    const text = md('<!-- podflow-disable-next-line SPEC001 -->', '- **FR-001**: It MUST be fast; it should log.', '- **FR-002**: It MUST be fast; it should log.');
    assert.deepEqual(found(text), [
      ['SPEC006', 1],
      ['SPEC001', 2],
      ['SPEC006', 2],
    ]);
  });

  it('podflow-disable-line RULE silences its own line', () => {
    const text = md('- **FR-001**: It MUST be fast; it should log. <!-- podflow-disable-line SPEC006 -->', '- **FR-002**: It MUST be fast; it should log.');
    assert.deepEqual(found(text), [
      ['SPEC001', 0],
      ['SPEC001', 1],
      ['SPEC006', 1],
    ]);
  });

  it('podflow-disable-line without ids silences every rule on the line', () => {
    const text = md('- **FR-001**: It MUST be fast; it should log. <!-- podflow-disable-line -->');
    assert.deepEqual(found(text), []);
  });

  it('a directive for another rule changes nothing', () => {
    const text = md('<!-- podflow-disable-next-line AGENTS007 -->', '- **FR-001**: It MUST be fast; it should log.');
    assert.deepEqual(found(text), [
      ['SPEC001', 1],
      ['SPEC006', 1],
    ]);
  });

  it('silences a file-level finding with a directive on line 0', () => {
    const text = md('<!-- podflow-disable AGENTS003 AGENTS004 -->', '# Agents', '', 'Hello.');
    assert.deepEqual(
      lintAll(text, 'AGENTS.md').map((f) => f.ruleId),
      [],
    );
    assert.deepEqual(
      lintAll(md('# Agents', '', 'Hello.'), 'AGENTS.md').map((f) => f.ruleId),
      ['AGENTS003', 'AGENTS004'],
    );
  });

  it('works with CRLF and multi-line directives', () => {
    const text = crlf(md('<!--', 'podflow-disable SPEC001', '-->', '- **FR-001**: It MUST be fast; it should log.'));
    assert.deepEqual(found(text), [['SPEC006', 3]]);
  });

  describe('is not a directive', () => {
    it('inside a fenced code block', () => {
      const text = md('```md', '<!-- podflow-disable -->', '```', '- **FR-001**: It MUST be fast; it should log.');
      assert.deepEqual(found(text), [
        ['SPEC001', 3],
        ['SPEC006', 3],
      ]);
    });

    it('inside a code span (documentation of the directive)', () => {
      const text = md('Silence a rule with `<!-- podflow-disable SPEC001 -->`.', '', '- **FR-001**: It MUST be fast; it should log.');
      assert.deepEqual(found(text), [
        ['SPEC001', 2],
        ['SPEC006', 2],
      ]);
    });

    it('with another prefix or a misspelt keyword', () => {
      const text = md('<!-- markdownlint-disable -->', '<!-- podflow-disabled SPEC001 -->', '<!-- podflow disable -->', '- **FR-001**: It MUST be fast; it should log.');
      assert.deepEqual(found(text), [
        ['SPEC001', 3],
        ['SPEC006', 3],
      ]);
    });
  });

  describe('suppressionFilter', () => {
    it('answers per rule and line', () => {
      const model = parseMarkdown(md('a', '<!-- podflow-disable-next-line SPEC001 -->', 'b', '<!-- podflow-disable SPEC002 -->', 'c', '<!-- podflow-enable SPEC002 -->', 'd'));
      const suppressed = suppressionFilter(model);
      assert.equal(suppressed('SPEC001', 2), true);
      assert.equal(suppressed('SPEC001', 3), false);
      assert.equal(suppressed('SPEC002', 2), false);
      assert.equal(suppressed('SPEC002', 3), true);
      assert.equal(suppressed('SPEC002', 4), true);
      assert.equal(suppressed('SPEC002', 5), false);
      assert.equal(suppressed('SPEC002', 6), false);
    });

    it('suppresses nothing without directives', () => {
      assert.equal(suppressionFilter(parseMarkdown('# x\n'))('SPEC001', 0), false);
    });
  });
});
