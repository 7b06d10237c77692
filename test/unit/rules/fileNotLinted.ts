import assert from 'node:assert/strict';
import { DocKind } from '../../../server/src/documents/kinds';
import { lintAll, makeLinter, rangeOf } from '../helpers';

/**
 * The shared cases of SPEC000, PLANS000 and AGENTS000: one implementation in
 * the linter, one id per kind; each rule's own test file calls this.
 */
export function fileNotLintedCases(RULE: string, PATH: string, kind: DocKind): void {
  describe(`${RULE} file not linted`, () => {
    it('reports binary content at 0:0 and runs no other rule', () => {
      const found = lintAll('# Title\u0000\u0001\u0002 must', PATH);
      assert.deepEqual(found.map((f) => [f.ruleId, f.severity, rangeOf(f), f.message]), [
        [RULE, 'warning', [0, 0, 0, 0], 'Not linted: the file holds binary data, not Markdown text.'],
      ]);
    });

    it('reports text that is not UTF-8 (many replacement characters) as binary', () => {
      const found = lintAll(`# T\n${'\ufffd'.repeat(40)}\n`, PATH);
      assert.deepEqual(found.map((f) => f.ruleId), [RULE]);
    });

    it('reports a file over podflow.maxFileBytes with both sizes', () => {
      const text = `# Title\n\n${'word '.repeat(120_000)}\n`;
      const found = lintAll(text, PATH, { maxFileBytes: 512 * 1024 }).filter((f) => f.ruleId === RULE);
      assert.equal(found.length, 1);
      assert.deepEqual(rangeOf(found[0]), [0, 0, 0, 0]);
      assert.equal(found[0].message, 'Not linted: 0.6 MB is over podflow.maxFileBytes (0.5 MB).');
    });

    it('reports a file that cannot be read', () => {
      const linter = makeLinter({}, PATH);
      assert.deepEqual(
        linter.lint(PATH, kind).map((f) => [f.ruleId, f.message]),
        [[RULE, 'File could not be read.']],
      );
    });

    it('follows podflow.rules: another severity, or off', () => {
      assert.equal(lintAll('\u0000', PATH, { rules: { [RULE]: 'error' } })[0].severity, 'error');
      assert.deepEqual(lintAll('\u0000', PATH, { rules: { [RULE]: 'off' } }), []);
    });

    it('does not fire on ordinary text, exactly at the size limit', () => {
      const text = '# Title\n';
      assert.deepEqual(lintAll(text, PATH, { maxFileBytes: Buffer.byteLength(text) }).filter((f) => f.ruleId === RULE), []);
    });
  });
}
