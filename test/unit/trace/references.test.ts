import assert from 'node:assert/strict';
import { compileIdPattern, DEFAULT_ID_PATTERN } from '../../../server/src/documents/ids';
import { expandRange, Reference, referenceMatcher } from '../../../server/src/trace/references';

const matcher = referenceMatcher(compileIdPattern(DEFAULT_ID_PATTERN));

/** [form, text, start, end, ids, qualifier] of every reference on one line. */
type Row = [Reference['form'], string, number, number, string[], string | undefined];

function scan(line: string, m = matcher): Row[] {
  return m.scanLine(line, 7).map((r) => {
    assert.equal(r.line, 7);
    assert.equal(line.slice(r.start, r.end), r.text, 'start/end cover the text as written');
    return [r.form, r.text, r.start, r.end, r.ids, r.qualifier];
  });
}

const plain = (text: string, start: number): Row => ['plain', text, start, start + text.length, [text], undefined];

describe('trace/references', () => {
  describe('plain ids, wherever a test file writes them', () => {
    const cases: [string, string, Row[]][] = [
      ['a test name (mocha/jest/vitest/node:test)', "it('FR-001 exports one row per invoice', () => {", [plain('FR-001', 4)]],
      ['a tag comment', '// @covers FR-001', [plain('FR-001', 11)]],
      ['a "covers:" comment', '# covers: FR-001', [plain('FR-001', 10)]],
      ['brackets', ' * [FR-001] exports rows', [plain('FR-001', 4)]],
      ['a docstring with two ids', '    """Covers FR-001 and SC-12."""', [plain('FR-001', 14), plain('SC-12', 25)]],
      ['a pytest marker', '@pytest.mark.requirement("FR-001")', [plain('FR-001', 26)]],
      ['a Go test name', 'func TestExport(t *testing.T) { // FR-001', [plain('FR-001', 35)]],
      ['a Rust doc comment', '/// Verifies FR-001.', [plain('FR-001', 13)]],
      ['a JUnit display name', '@DisplayName("FR-001: exports rows")', [plain('FR-001', 14)]],
      ['a Kotlin test name in backticks', 'fun `FR-001 exports rows`() {', [plain('FR-001', 5)]],
      ['an RSpec example', "  it 'FR-001 exports rows' do", [plain('FR-001', 6)]],
      ['parentheses, backticks and a comma list', '// (FR-001), `FR-002`, FR-003.', [plain('FR-001', 4), plain('FR-002', 14), plain('FR-003', 23)]],
    ];
    for (const [what, line, expected] of cases) {
      it(`in ${what}`, () => assert.deepEqual(scan(line), expected));
    }

    it('accepts every default id style: FR-1.1, SPEC-01.10, REQ-d00004, SC-12, AUTH-3', () => {
      assert.deepEqual(
        scan('// FR-1.1 SPEC-01.10 REQ-d00004 SC-12 AUTH-3').map((r) => r[1]),
        ['FR-1.1', 'SPEC-01.10', 'REQ-d00004', 'SC-12', 'AUTH-3'],
      );
    });

    it('does not read ids out of longer tokens or snake_case names', () => {
      assert.deepEqual(scan('def test_fr_001_exports(): pass'), []);
      assert.deepEqual(scan('const x = "FR-001_old"; // xFR-002'), []);
      assert.deepEqual(scan('no digits at all'), []);
    });

    it('uses a configured id pattern', () => {
      const custom = referenceMatcher(compileIdPattern('US-\\d+'));
      assert.deepEqual(scan("it('US-12 and FR-001', () => {})", custom), [['plain', 'US-12', 4, 9, ['US-12'], undefined]]);
    });
  });

  describe('qualified ids name their spec', () => {
    it('"002-export/FR-001" in a test name', () => {
      assert.deepEqual(scan("test('002-export/FR-001: one row', () => {"), [['qualified', '002-export/FR-001', 6, 23, ['FR-001'], '002-export']]);
    });

    it('a spec path before the id keeps only the last folder as the qualifier', () => {
      assert.deepEqual(scan('// specs/002-export/FR-001'), [['qualified', '002-export/FR-001', 9, 26, ['FR-001'], '002-export']]);
    });

    it('a tag with a qualified id', () => {
      assert.deepEqual(scan('// @covers auth/SC-3'), [['qualified', 'auth/SC-3', 11, 20, ['SC-3'], 'auth']]);
    });
  });

  describe('prefixed ids (per-spec prefixes)', () => {
    it('@pytest.mark.requirement("2B-FR-001") is FR-001 with prefix 2B, not also a plain FR-001', () => {
      assert.deepEqual(scan('@pytest.mark.requirement("2B-FR-001")'), [['prefixed', '2B-FR-001', 26, 35, ['FR-001'], '2B']]);
    });

    it('lower-case prefixes and prefixes in test names', () => {
      assert.deepEqual(scan("it('2b-FR-003 and 9C-SC-01', () => {})"), [
        ['prefixed', '2b-FR-003', 4, 13, ['FR-003'], '2b'],
        ['prefixed', '9C-SC-01', 18, 26, ['SC-01'], '9C'],
      ]);
    });
  });

  describe('Kiro references', () => {
    it('"Requirements 5.3, 6.1" names implicit ids 5.3 and 6.1', () => {
      assert.deepEqual(scan(' * **Validates: Requirements 5.3, 6.1**'), [['kiro', 'Requirements 5.3, 6.1', 16, 37, ['5.3', '6.1'], undefined]]);
    });

    it('"Requirements: 5.3" and "_Requirements 5.3_" as Kiro-generated tests write them', () => {
      assert.deepEqual(scan('// _Requirements: 5.3_'), [['kiro', 'Requirements: 5.3', 4, 21, ['5.3'], undefined]]);
      assert.deepEqual(scan('  // Requirements_ 1.2'), [['kiro', 'Requirements_ 1.2', 5, 22, ['1.2'], undefined]]);
    });

    it('"Requirement 2.4" in a comment', () => {
      assert.deepEqual(scan('# Requirement 2.4'), [['kiro', 'Requirement 2.4', 2, 17, ['2.4'], undefined]]);
    });
  });

  describe('ranges', () => {
    const SEVEN = ['FR-005', 'FR-006', 'FR-007', 'FR-008', 'FR-009', 'FR-010', 'FR-011'];

    it('"FR-005 to FR-011" expands to every id, keeping the padding', () => {
      assert.deepEqual(scan('// specs/002-for-the-next/spec.md (FR-005 to FR-011)'), [['range', 'FR-005 to FR-011', 35, 51, SEVEN, undefined]]);
    });

    it('"FR-005..FR-011" expands the same', () => {
      assert.deepEqual(scan("it('FR-005..FR-011 watch files', () => {"), [['range', 'FR-005..FR-011', 4, 18, SEVEN, undefined]]);
    });

    it('"through" and an en dash are ranges too', () => {
      assert.deepEqual(scan('// FR-001 through FR-003'), [['range', 'FR-001 through FR-003', 3, 24, ['FR-001', 'FR-002', 'FR-003'], undefined]]);
      assert.deepEqual(scan('// FR-001\u2013FR-002'), [['range', 'FR-001\u2013FR-002', 3, 16, ['FR-001', 'FR-002'], undefined]]);
    });

    it('dotted ids range over their last number', () => {
      assert.deepEqual(scan('// FR-1.1 to FR-1.3')[0][4], ['FR-1.1', 'FR-1.2', 'FR-1.3']);
    });

    it('backwards, cross-prefix and huge "ranges" are two plain ids', () => {
      assert.deepEqual(scan('// FR-009 to FR-003'), [plain('FR-009', 3), plain('FR-003', 13)]);
      assert.deepEqual(scan('// FR-001 to SC-003'), [plain('FR-001', 3), plain('SC-003', 13)]);
      assert.deepEqual(scan('// FR-001 to FR-9999'), [plain('FR-001', 3), plain('FR-9999', 13)]);
    });

    it('expandRange', () => {
      assert.deepEqual(expandRange('SC-8', 'SC-11'), ['SC-8', 'SC-9', 'SC-10', 'SC-11']);
      assert.deepEqual(expandRange('FR-001', 'FR-001'), ['FR-001']);
      assert.equal(expandRange('FR-002', 'FR-001'), undefined);
      assert.equal(expandRange('FR-001', 'NFR-002'), undefined);
    });
  });
});
