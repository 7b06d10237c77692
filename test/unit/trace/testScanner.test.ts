import assert from 'node:assert/strict';
import { compileIdPattern, DEFAULT_ID_PATTERN } from '../../../server/src/documents/ids';
import { referenceMatcher } from '../../../server/src/trace/references';
import { languageOf, scanTestFile } from '../../../server/src/trace/testScanner';
import { md } from '../helpers';

const matcher = referenceMatcher(compileIdPattern(DEFAULT_ID_PATTERN));

/**
 * A scanned file in one line per item: tests as `line:name [skip] [suite] < parent`,
 * references as `line:text -> enclosing test [skip]` (zero-based lines).
 */
function scan(path: string, text: string): { tests: string[]; refs: string[] } {
  const s = scanTestFile(text, path, matcher);
  return {
    tests: s.tests.map((t) => `${t.line}:${t.name}${t.skipped ? ' [skip]' : ''}${t.suite ? ' [suite]' : ''}${t.parent ? ` < ${t.parent.name}` : ''}`),
    refs: s.references.map((r) => `${r.line}:${r.text} -> ${r.test ? `${r.test.name}${r.test.skipped ? ' [skip]' : ''}` : '(file)'}`),
  };
}

describe('trace/testScanner', () => {
  it('knows each language by its extension', () => {
    const cases: [string, string][] = [
      ['a.test.ts', 'js'],
      ['a.spec.tsx', 'js'],
      ['a.test.mjs', 'js'],
      ['test_a.py', 'python'],
      ['a_test.go', 'go'],
      ['tests/a.rs', 'rust'],
      ['ATest.java', 'jvm'],
      ['ATest.kt', 'jvm'],
      ['a_spec.rb', 'ruby'],
      ['a.feature', 'other'],
    ];
    for (const [path, lang] of cases) assert.equal(languageOf(path), lang, path);
  });

  describe('TypeScript / JavaScript', () => {
    it('mocha: describe/it nesting, comments and tags above a test or suite, ids in bodies, file-level mentions', () => {
      const text = md(
        '// The CSV export (FR-010).', // 0
        "import { strict as assert } from 'node:assert';", // 1
        '', // 2
        '// Suite for FR-011.', // 3
        "describe('CSV export', () => {", // 4
        '  // @covers FR-001', // 5
        "  it('writes one row per invoice', () => {", // 6
        '    assert.ok(true); // FR-002', // 7
        '  });', // 8
        '', // 9
        "  context('quoting', () => {", // 10
        '    /**', // 11
        '     * [FR-003] quotes commas', // 12
        '     */', // 13
        "    it('FR-004 quotes quotes', () => {});", // 14
        '  });', // 15
        '});', // 16
      );
      assert.deepEqual(scan('test/export.test.ts', text), {
        tests: ['4:CSV export [suite]', '6:writes one row per invoice < CSV export', '10:quoting [suite] < CSV export', '14:FR-004 quotes quotes < quoting'],
        refs: [
          '0:FR-010 -> (file)',
          '3:FR-011 -> CSV export',
          '5:FR-001 -> writes one row per invoice',
          '7:FR-002 -> writes one row per invoice',
          '12:FR-003 -> FR-004 quotes quotes',
          '14:FR-004 -> FR-004 quotes quotes',
        ],
      });
    });

    it('mocha/jest: it.skip, xit, test.skip, test.todo, xdescribe and describe.skip nesting', () => {
      const text = md(
        "describe('suite', () => {", // 0
        "  it.skip('FR-001 a', () => {});", // 1
        "  xit('FR-002 b', () => {});", // 2
        "  test.skip('FR-003 c', () => {});", // 3
        "  test.todo('FR-004 d');", // 4
        "  describe.skip('skipped suite', () => {", // 5
        "    describe('inner suite', () => {", // 6
        "      it('FR-005 e', () => {});", // 7
        '    });', // 8
        '  });', // 9
        "  xdescribe('x suite', () => {", // 10
        "    test('FR-006 f', () => {});", // 11
        '  });', // 12
        "  it.only('FR-007 g', () => {});", // 13
        "  fit('FR-008 h', () => {});", // 14
        '});', // 15
      );
      const s = scan('src/a.spec.js', text);
      assert.deepEqual(s.refs, [
        '1:FR-001 -> FR-001 a [skip]',
        '2:FR-002 -> FR-002 b [skip]',
        '3:FR-003 -> FR-003 c [skip]',
        '4:FR-004 -> FR-004 d [skip]',
        '7:FR-005 -> FR-005 e [skip]',
        '11:FR-006 -> FR-006 f [skip]',
        '13:FR-007 -> FR-007 g',
        '14:FR-008 -> FR-008 h',
      ]);
      assert.ok(s.tests.includes('6:inner suite [skip] [suite] < skipped suite'), 'a suite inside a skipped suite is skipped');
    });

    it('jest/vitest: test.each, it.concurrent and templates', () => {
      const text = md(
        "describe.each([1, 2])('FR-001 with %i', (n) => {", // 0
        "  test.each([[1, 2]])('FR-002 adds %i', (a, b) => {});", // 1
        '});', // 2
        "it.concurrent('FR-003 in parallel', async () => {});", // 3
        'it(`FR-004 template`, () => {});', // 4
      );
      assert.deepEqual(scan('test/sum.test.ts', text), {
        tests: ['0:FR-001 with %i [suite]', '1:FR-002 adds %i < FR-001 with %i', '3:FR-003 in parallel', '4:FR-004 template'],
        refs: ['0:FR-001 -> FR-001 with %i', '1:FR-002 -> FR-002 adds %i', '3:FR-003 -> FR-003 in parallel', '4:FR-004 -> FR-004 template'],
      });
    });

    it('node:test: { skip: true }, { skip: "reason" }, { todo: true } skip; { skip: false } does not', () => {
      const text = md(
        "import { test } from 'node:test';", // 0
        "test('FR-001 a', { skip: true }, () => {});", // 1
        "test('FR-002 b', { skip: 'flaky on CI' }, () => {});", // 2
        "test('FR-003 c', { todo: true }, () => {});", // 3
        "test('FR-004 d', { skip: false }, () => {});", // 4
        "test('FR-005 e', { timeout: 500, skip: true }, () => {});", // 5
        "test('FR-006 f', () => {});", // 6
      );
      assert.deepEqual(scan('test/a.test.mjs', text).refs, [
        '1:FR-001 -> FR-001 a [skip]',
        '2:FR-002 -> FR-002 b [skip]',
        '3:FR-003 -> FR-003 c [skip]',
        '4:FR-004 -> FR-004 d',
        '5:FR-005 -> FR-005 e [skip]',
        '6:FR-006 -> FR-006 f',
      ]);
    });
  });

  describe('Python (pytest, unittest)', () => {
    it('test functions and classes, markers, docstrings and comments', () => {
      const text = md(
        '"""Tests for the compile pipeline (FR-100)."""', // 0
        'import pytest', // 1
        '', // 2
        '@pytest.mark.requirement("2B-FR-001")', // 3
        'def test_compile():', // 4
        '    """Covers FR-002."""', // 5
        '    assert compile()', // 6
        '    # FR-003 is checked at the end of this body', // 7
        '', // 8
        'class TestOutputs:', // 9
        '    @pytest.mark.requirement("2B-FR-004")', // 10
        '    async def test_json(self):', // 11
        '        pass', // 12
      );
      assert.deepEqual(scan('tests/test_compile.py', text), {
        tests: ['4:test_compile', '9:TestOutputs [suite]', '11:test_json < TestOutputs'],
        refs: [
          '0:FR-100 -> (file)',
          '3:2B-FR-001 -> test_compile',
          '5:FR-002 -> test_compile',
          '7:FR-003 -> test_compile',
          '10:2B-FR-004 -> test_json',
        ],
      });
    });

    it('a comment ending one test body is not the preamble of the next test', () => {
      const text = md(
        'class TestGroup:', // 0
        '    def test_first(self):', // 1
        '        pytest.skip("not yet")', // 2
        '        # FR-001', // 3
        '', // 4
        '    def test_second(self):', // 5
        '        # FR-002', // 6
        '        pass', // 7
      );
      assert.deepEqual(scan('tests/test_group.py', text).refs, ['3:FR-001 -> test_first [skip]', '6:FR-002 -> test_second']);
    });

    it('@pytest.mark.skip, @unittest.skip, pytest.skip() and skipped classes skip; skipif does not', () => {
      const text = md(
        '@pytest.mark.skip(reason="later")', // 0
        'def test_a():', // 1
        '    # FR-001', // 2
        '    pass', // 3
        '', // 4
        '@pytest.mark.skipif(sys.platform == "win32", reason="posix only")', // 5
        'def test_b():', // 6
        '    # FR-002', // 7
        '    pass', // 8
        '', // 9
        'def test_c():', // 10
        '    pytest.skip("flaky")', // 11
        '    # FR-003', // 12
        '', // 13
        '@unittest.skip("later")', // 14
        'def test_d():', // 15
        '    """FR-004"""', // 16
        '', // 17
        '@pytest.mark.skip', // 18
        'class TestSkipped:', // 19
        '    def test_e(self):', // 20
        '        # FR-005', // 21
        '        pass', // 22
      );
      assert.deepEqual(scan('test_skips.py', text).refs, [
        '2:FR-001 -> test_a [skip]',
        '7:FR-002 -> test_b',
        '12:FR-003 -> test_c [skip]',
        '16:FR-004 -> test_d [skip]',
        '21:FR-005 -> test_e [skip]',
      ]);
    });
  });

  describe('Go', () => {
    it('test functions, t.Run subtests, comments above a test and t.Skip', () => {
      const text = md(
        'package export', // 0
        '', // 1
        '// TestExport covers FR-001.', // 2
        'func TestExport(t *testing.T) {', // 3
        '\tt.Run("FR-002 quotes commas", func(t *testing.T) {', // 4
        '\t\tt.Skip("later")', // 5
        '\t})', // 6
        '\t// FR-003', // 7
        '}', // 8
        '', // 9
        'func TestSkipped(t *testing.T) {', // 10
        '\tt.Skipf("needs %s", "db")', // 11
        '\t// FR-004', // 12
        '}', // 13
      );
      assert.deepEqual(scan('export_test.go', text), {
        tests: ['3:TestExport', '4:TestExport/FR-002 quotes commas [skip] < TestExport', '10:TestSkipped [skip]'],
        refs: ['2:FR-001 -> TestExport', '4:FR-002 -> TestExport/FR-002 quotes commas [skip]', '7:FR-003 -> TestExport', '12:FR-004 -> TestSkipped [skip]'],
      });
    });
  });

  describe('Go t.Skip after a subtest', () => {
    it('skips the parent test, not the subtest that closed above it (that one already ran)', () => {
      const text = md(
        'func TestImport(t *testing.T) {', // 0
        '\tt.Run("FR-010 parses", func(t *testing.T) {', // 1
        '\t\t// body', // 2
        '\t})', // 3
        '\tt.Skip("flaky") // FR-011', // 4
        '}', // 5
      );
      assert.deepEqual(scan('import_test.go', text), {
        tests: ['0:TestImport [skip]', '1:TestImport/FR-010 parses < TestImport'],
        refs: ['1:FR-010 -> TestImport/FR-010 parses', '4:FR-011 -> TestImport [skip]'],
      });
    });
  });

  describe('Rust', () => {
    it('#[test], #[tokio::test], doc comments and #[ignore]', () => {
      const text = md(
        '#[cfg(test)]', // 0
        'mod tests {', // 1
        '    /// Verifies FR-001.', // 2
        '    #[test]', // 3
        '    fn exports_rows() {', // 4
        '        // FR-002', // 5
        '    }', // 6
        '', // 7
        '    #[test]', // 8
        '    #[ignore]', // 9
        '    fn slow_export() {', // 10
        '        // FR-003', // 11
        '    }', // 12
        '', // 13
        '    #[tokio::test]', // 14
        '    async fn async_export() {', // 15
        '        // FR-004', // 16
        '    }', // 17
        '}', // 18
      );
      assert.deepEqual(scan('src/tests.rs', text), {
        tests: ['4:exports_rows', '10:slow_export [skip]', '15:async_export'],
        refs: ['2:FR-001 -> exports_rows', '5:FR-002 -> exports_rows', '11:FR-003 -> slow_export [skip]', '16:FR-004 -> async_export'],
      });
    });
  });

  describe('Java / Kotlin', () => {
    it('JUnit: @Test, @DisplayName, @Disabled, @Ignore and a disabled @Nested class', () => {
      const text = md(
        'class ExportTest {', // 0
        '    @Test', // 1
        '    @DisplayName("FR-001 writes rows")', // 2
        '    void writesRows() {', // 3
        '        // FR-002', // 4
        '    }', // 5
        '', // 6
        '    @Disabled("later")', // 7
        '    @Test', // 8
        '    void quotes() { // FR-003', // 9
        '    }', // 10
        '', // 11
        '    @Test', // 12
        '    @Ignore', // 13
        '    public void legacy() {', // 14
        '        // FR-004', // 15
        '    }', // 16
        '', // 17
        '    @Nested', // 18
        '    @Disabled', // 19
        '    class Inner {', // 20
        '        @Test', // 21
        '        void inner() { // FR-005', // 22
        '        }', // 23
        '    }', // 24
        '}', // 25
      );
      assert.deepEqual(scan('src/test/java/ExportTest.java', text), {
        tests: ['0:ExportTest [suite]', '3:FR-001 writes rows < ExportTest', '9:quotes [skip] < ExportTest', '14:legacy [skip] < ExportTest', '20:Inner [skip] [suite] < ExportTest', '22:inner [skip] < Inner'],
        refs: ['2:FR-001 -> FR-001 writes rows', '4:FR-002 -> FR-001 writes rows', '9:FR-003 -> quotes [skip]', '15:FR-004 -> legacy [skip]', '22:FR-005 -> inner [skip]'],
      });
    });

    it('Kotlin: backtick test names and @Disabled', () => {
      const text = md(
        'class ExportTest {', // 0
        '    @Test', // 1
        '    fun `FR-001 writes rows`() {', // 2
        '        // FR-002', // 3
        '    }', // 4
        '', // 5
        '    @Disabled', // 6
        '    @Test', // 7
        '    fun quotes() {', // 8
        '        // FR-003', // 9
        '    }', // 10
        '}', // 11
      );
      assert.deepEqual(scan('src/test/kotlin/ExportTest.kt', text).refs, ['2:FR-001 -> FR-001 writes rows', '3:FR-002 -> FR-001 writes rows', '9:FR-003 -> quotes [skip]']);
    });
  });

  describe('Ruby', () => {
    it('RSpec: describe/context/it, xit, xdescribe nesting and skip inside an example', () => {
      const text = md(
        '# Export (FR-000)', // 0
        'RSpec.describe Export do', // 1
        "  it 'FR-001 writes rows' do", // 2
        '    # FR-002', // 3
        '  end', // 4
        '', // 5
        "  xit 'FR-003 later' do", // 6
        '  end', // 7
        '', // 8
        "  it 'pending export' do", // 9
        "    skip 'not yet'", // 10
        '    # FR-004', // 11
        '  end', // 12
        '', // 13
        "  xdescribe 'group' do", // 14
        "    context 'inner' do", // 15
        "      it 'FR-005' do", // 16
        '      end', // 17
        '    end', // 18
        '  end', // 19
        'end', // 20
      );
      assert.deepEqual(scan('spec/export_spec.rb', text), {
        tests: ['2:FR-001 writes rows', '6:FR-003 later [skip]', '9:pending export [skip]', '14:group [skip] [suite]', '15:inner [skip] [suite] < group', '16:FR-005 [skip] < inner'],
        refs: ['0:FR-000 -> (file)', '2:FR-001 -> FR-001 writes rows', '3:FR-002 -> FR-001 writes rows', '6:FR-003 -> FR-003 later [skip]', '11:FR-004 -> pending export [skip]', '16:FR-005 -> FR-005 [skip]'],
      });
    });

    it('minitest: test "..." blocks', () => {
      assert.deepEqual(scan('test/export_test.rb', md('class ExportTest < Minitest::Test', '  test "FR-001 writes rows" do', '  end', 'end')).refs, ['1:FR-001 -> FR-001 writes rows']);
    });
  });

  it('other files: references without tests', () => {
    assert.deepEqual(scan('features/export.feature', md('Feature: export', '  Scenario: FR-001 rows')), { tests: [], refs: ['1:FR-001 -> (file)'] });
  });

  it('keeps CRLF files on the same lines and columns', () => {
    const text = md("it('a', () => {", '  // FR-001', '});').replace(/\n/g, '\r\n');
    const s = scanTestFile(text, 'a.test.ts', matcher);
    assert.deepEqual(
      s.references.map((r) => [r.line, r.start, r.end, r.test?.name]),
      [[1, 5, 11, 'a']],
    );
  });
});
