import assert from 'node:assert/strict';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { documentSymbols, workspaceSymbols } from '../../../server/src/features/symbols';
import { md } from '../helpers';
import { FILES, JS_TEST, project, SPEC_A, SPEC_B, uriOf } from './fixture';

/** A symbol tree as nested `name@line` strings. */
function outline(symbols: DocumentSymbol[]): unknown[] {
  return symbols.map((s) => (s.children?.length ? { [`${s.name}@${s.range.start.line}`]: outline(s.children) } : `${s.name}@${s.range.start.line}`));
}

describe('features/symbols', () => {
  describe('documentSymbols', () => {
    it('outlines a spec: headings, with each requirement id under its heading', () => {
      const symbols = documentSymbols(project(), SPEC_A, FILES[SPEC_A]);
      assert.deepEqual(outline(symbols), [
        {
          'Export@0': [
            { 'Requirements@2': ['FR-001@4', 'FR-002@5', 'FR-003@6', 'FR-004@7', 'FR-005@8', 'FR-006@9', 'FR-007@10', 'FR-008@11'] },
            'Out of scope@14',
          ],
        },
      ]);
      const fr002 = symbols[0].children![0].children![1];
      assert.equal(fr002.kind, SymbolKind.Key);
      assert.equal(fr002.detail, 'MUST · Export MUST quote fields.');
      assert.deepEqual(fr002.selectionRange, { start: { line: 5, character: 4 }, end: { line: 5, character: 10 } });
      assert.deepEqual(fr002.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 39 } });
      assert.equal(symbols[0].children![0].kind, SymbolKind.String);
    });

    it('follows the live text, and outlines plans and AGENTS.md by their headings', () => {
      const live = FILES[SPEC_A].replace('- **FR-003**', '- **FR-030**');
      assert.ok(JSON.stringify(outline(documentSymbols(project(), SPEC_A, live))).includes('FR-030@6'));
      const agents = md('# Agents', '', '## Commands', '', '- Run `npm test`.');
      assert.deepEqual(outline(documentSymbols(project({ 'AGENTS.md': agents }), 'AGENTS.md', agents)), [{ 'Agents@0': ['Commands@2'] }]);
    });

    it('gives nothing for test files and unknown files', () => {
      assert.deepEqual(documentSymbols(project(), JS_TEST, FILES[JS_TEST]), []);
      assert.deepEqual(documentSymbols(project(), 'README.md', '# Readme'), []);
    });
  });

  describe('workspaceSymbols', () => {
    const names = (query: string, limit?: number): string[] =>
      workspaceSymbols([{ project: project(), uriOf }], query, limit).map((s) => `${s.containerName} ${s.name.split(' ')[0]}`);

    it('finds requirements by id across specs, case-insensitively, at their id', () => {
      assert.deepEqual(names('fr-001'), ['001-export FR-001', '002-import FR-001']);
      const [s] = workspaceSymbols([{ project: project(), uriOf }], 'FR-006');
      assert.equal(s.kind, SymbolKind.Key);
      assert.equal(s.name, 'FR-006 Export MUST NOT drop rows.');
      assert.deepEqual(s.location, { uri: uriOf(SPEC_A), range: { start: { line: 9, character: 4 }, end: { line: 9, character: 10 } } });
    });

    it('finds requirements by their text, exact id matches first', () => {
      assert.deepEqual(names('quote'), ['001-export FR-002', '002-import SC-001']);
      assert.deepEqual(names('FR-002'), ['001-export FR-002', '002-import SC-001'], 'SC-001 mentions FR-002 in its text');
    });

    it('lists everything for an empty query, up to the limit', () => {
      assert.equal(names('').length, 10);
      assert.deepEqual(names('', 3), ['001-export FR-001', '001-export FR-002', '001-export FR-003']);
      assert.ok(names('').includes('002-import SC-001'));
      assert.equal(names('no such thing').length, 0);
    });

    it('reads every workspace folder', () => {
      const other = project({ [SPEC_B]: FILES[SPEC_B] });
      const found = workspaceSymbols(
        [
          { project: project({ [SPEC_A]: FILES[SPEC_A] }), uriOf },
          { project: other, uriOf: (p) => `file:///other/${p}` },
        ],
        'FR-001',
      );
      assert.deepEqual(found.map((s) => s.location.uri), [uriOf(SPEC_A), `file:///other/${SPEC_B}`]);
    });
  });
});
