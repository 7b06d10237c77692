import assert from 'node:assert/strict';
import { MarkupContent } from 'vscode-languageserver';
import { hover } from '../../../server/src/features/hover';
import { at, JS_TEST, OTHER_TEST, project, PY_TEST, SPEC_A, SPEC_B } from './fixture';

function text(h: ReturnType<typeof hover>): string {
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

describe('features/hover', () => {
  describe('on a requirement in a spec', () => {
    it('lists the tests citing it, skipped ones marked', () => {
      const h = hover(project(), SPEC_A, at(SPEC_A, 'FR-001', 2));
      assert.equal(
        text(h),
        ['**FR-001** · MUST · 1 test · 1 skipped', '', `- \`001-export/FR-001 writes rows\` — ${JS_TEST}:2`, `- (skipped) \`test_rows\` — ${PY_TEST}:6`].join('\n'),
      );
      assert.deepEqual(h?.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 10 } });
    });

    it('names each test once, at its first citation', () => {
      assert.equal(
        text(hover(project(), SPEC_A, at(SPEC_A, 'FR-002'))),
        ['**FR-002** · MUST · 3 tests', '', `- \`quotes fields\` — ${JS_TEST}:3`, `- \`FR-002 quotes newlines\` — ${JS_TEST}:7`, `- \`test_quotes\` — ${PY_TEST}:2`].join('\n'),
      );
    });

    it('says "no test" for an uncovered one, and names a file-level citation by its file', () => {
      assert.equal(text(hover(project(), SPEC_A, at(SPEC_A, 'FR-003'))), '**FR-003** · MUST · no test\n');
      assert.equal(
        text(hover(project(), SPEC_A, at(SPEC_A, 'FR-004', 6))),
        ['**FR-004** · SHOULD · 2 tests', '', `- \`FR-004 adds a header\` — ${JS_TEST}:9`, `- \`other.test.ts\` — ${OTHER_TEST}:3`].join('\n'),
      );
    });

    it('is null away from requirement ids', () => {
      assert.equal(hover(project(), SPEC_A, at(SPEC_A, 'Export MUST write')), null);
      assert.equal(hover(project(), SPEC_A, { line: 0, character: 2 }), null);
    });
  });

  describe('on a reference in a test', () => {
    it('shows the requirement it resolves to, with its spec and line', () => {
      const h = hover(project(), JS_TEST, at(JS_TEST, 'FR-001'));
      assert.equal(text(h), `**FR-001** · MUST · ${SPEC_A}:5\n\n> **FR-001**: Export MUST write one row per invoice.`);
      assert.deepEqual(h?.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 23 } }, 'the whole qualified reference');
      assert.equal(text(hover(project(), PY_TEST, at(PY_TEST, 'FR-002'))), `**FR-002** · MUST · ${SPEC_A}:6\n\n> **FR-002**: Export MUST quote fields.`);
    });

    it('shows every candidate of an ambiguous reference and asks to qualify it', () => {
      assert.equal(
        text(hover(project(), OTHER_TEST, at(OTHER_TEST, 'FR-001'))),
        [
          `**FR-001** · MUST · ${SPEC_A}:5`,
          '',
          '> **FR-001**: Export MUST write one row per invoice.',
          '',
          '---',
          '',
          `**FR-001** · MUST · ${SPEC_B}:3`,
          '',
          '> **FR-001**: Import MUST read rows.',
          '',
          '_Defined in several specs: qualify the reference._',
        ].join('\n'),
      );
    });

    it('shows every requirement of a range, which is not ambiguous', () => {
      assert.equal(
        text(hover(project(), OTHER_TEST, at(OTHER_TEST, ' to ', 2))),
        [`**FR-004** · SHOULD · ${SPEC_A}:8`, '', '> **FR-004**: Export SHOULD add a header.', '', '---', '', `**FR-005** · SHOULD · ${SPEC_A}:9`, '', '> **FR-005**: Export SHOULD log.'].join('\n'),
      );
      assert.equal(text(hover(project(), OTHER_TEST, at(OTHER_TEST, 'FR-005'))), `**FR-005** · SHOULD · ${SPEC_A}:9\n\n> **FR-005**: Export SHOULD log.`);
    });

    it('says when an id is defined nowhere', () => {
      assert.equal(text(hover(project(), OTHER_TEST, at(OTHER_TEST, 'FR-099'))), '**FR-099** · FR-099: not defined in any spec');
    });

    it('is null away from references', () => {
      assert.equal(hover(project(), JS_TEST, at(JS_TEST, 'describe')), null);
      assert.equal(hover(project(), 'README.md', { line: 0, character: 0 }), null);
    });
  });
});
