import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PodflowConfig } from '../../../server/src/config';
import { citingTests, lensTitle } from '../../../server/src/features/testsOf';
import { Project } from '../../../server/src/project';
import { JUnitReport, MAX_REPORT_BYTES, parseJUnit } from '../../../server/src/trace/junit';
import { normTitle, STALE_SLACK_MS } from '../../../server/src/trace/junitResults';
import { DiskWorkspace } from '../../../server/src/workspace/diskWorkspace';
import { MemoryWorkspace } from '../../../server/src/workspace/memoryWorkspace';
import { md, withConfig } from '../helpers';

/** One spec with three MUSTs and a SHOULD; every fixture below cites it. */
const SPEC_PATH = 'specs/001-export/spec.md';
const SPEC = md(
  '# Export',
  '',
  '## Summary',
  '',
  'Accountants export invoices as CSV.',
  '',
  '## Requirements',
  '',
  '- **FR-001**: The system MUST export one row per invoice.',
  '- **FR-002**: The export MUST quote fields that contain commas.',
  '- **FR-003**: The file name MUST name the month.',
  '- **FR-004**: The export SHOULD include a header row.',
  '',
  '## Out of scope',
  '',
  '- Excel output.',
);

const NOW = Date.parse('2026-11-24T12:00:00Z');
const MIN = 60_000;

function project(files: Record<string, string>, opts: { mtimes?: Record<string, number>; config?: Partial<PodflowConfig> } = {}): Project {
  const ws = new MemoryWorkspace({ [SPEC_PATH]: SPEC, ...files });
  for (const [p, t] of Object.entries(opts.mtimes ?? {})) ws.mtimes.set(p, t);
  const p = new Project(ws, withConfig(opts.config));
  p.indexAll();
  return p;
}

function requirement(p: Project, id: string) {
  const r = p.trace.specs.get(SPEC_PATH)?.byId.get(id);
  assert.ok(r, `${id} is in the spec`);
  return r;
}

/** The code lens title of a requirement, dated against NOW. */
function title(p: Project, id: string): string {
  const r = requirement(p, id);
  return lensTitle(r.level, citingTests(p, r), p.results.size ? { now: NOW } : undefined);
}

function outcomes(p: Project, id: string): (string | undefined)[] {
  return citingTests(p, requirement(p, id)).map((t) => t.outcome?.status);
}

function trace004(p: Project): { line: number; severity: string; message: string }[] {
  return p
    .findings(SPEC_PATH)
    .filter((f) => f.ruleId === 'TRACE004')
    .map((f) => ({ line: f.range.start.line + 1, severity: f.severity, message: f.message }));
}

function parsed(text: string, fileTime?: number): JUnitReport {
  const r = parseJUnit(text, 'junit.xml', fileTime);
  if ('error' in r) assert.fail(r.error);
  return r.report;
}

// ---------------------------------------------------------------------------
// Reports as each tool writes them (trimmed to the tests below).

/** mocha + mocha-junit-reporter: one <testsuite> per describe, with `file`; name is the full title. */
const MOCHA_TEST = md(
  "import { strict as assert } from 'node:assert';",
  '',
  "describe('Export', () => {",
  "  it('FR-001 writes one row per invoice', () => {",
  '    assert.ok(true);',
  '  });',
  "  describe('quoting', () => {",
  "    it('FR-002 quotes commas', () => {",
  "      assert.equal(quote('a,b'), '\"a,b\"');",
  '    });',
  '  });',
  '});',
);
const MOCHA_REPORT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="Mocha Tests" time="0.0120" tests="2" failures="1">
  <testsuite name="Root Suite" timestamp="2026-11-24T11:48:00" tests="0" file="/home/ci/ledger/test/export.test.ts" time="0.0000" failures="0">
  </testsuite>
  <testsuite name="Export" timestamp="2026-11-24T11:48:00" tests="1" file="/home/ci/ledger/test/export.test.ts" time="0.0040" failures="0">
    <testcase name="Export FR-001 writes one row per invoice" time="0.0010" classname="FR-001 writes one row per invoice">
    </testcase>
  </testsuite>
  <testsuite name="quoting" timestamp="2026-11-24T11:48:00" tests="1" file="/home/ci/ledger/test/export.test.ts" time="0.0030" failures="1">
    <testcase name="Export quoting FR-002 quotes commas" time="0.0020" classname="FR-002 quotes commas">
      <failure message="expected &apos;a,b&apos; to equal &apos;&quot;a,b&quot;&apos;" type="AssertionError"><![CDATA[AssertionError: expected 'a,b' to equal '"a,b"'
    at Context.<anonymous> (test/export.test.ts:9:14)]]></failure>
    </testcase>
  </testsuite>
</testsuites>
`;

/** jest + jest-junit (defaults): one <testsuite> per file, name and classname are "describe test". */
const JEST_TEST = md(
  "describe('Export', () => {",
  "  test('FR-001 writes one row per invoice', () => {",
  '    expect(rows(invoices)).toHaveLength(2);',
  '  });',
  "  test('FR-002 quotes commas', () => {",
  "    expect(quote('a,b')).toBe('\"a,b\"');",
  '  });',
  "  test.skip('FR-003 names the file by month', () => {});",
  '});',
);
const JEST_REPORT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="3" failures="1" errors="0" time="1.204">
  <testsuite name="Export" errors="0" failures="1" skipped="1" timestamp="2026-11-24T11:50:12" time="0.851" tests="3">
    <testcase classname="Export FR-001 writes one row per invoice" name="Export FR-001 writes one row per invoice" time="0.003">
    </testcase>
    <testcase classname="Export FR-002 quotes commas" name="Export FR-002 quotes commas" time="0.002">
      <failure>Error: expect(received).toBe(expected) // Object.is equality

Expected: "\\"a,b\\""
Received: "a,b"
    at Object.toBe (/home/ci/ledger/src/__tests__/export.test.ts:6:25)</failure>
    </testcase>
    <testcase classname="Export FR-003 names the file by month" name="Export FR-003 names the file by month" time="0">
      <skipped/>
    </testcase>
  </testsuite>
</testsuites>
`;

/** vitest `--reporter=junit`: classname is the file, name is "describe > test". */
const VITEST_REPORT = `<?xml version="1.0" encoding="UTF-8" ?>
<testsuites name="vitest tests" tests="3" failures="1" errors="0" time="0.412">
    <testsuite name="test/export.test.ts" timestamp="2026-11-24T11:52:03.118Z" hostname="ci" tests="2" failures="0" errors="0" skipped="0" time="0.004">
        <testcase classname="test/export.test.ts" name="Export &gt; FR-001 writes one row per invoice" time="0.002">
        </testcase>
        <testcase classname="test/export.test.ts" name="Export &gt; quoting &gt; FR-002 quotes commas" time="0.001">
        </testcase>
    </testsuite>
    <testsuite name="test/legacy.test.ts" timestamp="2026-11-24T11:52:03.120Z" hostname="ci" tests="1" failures="1" errors="0" skipped="0" time="0.003">
        <testcase classname="test/legacy.test.ts" name="Export &gt; FR-001 writes one row per invoice" time="0.002">
            <failure message="expected 1 to be 2" type="AssertionError">AssertionError: expected 1 to be 2
 ❯ test/legacy.test.ts:4:22</failure>
        </testcase>
    </testsuite>
</testsuites>
`;
const LEGACY_TEST = md(
  "describe('Export', () => {",
  "  it('FR-001 writes one row per invoice', () => {",
  '    expect(rows(invoices)).toHaveLength(2);',
  '  });',
  '});',
);

/** pytest --junitxml: classname is the module path (plus the class), parameters in brackets. */
const PYTEST_TEST = md(
  'import pytest',
  '',
  '',
  '@pytest.mark.requirement("FR-001")',
  'def test_one_row_per_invoice():',
  '    assert len(rows(INVOICES)) == 2',
  '',
  '',
  'class TestQuoting:',
  '    @pytest.mark.requirement("FR-002")',
  '    @pytest.mark.parametrize("value", ["a,b", "plain"])',
  '    def test_quotes(self, value):',
  "        assert quote(value) == f'\"{value}\"'",
);
const PYTEST_REPORT = `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="0" failures="1" skipped="0" tests="3" time="0.048" timestamp="2026-11-24T11:55:40.211342+00:00" hostname="ci"><testcase classname="tests.test_export" name="test_one_row_per_invoice" time="0.001" /><testcase classname="tests.test_export.TestQuoting" name="test_quotes[a,b]" time="0.001" /><testcase classname="tests.test_export.TestQuoting" name="test_quotes[plain]" time="0.001"><failure message="AssertionError: assert 'plain' == '&quot;plain&quot;'">value = 'plain'

    def test_quotes(self, value):
&gt;       assert quote(value) == f'"{value}"'
E       AssertionError: assert 'plain' == '"plain"'

tests/test_export.py:13: AssertionError</failure></testcase></testsuite></testsuites>`;

/** go test -v | go-junit-report: classname is the package path, subtests "TestX/with_underscores". */
const GO_TEST = md(
  'package export',
  '',
  'import "testing"',
  '',
  '// FR-001',
  'func TestExportRows(t *testing.T) {',
  '\tt.Run("FR-002 quotes commas", func(t *testing.T) {',
  '\t\tif quote("a,b") != `"a,b"` {',
  '\t\t\tt.Fatal("not quoted")',
  '\t\t}',
  '\t})',
  '}',
  '',
  '// FR-003',
  'func TestFileName(t *testing.T) {',
  '\tif name(2026, 11) != "ledgerly-2026-11.csv" {',
  '\t\tt.Fatal("bad name")',
  '\t}',
  '}',
);
const GO_REPORT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="3" failures="1">
\t<testsuite name="github.com/acme/ledger/export" tests="3" failures="1" errors="0" id="0" hostname="ci" time="0.004" timestamp="2026-11-24T11:57:09Z">
\t\t<properties>
\t\t\t<property name="go.version" value="go1.22.4 linux/amd64"></property>
\t\t</properties>
\t\t<testcase name="TestExportRows" classname="github.com/acme/ledger/export" time="0.000"></testcase>
\t\t<testcase name="TestExportRows/FR-002_quotes_commas" classname="github.com/acme/ledger/export" time="0.000"></testcase>
\t\t<testcase name="TestFileName" classname="github.com/acme/ledger/export" time="0.000">
\t\t\t<failure message="Failed"><![CDATA[    export_test.go:17: bad name]]></failure>
\t\t</testcase>
\t</testsuite>
</testsuites>
`;

/** cargo nextest with `junit.path`: classname is the binary id, names are module paths. */
const RUST_TEST = md(
  '// FR-001',
  '#[test]',
  'fn exports_one_row_per_invoice() {',
  '    assert_eq!(rows(&invoices()).len(), 2);',
  '}',
  '',
  'mod quoting {',
  '    // FR-002',
  '    #[test]',
  '    fn quotes_commas() {',
  '        assert_eq!(super::quote("a,b"), "\\"a,b\\"");',
  '    }',
  '}',
);
const NEXTEST_REPORT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="nextest-run" tests="2" failures="0" errors="0" uuid="45c50ee5-5c1b-4b4b-a5b0-0c2c5e1e3c0d" timestamp="2026-11-24T11:58:30.412+00:00" time="0.021">
    <testsuite name="ledger::export" tests="2" disabled="0" errors="0" failures="0">
        <testcase name="exports_one_row_per_invoice" classname="ledger::export" timestamp="2026-11-24T11:58:30.415+00:00" time="0.003">
        </testcase>
        <testcase name="quoting::quotes_commas" classname="ledger::export" timestamp="2026-11-24T11:58:30.416+00:00" time="0.002">
        </testcase>
    </testsuite>
</testsuites>
`;

/** node --test --test-reporter=junit: top-level tests sit right under <testsuites>, no file, no timestamp. */
const NODE_TEST = md(
  "import { test } from 'node:test';",
  '',
  "test('FR-001: one row per invoice', () => {});",
  '',
  "test('FR-002: quotes commas', () => {});",
);
function nodeReport(fr002: 'pass' | 'fail' = 'pass'): string {
  const failure =
    fr002 === 'fail'
      ? `>\n\t\t<failure type="testCodeFailure" message="Expected values to be strictly equal:\n\n'a,b' !== '&quot;a,b&quot;'\n">[Error [ERR_TEST_FAILURE]: Expected values to be strictly equal]</failure>\n\t</testcase>`
      : '/>';
  return `<?xml version="1.0" encoding="utf-8"?>
<testsuites>
\t<testcase name="FR-001: one row per invoice" time="0.000873" classname="test"/>
\t<testcase name="FR-002: quotes commas" time="0.000149" classname="test"${failure}
\t<!-- tests 2 -->
\t<!-- suites 0 -->
\t<!-- pass ${fr002 === 'pass' ? 2 : 1} -->
\t<!-- fail ${fr002 === 'pass' ? 0 : 1} -->
</testsuites>
`;
}

describe('trace/junit', () => {
  describe('parseJUnit', () => {
    it('reads node:test reports: cases right under <testsuites>, no file, no timestamp', () => {
      const r = parsed(nodeReport('fail'), NOW - 5 * MIN);
      assert.deepEqual(
        r.cases.map((c) => [c.name, c.classname, c.status, c.suites]),
        [
          ['FR-001: one row per invoice', 'test', 'passed', []],
          ['FR-002: quotes commas', 'test', 'failed', []],
        ],
      );
      assert.equal(r.cases[1].message, 'Expected values to be strictly equal:');
      assert.equal(r.time, NOW - 5 * MIN, 'the file time dates the report');
      assert.equal(r.cases[0].time, NOW - 5 * MIN);
    });

    it('reads mocha-junit-reporter reports: suites carry the file; failure messages', () => {
      const r = parsed(MOCHA_REPORT);
      assert.deepEqual(
        r.cases.map((c) => [c.name, c.file, c.suites, c.status]),
        [
          ['Export FR-001 writes one row per invoice', '/home/ci/ledger/test/export.test.ts', ['Export'], 'passed'],
          ['Export quoting FR-002 quotes commas', '/home/ci/ledger/test/export.test.ts', ['quoting'], 'failed'],
        ],
      );
      assert.equal(r.cases[1].message, `expected 'a,b' to equal '"a,b"'`);
    });

    it('reads jest-junit reports: <skipped/>, failure text without a message attribute', () => {
      const r = parsed(JEST_REPORT);
      assert.deepEqual(
        r.cases.map((c) => c.status),
        ['passed', 'failed', 'skipped'],
      );
      assert.equal(r.cases[1].message, 'Error: expect(received).toBe(expected) // Object.is equality');
    });

    it('reads pytest, go-junit-report, vitest and nextest reports', () => {
      assert.deepEqual(
        parsed(PYTEST_REPORT).cases.map((c) => [c.classname, c.name, c.status]),
        [
          ['tests.test_export', 'test_one_row_per_invoice', 'passed'],
          ['tests.test_export.TestQuoting', 'test_quotes[a,b]', 'passed'],
          ['tests.test_export.TestQuoting', 'test_quotes[plain]', 'failed'],
        ],
      );
      assert.deepEqual(
        parsed(GO_REPORT).cases.map((c) => [c.name, c.status]),
        [
          ['TestExportRows', 'passed'],
          ['TestExportRows/FR-002_quotes_commas', 'passed'],
          ['TestFileName', 'failed'],
        ],
      );
      assert.deepEqual(
        parsed(VITEST_REPORT).cases.map((c) => [c.classname, c.name, c.status]),
        [
          ['test/export.test.ts', 'Export > FR-001 writes one row per invoice', 'passed'],
          ['test/export.test.ts', 'Export > quoting > FR-002 quotes commas', 'passed'],
          ['test/legacy.test.ts', 'Export > FR-001 writes one row per invoice', 'failed'],
        ],
      );
      assert.deepEqual(
        parsed(NEXTEST_REPORT).cases.map((c) => [c.classname, c.name, c.status]),
        [
          ['ledger::export', 'exports_one_row_per_invoice', 'passed'],
          ['ledger::export', 'quoting::quotes_commas', 'passed'],
        ],
      );
    });

    it('reads a single <testsuite> root (Surefire, Gradle) and nested suites', () => {
      const r = parsed(
        md(
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<testsuite name="com.acme.ExportTest" time="0.05" tests="2" errors="1" skipped="0" failures="0" timestamp="2026-11-24T11:40:00Z">',
          '  <testcase name="oneRowPerInvoice" classname="com.acme.ExportTest" time="0.01"/>',
          '  <testsuite name="Nested">',
          '    <testcase name="quotes" classname="com.acme.ExportTest$Nested" time="0.01"><error message="NPE" type="java.lang.NullPointerException"/></testcase>',
          '  </testsuite>',
          '</testsuite>',
        ),
      );
      assert.deepEqual(
        r.cases.map((c) => [c.name, c.suites, c.status, c.message]),
        [
          ['oneRowPerInvoice', ['com.acme.ExportTest'], 'passed', undefined],
          ['quotes', ['com.acme.ExportTest', 'Nested'], 'failed', 'NPE'],
        ],
      );
      assert.equal(r.time, Date.parse('2026-11-24T11:40:00Z'), 'without a file time, the timestamp dates it');
    });

    it('dates cases by zoned timestamps, but not by zone-less ones when the file has a time', () => {
      const fileTime = NOW;
      // go-junit-report writes UTC with "Z": believed.
      assert.equal(parsed(GO_REPORT, fileTime).cases[0].time, Date.parse('2026-11-24T11:57:09Z'));
      // jest-junit writes no zone: it may be local time, so the file's time wins.
      assert.equal(parsed(JEST_REPORT, fileTime).cases[0].time, fileTime);
      assert.equal(parsed(JEST_REPORT).cases[0].time, Date.parse('2026-11-24T11:50:12Z'));
      // A timestamp after the file was written is impossible: the file's time wins.
      assert.equal(parsed(GO_REPORT, Date.parse('2026-11-24T11:00:00Z')).cases[0].time, Date.parse('2026-11-24T11:00:00Z'));
    });

    it('gives a one-line reason for malformed or foreign files', () => {
      const bad = (text: string): string => {
        const r = parseJUnit(text, 'x.xml', undefined);
        assert.ok('error' in r, 'an error');
        assert.doesNotMatch(r.error, /\n/);
        return r.error;
      };
      assert.match(bad('<testsuites><testcase name="a"></testsuites>'), /^not well-formed XML: .*\(line 1, column \d+\)$/);
      assert.match(bad('{"numFailedTests": 0}'), /^not well-formed XML/);
      assert.match(bad('<coverage line-rate="0.9"><packages/></coverage>'), /^not a JUnit XML report \(root element is <coverage>/);
      assert.match(bad(''), /not a JUnit XML report/);
      assert.match(bad('<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><testsuites/>'), /entities/);
    });
  });

  describe('normTitle', () => {
    it('ignores case, suite separators, underscores and pytest parameters', () => {
      assert.equal(normTitle('Export > quoting > FR-002 quotes commas'), 'export quoting fr-002 quotes commas');
      assert.equal(normTitle('Export › FR-002'), 'export fr-002');
      assert.equal(normTitle('quoting::quotes_commas'), 'quoting quotes commas');
      assert.equal(normTitle('test_quotes[a,b]'), 'test quotes');
      assert.equal(normTitle('TestExportRows/FR-002_quotes_commas'), 'testexportrows/fr-002 quotes commas');
      assert.equal(normTitle("it\\'s"), "it's");
    });
  });

  describe('matching results to tests', () => {
    it('mocha: full titles, the file attribute', () => {
      const p = project({ 'test/export.test.ts': MOCHA_TEST, 'test-results/junit.xml': MOCHA_REPORT });
      assert.deepEqual(outcomes(p, 'FR-001'), ['passed']);
      assert.deepEqual(outcomes(p, 'FR-002'), ['failed']);
      assert.equal(title(p, 'FR-001'), '✓ 1 test · 1 passed · 12 min ago');
      assert.equal(title(p, 'FR-002'), '✗ 1 of 1 failed · 12 min ago');
      assert.equal(title(p, 'FR-003'), '✗ no test');
    });

    it('jest: "describe test" names; a statically skipped test stays a skipped test', () => {
      const p = project({ 'src/__tests__/export.test.ts': JEST_TEST, 'junit.xml': JEST_REPORT });
      assert.deepEqual(outcomes(p, 'FR-001'), ['passed']);
      assert.deepEqual(outcomes(p, 'FR-002'), ['failed']);
      assert.deepEqual(outcomes(p, 'FR-003'), [undefined]);
      assert.equal(title(p, 'FR-003'), '✗ 1 skipped test');
    });

    it('vitest: the classname names the file, so same-named tests in two files get their own result', () => {
      const p = project({ 'test/export.test.ts': MOCHA_TEST, 'test/legacy.test.ts': LEGACY_TEST, 'reports/junit-vitest.xml': VITEST_REPORT });
      const tests = citingTests(p, requirement(p, 'FR-001'));
      assert.deepEqual(
        tests.map((t) => [t.path, t.outcome?.status]),
        [
          ['test/export.test.ts', 'passed'],
          ['test/legacy.test.ts', 'failed'],
        ],
      );
      assert.equal(title(p, 'FR-001'), '✗ 1 of 2 failed · 7 min ago');
      assert.deepEqual(outcomes(p, 'FR-002'), ['passed']);
      assert.deepEqual(trace004(p), [], 'one of the two tests passed');
    });

    it('pytest: module classname -> file, class methods, parameters summed up (any failure fails)', () => {
      const p = project({ 'tests/test_export.py': PYTEST_TEST, 'test-results/pytest.xml': PYTEST_REPORT });
      assert.deepEqual(outcomes(p, 'FR-001'), ['passed']);
      const [quotes] = citingTests(p, requirement(p, 'FR-002'));
      assert.equal(quotes.outcome?.status, 'failed');
      assert.equal(quotes.outcome?.cases, 2);
      assert.equal(quotes.outcome?.failed, 1);
      assert.equal(title(p, 'FR-001'), '✓ 1 test · 1 passed · 4 min ago');
    });

    it('pytest: a case whose module is another file does not match', () => {
      const p = project({ 'tests/legacy/test_export.py': PYTEST_TEST, 'test-results/pytest.xml': PYTEST_REPORT });
      assert.deepEqual(outcomes(p, 'FR-001'), [undefined]);
      assert.equal(title(p, 'FR-001'), '1 test · no results');
    });

    it('go-junit-report: TestX and TestX/sub_test names, package path classname', () => {
      const p = project({ 'export/export_test.go': GO_TEST, 'junit-go.xml': GO_REPORT });
      assert.deepEqual(outcomes(p, 'FR-001'), ['passed']);
      assert.deepEqual(outcomes(p, 'FR-002'), ['passed']);
      assert.deepEqual(outcomes(p, 'FR-003'), ['failed']);
      assert.equal(title(p, 'FR-003'), '✗ 1 of 1 failed · 2 min ago');
      assert.deepEqual(trace004(p), [{ line: 11, severity: 'error', message: 'Every test citing FR-003 (MUST) failed in the latest test report.' }]);
    });

    it('cargo-nextest: module-path names, binary id classname', () => {
      const p = project({ 'tests/export.rs': RUST_TEST, 'target/nextest/ci/junit.xml': NEXTEST_REPORT });
      assert.deepEqual(outcomes(p, 'FR-001'), ['passed']);
      assert.deepEqual(outcomes(p, 'FR-002'), ['passed']);
      assert.equal(title(p, 'FR-002'), '✓ 1 test · 1 passed · 1 min ago');
    });

    it('a suite cited by id sums up its tests', () => {
      const test = md("describe('FR-002 quoting', () => {", "  it('quotes commas', () => {});", "  it('quotes quotes', () => {});", '});');
      const pass = `<testsuites><testsuite name="FR-002 quoting"><testcase name="FR-002 quoting quotes commas"/><testcase name="FR-002 quoting quotes quotes"/></testsuite></testsuites>`;
      assert.deepEqual(outcomes(project({ 'test/q.test.ts': test, 'junit.xml': pass }), 'FR-002'), ['passed']);
      const fail = pass.replace('quotes quotes"/>', 'quotes quotes"><failure message="no"/></testcase>');
      const p = project({ 'test/q.test.ts': test, 'junit.xml': fail });
      const [t] = citingTests(p, requirement(p, 'FR-002'));
      assert.deepEqual([t.outcome?.status, t.outcome?.cases, t.outcome?.failed], ['failed', 2, 1]);
    });

    it('the newest report wins when two have the same test', () => {
      const ws = {
        'test/export.test.ts': NODE_TEST.replace(/'FR-00(\d): ([^']*)'/g, "'Export FR-00$1 $2'"),
        'test-results/old/junit.xml': nodeReport('fail').replace(/FR-00(\d): /g, 'Export FR-00$1 '),
        'test-results/new/junit.xml': nodeReport('pass').replace(/FR-00(\d): /g, 'Export FR-00$1 '),
      };
      const p = project(ws, { mtimes: { 'test/export.test.ts': NOW - 60 * MIN, 'test-results/old/junit.xml': NOW - 30 * MIN, 'test-results/new/junit.xml': NOW - 10 * MIN } });
      assert.deepEqual(outcomes(p, 'FR-002'), ['passed']);
      assert.equal(title(p, 'FR-002'), '✓ 1 test · 1 passed · 10 min ago');
    });
  });

  describe('code lens titles', () => {
    it('keep the old titles when the workspace has no report at all', () => {
      const p = project({ 'test/export.test.ts': NODE_TEST });
      assert.equal(p.results.size, 0);
      assert.equal(title(p, 'FR-001'), '✓ 1 test');
      assert.equal(title(p, 'FR-003'), '✗ no test');
      assert.equal(title(p, 'FR-004'), 'no test');
      assert.ok(!('outcome' in citingTests(p, requirement(p, 'FR-001'))[0]), 'no outcome key without reports');
      assert.deepEqual(trace004(p), []);
    });

    it('say "no results" when reports exist but none has the test', () => {
      const p = project({ 'test/export.test.ts': NODE_TEST, 'junit.xml': GO_REPORT });
      assert.equal(title(p, 'FR-001'), '1 test · no results');
      assert.equal(title(p, 'FR-003'), '✗ no test');
    });

    it('count passes, failures and runtime skips; SHOULD and MAY get no mark', () => {
      const outcome = (status: 'passed' | 'failed' | 'skipped', time = NOW - 3 * MIN, stale = false) => ({ status, cases: 1, failed: status === 'failed' ? 1 : 0, time, stale, report: 'junit.xml', message: undefined });
      const t = (o?: ReturnType<typeof outcome>, skipped = false) => ({ path: 'a.test.ts', name: 'a', line: 0, start: 0, end: 1, skipped, ...(o ? { outcome: o } : {}) });
      const ctx = { now: NOW };
      assert.equal(lensTitle('must', [t(outcome('passed')), t(outcome('passed')), t(outcome('passed'))], ctx), '✓ 3 tests · 3 passed · 3 min ago');
      assert.equal(lensTitle('must', [t(outcome('passed')), t()], ctx), '✓ 2 tests · 1 passed · 3 min ago');
      assert.equal(lensTitle('must', [t(outcome('failed')), t(outcome('passed'))], ctx), '✗ 1 of 2 failed · 3 min ago');
      assert.equal(lensTitle('must', [t(outcome('failed')), t(undefined, true)], ctx), '✗ 1 of 1 failed · 1 skipped · 3 min ago');
      assert.equal(lensTitle('must', [t(outcome('skipped'))], ctx), '1 test · not run (1 skipped) · 3 min ago');
      assert.equal(lensTitle('must', [t(outcome('passed', NOW - 3 * 3600_000, true))], ctx), '✓ 1 test · 1 passed · 3 h ago · stale');
      assert.equal(lensTitle('must', [t(outcome('passed', NOW - 5 * 86400_000))], ctx), '✓ 1 test · 1 passed · 5 days ago');
      assert.equal(lensTitle('must', [t(outcome('passed', NOW - 10_000))], ctx), '✓ 1 test · 1 passed · just now');
      assert.equal(lensTitle('should', [t(outcome('failed')), t(outcome('passed'))], ctx), '1 of 2 failed · 3 min ago');
      assert.equal(lensTitle('should', [t(outcome('passed'))], ctx), '1 test · 1 passed · 3 min ago');
      assert.equal(lensTitle('must', [], ctx), '✗ no test');
      assert.equal(lensTitle('must', [t(undefined, true)], ctx), '✗ 1 skipped test');
    });
  });

  describe('stale results', () => {
    const files = { 'test/export.test.ts': NODE_TEST, 'test-results/junit.xml': nodeReport('fail') };

    it('are results older than the test file they describe', () => {
      const p = project(files, { mtimes: { 'test-results/junit.xml': NOW - 20 * MIN, 'test/export.test.ts': NOW - 5 * MIN } });
      const [t] = citingTests(p, requirement(p, 'FR-001'));
      assert.equal(t.outcome?.stale, true);
      assert.equal(title(p, 'FR-001'), '✓ 1 test · 1 passed · 20 min ago · stale');
      assert.equal(title(p, 'FR-002'), '✗ 1 of 1 failed · 20 min ago · stale');
      assert.deepEqual(trace004(p), [], 'a stale failure is no TRACE004: the test changed since');
    });

    it('are fresh when the report is newer, or older only by the slack of a copy or checkout', () => {
      const newer = project(files, { mtimes: { 'test-results/junit.xml': NOW - 5 * MIN, 'test/export.test.ts': NOW - 20 * MIN } });
      assert.equal(title(newer, 'FR-001'), '✓ 1 test · 1 passed · 5 min ago');
      const copied = project(files, { mtimes: { 'test-results/junit.xml': NOW - 5 * MIN, 'test/export.test.ts': NOW - 5 * MIN + STALE_SLACK_MS / 2 } });
      assert.equal(title(copied, 'FR-001'), '✓ 1 test · 1 passed · 5 min ago');
    });

    it('are not judged without times', () => {
      const p = project(files);
      assert.equal(title(p, 'FR-001'), '✓ 1 test · 1 passed');
    });
  });

  describe('TRACE004', () => {
    it('is an error on a MUST whose covering tests all failed', () => {
      const p = project({ 'test/export.test.ts': NODE_TEST, 'test-results/junit.xml': nodeReport('fail') });
      assert.deepEqual(trace004(p), [{ line: 10, severity: 'error', message: 'Every test citing FR-002 (MUST) failed in the latest test report.' }]);
      const f = p.findings(SPEC_PATH).find((x) => x.ruleId === 'TRACE004')!;
      assert.deepEqual([f.range.start.character, f.range.end.character], [4, 10], 'on the id');
    });

    it('is not raised when one covering test passed or has no result', () => {
      const other = md("import { test } from 'node:test';", '', "test('FR-002 also checked here', () => {});");
      const passed = `<testsuites><testcase name="FR-002 also checked here" classname="test"/></testsuites>`;
      const withPass = project({ 'test/export.test.ts': NODE_TEST, 'test/other.test.ts': other, 'test-results/junit.xml': nodeReport('fail'), 'test-results/other.xml': passed });
      assert.deepEqual(trace004(withPass), []);
      const noResult = project({ 'test/export.test.ts': NODE_TEST, 'test/other.test.ts': other, 'test-results/junit.xml': nodeReport('fail') });
      assert.deepEqual(trace004(noResult), []);
    });

    it('follows the severity setting, and turns off', () => {
      const files = { 'test/export.test.ts': NODE_TEST, 'test-results/junit.xml': nodeReport('fail') };
      assert.deepEqual(trace004(project(files, { config: { rules: { TRACE004: 'warning' } } })).map((f) => f.severity), ['warning']);
      assert.deepEqual(trace004(project(files, { config: { rules: { TRACE004: 'off' } } })), []);
    });

    it('is never raised for SHOULD requirements', () => {
      const test = md("import { test } from 'node:test';", '', "test('FR-004 header row', () => {});");
      const report = `<testsuites><testcase name="FR-004 header row" classname="test"><failure message="no header"/></testcase></testsuites>`;
      const p = project({ 'test/h.test.ts': test, 'junit.xml': report });
      assert.deepEqual(outcomes(p, 'FR-004'), ['failed']);
      assert.deepEqual(trace004(p), []);
    });
  });

  describe('reports in the project', () => {
    it('come from the default globs and junitGlobs, never node_modules or excluded folders', () => {
      const r = '<testsuites/>';
      const p = project(
        {
          'junit.xml': r,
          'packages/api/junit-api.xml': r,
          'test-results/e2e/results.xml': r,
          'build/test-results/test/TEST-com.acme.ExportTest.xml': r,
          'reports/results.xml': r,
          'node_modules/pkg/junit.xml': r,
          'vendored/junit.xml': r,
          'pom.xml': '<project/>',
        },
        { config: { junitGlobs: ['reports/*.xml'], exclude: ['vendored/**'] } },
      );
      assert.deepEqual(p.reportPaths(), [
        'build/test-results/test/TEST-com.acme.ExportTest.xml',
        'junit.xml',
        'packages/api/junit-api.xml',
        'reports/results.xml',
        'test-results/e2e/results.xml',
      ]);
      assert.equal(p.results.size, 5);
      assert.equal(p.kindOf('junit.xml'), undefined, 'a report is not a document to lint');
    });

    it('skips a malformed report with one clear message and keeps the others', () => {
      const p = project({
        'test/export.test.ts': NODE_TEST,
        'test-results/junit.xml': nodeReport('pass'),
        'test-results/broken.xml': '<testsuites><testcase name="a"></testsuites>',
        'test-results/coverage.xml': '<coverage line-rate="0.9"/>',
      });
      const messages = p.reportMessages();
      assert.equal(messages.length, 2);
      assert.match(messages[0], /^podflow: skipped test report test-results\/broken\.xml: not well-formed XML: /);
      assert.match(messages[1], /^podflow: skipped test report test-results\/coverage\.xml: not a JUnit XML report/);
      assert.deepEqual(p.reportMessages(), [], 'messages are handed out once');
      assert.deepEqual(p.results.paths(), ['test-results/junit.xml']);
      assert.equal(title(p, 'FR-001'), '✓ 1 test · 1 passed');
    });

    it('skips a report over 20 MB with one message', () => {
      const huge = `<testsuites>${' '.repeat(MAX_REPORT_BYTES + 1024 * 1024)}<testcase name="FR-001: one row per invoice"/></testsuites>`;
      const p = project({ 'test/export.test.ts': NODE_TEST, 'test-results/junit.xml': huge });
      const messages = p.reportMessages();
      assert.equal(messages.length, 1);
      assert.match(messages[0], /^podflow: skipped test report test-results\/junit\.xml: 21\.0 MB is over the 20\.0 MB limit$/);
      assert.equal(p.results.size, 0);
      assert.equal(title(p, 'FR-001'), '✓ 1 test', 'as if there were no report');
    });

    it('update() reloads a changed report and returns the specs it affects', () => {
      const ws = new MemoryWorkspace({ [SPEC_PATH]: SPEC, 'test/export.test.ts': NODE_TEST, 'test-results/junit.xml': nodeReport('pass') });
      const p = new Project(ws, withConfig());
      p.indexAll();
      assert.deepEqual(trace004(p), []);
      ws.files.set('test-results/junit.xml', nodeReport('fail'));
      assert.deepEqual(p.update('test-results/junit.xml'), ['test-results/junit.xml', SPEC_PATH]);
      assert.equal(trace004(p).length, 1);
      assert.equal(title(p, 'FR-002'), '✗ 1 of 1 failed');
      // A live buffer wins over the file.
      p.update('test-results/junit.xml', nodeReport('pass'));
      assert.deepEqual(trace004(p), []);
      ws.files.set('test-results/junit.xml', '<testsuites><oops></testsuites>');
      p.update('test-results/junit.xml');
      assert.equal(p.reportMessages().length, 1);
      assert.equal(p.results.size, 0);
      ws.files.delete('test-results/junit.xml');
      assert.deepEqual(p.update('test-results/junit.xml'), ['test-results/junit.xml', SPEC_PATH]);
      assert.equal(title(p, 'FR-002'), '✓ 1 test', 'back to no reports');
    });

    it('a changed test file gets a fresh match', () => {
      const ws = new MemoryWorkspace({ [SPEC_PATH]: SPEC, 'test/export.test.ts': NODE_TEST, 'junit.xml': nodeReport('fail') });
      const p = new Project(ws, withConfig());
      p.indexAll();
      assert.equal(trace004(p).length, 1);
      ws.files.set('test/export.test.ts', NODE_TEST.replace('FR-002: quotes commas', 'FR-002: escapes commas'));
      p.update('test/export.test.ts');
      assert.equal(title(p, 'FR-002'), '1 test · no results');
      assert.deepEqual(trace004(p), []);
    });
  });

  describe('reports on disk', () => {
    let dir: string;
    const write = (rel: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podflow-junit-'));
      write(SPEC_PATH, SPEC);
      write('test/export.test.ts', NODE_TEST);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('are found inside test-results/, build/ and target/, which the walker skips, but not node_modules/', () => {
      write('test-results/junit.xml', nodeReport('fail'));
      write('build/test-results/test/TEST-com.acme.ExportTest.xml', '<testsuite name="com.acme.ExportTest"/>');
      write('target/nextest/ci/junit.xml', NEXTEST_REPORT);
      write('target/surefire-reports/TEST-com.acme.ExportTest.xml', '<testsuite name="com.acme.ExportTest"/>');
      write('target/debug/deps/junit.xml', '<testsuites/>');
      write('node_modules/pkg/junit.xml', '<testsuites/>');
      write('node_modules/pkg/test-results/junit.xml', '<testsuites/>');
      write('packages/api/node_modules/x/TEST-x.xml', '<testsuites/>');
      const ws = new DiskWorkspace(dir);
      const p = new Project(ws, withConfig());
      p.indexAll();
      assert.ok(!ws.listFiles().some((f) => f.endsWith('.xml')), 'the document walker still skips build output');
      assert.deepEqual(p.reportPaths(), [
        'build/test-results/test/TEST-com.acme.ExportTest.xml',
        'target/nextest/ci/junit.xml',
        'target/surefire-reports/TEST-com.acme.ExportTest.xml',
        'test-results/junit.xml',
      ]);
      assert.deepEqual(p.reportMessages(), []);
      assert.equal(trace004(p).length, 1);
      const [t] = citingTests(p, requirement(p, 'FR-002'));
      assert.equal(t.outcome?.stale, false);
      assert.ok(t.outcome?.time !== undefined && Math.abs(t.outcome.time - Date.now()) < 60_000, 'dated by the file');
    });

    it('older than the test file are stale', () => {
      write('test-results/junit.xml', nodeReport('fail'));
      const old = new Date(Date.now() - 3600_000);
      fs.utimesSync(path.join(dir, 'test-results/junit.xml'), old, old);
      const p = new Project(new DiskWorkspace(dir), withConfig());
      p.indexAll();
      assert.equal(citingTests(p, requirement(p, 'FR-002'))[0].outcome?.stale, true);
      assert.deepEqual(trace004(p), []);
    });

    it('over 20 MB are skipped without being read', () => {
      write('test-results/junit.xml', '');
      fs.truncateSync(path.join(dir, 'test-results/junit.xml'), MAX_REPORT_BYTES + 1024 * 1024);
      const p = new Project(new DiskWorkspace(dir), withConfig());
      p.indexAll();
      assert.deepEqual(p.reportMessages(), ['podflow: skipped test report test-results/junit.xml: 21.0 MB is over the 20.0 MB limit']);
      assert.equal(p.results.size, 0);
    });
  });
});
