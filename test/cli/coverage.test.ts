import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCli, CliResult, hasStackTrace, REPO_ROOT, runCli, writeFiles } from './runCli';

/** `podflow coverage --format json`: the CoverageSummary plus a percent. */
interface CoverageJson {
  covered: number;
  total: number;
  percent: number;
  specs: { path: string; covered: number; total: number; uncovered: { id: string | null; line: number; text: string; skippedOnly: boolean }[] }[];
}

const EXAMPLES = path.join(REPO_ROOT, 'examples');
const SPEC_001 = 'specs/001-csv-export/spec.md';
const SPEC_002 = 'specs/002-team-invites/spec.md';

/** A fresh copy of examples/ (with its JUnit report) in a temp folder. */
function examplesCopy(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podflow-coverage-'));
  fs.cpSync(EXAMPLES, dir, { recursive: true });
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function assertUsageError(r: CliResult, needle: string): void {
  assert.equal(r.status, 2, `exit code 2 expected, got ${r.status}; stderr: ${r.stderr}`);
  assert.equal(r.stdout, '', 'nothing on stdout for a usage error');
  assert.ok(r.stderr.includes(needle), `stderr should mention ${JSON.stringify(needle)}: ${r.stderr}`);
  assert.match(r.stderr, /^podflow: /);
  assert.ok(!hasStackTrace(r.stderr), `no stack trace expected:\n${r.stderr}`);
}

function coverageJson(r: CliResult): CoverageJson {
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as CoverageJson;
}

describe('cli: podflow coverage', function () {
  this.timeout(60_000);
  let ws: { dir: string; cleanup: () => void };

  before(() => buildCli());
  beforeEach(() => {
    ws = examplesCopy();
  });
  afterEach(() => ws.cleanup());

  const run = (...args: string[]): CliResult => runCli(['coverage', ...args], { cwd: ws.dir });

  describe('formats', () => {
    it('text: per spec MUST covered/total, the uncovered MUSTs, a total', () => {
      const r = run();
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.equal(
        r.stdout,
        [
          `${SPEC_001}: MUST 3/5 (60%)`,
          `  ${SPEC_001}:19 FR-003 no test: **FR-003**: The system MUST finish an export of 10,000 invoices quickly.`,
          `  ${SPEC_001}:21 (no id) no test: The system MUST refuse an export for a month with no closed invoices.`,
          `${SPEC_002}: MUST 2/3 (66.6%)`,
          `  ${SPEC_002}:16 FR-003 only skipped tests: **FR-003**: An invite link MUST NOT work a second time after it was accepted.`,
          'total: MUST 5/8 (62.5%)',
          '',
        ].join('\n'),
      );
    });

    it('json: the same numbers, machine-readable', () => {
      const j = coverageJson(run('--format', 'json'));
      assert.deepEqual([j.covered, j.total, j.percent], [5, 8, 62.5]);
      assert.deepEqual(
        j.specs.map((s) => [s.path, s.covered, s.total, s.uncovered.map((u) => [u.id ?? null, u.line + 1, u.skippedOnly])]),
        [
          [SPEC_001, 3, 5, [['FR-003', 19, false], [null, 21, false]]],
          [SPEC_002, 2, 3, [['FR-003', 16, true]]],
        ],
      );
    });

    it('markdown: a heading, a table and linked uncovered MUSTs, for a PR comment', () => {
      const r = run('--format=markdown');
      assert.equal(r.status, 0, r.stderr);
      const lines = r.stdout.split('\n');
      assert.equal(lines[0], '## MUST coverage: 5/8 (62.5%)');
      assert.ok(lines.includes('| spec | covered | total | % |'));
      assert.ok(lines.includes(`| \`${SPEC_001}\` | 3 | 5 | 60% |`));
      assert.ok(lines.includes(`| \`${SPEC_002}\` | 2 | 3 | 66.6% |`));
      assert.ok(lines.includes('### Uncovered MUSTs'));
      assert.ok(lines.includes(`- [FR-003](${SPEC_001}#L19): The system MUST finish an export of 10,000 invoices quickly.`));
      assert.ok(lines.includes(`- [line 21 (no id)](${SPEC_001}#L21): The system MUST refuse an export for a month with no closed invoices.`));
      assert.ok(lines.includes(`- [FR-003](${SPEC_002}#L16) (only skipped tests): An invite link MUST NOT work a second time after it was accepted.`));
    });

    it('--root gives the same report from another folder', () => {
      const here = run('--format', 'json');
      const there = runCli(['coverage', '--root', ws.dir, '--format', 'json'], { cwd: os.tmpdir() });
      assert.equal(there.status, 0, there.stderr);
      assert.equal(there.stdout, here.stdout);
    });
  });

  describe('--min', () => {
    const cases: [string, number][] = [
      ['0', 0],
      ['60', 0],
      ['62.5', 0],
      ['62.5%', 0],
      ['63', 1],
      ['100', 1],
      ['100%', 1],
    ];
    for (const [min, code] of cases) {
      it(`--min ${min} on 62.5% exits ${code}`, () => {
        const r = run('--min', min);
        assert.equal(r.status, code, r.stderr);
        assert.match(r.stdout, /^total: MUST 5\/8 \(62\.5%\)$/m, 'the report is printed either way');
        if (code === 1) assert.equal(r.stderr, `podflow: MUST coverage 62.5% is below --min ${min.replace(/%$/, '')}%\n`);
        else assert.equal(r.stderr, '');
      });
    }

    it('applies to the specs --spec selects', () => {
      const only002 = run('--spec', 'specs/002-*/**', '--format', 'json');
      const j = coverageJson(only002);
      assert.deepEqual(j.specs.map((s) => s.path), [SPEC_002]);
      assert.deepEqual([j.covered, j.total], [2, 3]);
      assert.equal(run('--spec', 'specs/002-*/**', '--min', '66').status, 0);
      assert.equal(run('--spec', 'specs/002-*/**', '--min', '67').status, 1);
      assert.equal(run('--spec', SPEC_001, '--spec', SPEC_002, '--min', '62.5').status, 0);
    });

    it('a workspace with no MUST at all is 100%', () => {
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'podflow-coverage-empty-'));
      try {
        const r = runCli(['coverage', '--min', '100'], { cwd: empty });
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout, 'total: MUST 0/0 (100%)\n');
      } finally {
        fs.rmSync(empty, { recursive: true, force: true });
      }
    });
  });

  describe('--config', () => {
    it('reads settings that change what counts as a test', () => {
      writeFiles(ws.dir, { 'ci.yaml': 'exclude:\n  - "packages/**"\n' });
      const j = coverageJson(run('--config', 'ci.yaml', '--format', 'json'));
      assert.deepEqual([j.covered, j.total], [2, 8], 'packages/api/test/csv.test.ts no longer counts');
      assert.equal(run('--config', 'ci.yaml', '--min', '50').status, 1);
    });

    it('reads .podflow.yaml at the root without --config', () => {
      writeFiles(ws.dir, { '.podflow.yaml': 'exclude:\n  - "packages/**"\n' });
      assert.deepEqual(coverageJson(run('--format', 'json')).covered, 2);
    });

    it('a bad configuration exits 2', () => {
      writeFiles(ws.dir, { 'bad.yaml': 'testGlobs: 3\n' });
      const r = run('--config', 'bad.yaml');
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^podflow: bad configuration:\n.*testGlobs/);
    });
  });

  describe('bad usage exits 2', () => {
    it('a --min that is not a percentage', () => {
      assertUsageError(run('--min', 'abc'), '--min must be a percentage from 0 to 100, not "abc"');
      assertUsageError(run('--min', '101'), '--min must be a percentage from 0 to 100, not "101"');
      assertUsageError(run('--min', '-5'), '--min must be a percentage');
      assertUsageError(run('--min=1e2'), '--min must be a percentage');
      assertUsageError(run('--min'), '--min needs a value');
    });
    it('an unknown format', () => {
      assertUsageError(run('--format', 'sarif'), '--format must be text, json or markdown, not "sarif"');
      assertUsageError(run('--format=html'), '--format must be text, json or markdown, not "html"');
    });
    it('an unknown option, a path, a missing --root or --config', () => {
      assertUsageError(run('--frobnicate'), 'unknown option --frobnicate');
      assertUsageError(run('specs'), 'coverage takes no paths');
      assertUsageError(run('--root', 'no-such-folder'), '--root must be an existing folder');
      assertUsageError(run('--config', 'no-such.yaml'), 'config file not found: no-such.yaml');
    });
    it('a --spec glob that matches no spec', () => {
      assertUsageError(run('--spec', 'specs/999-*/**'), 'no spec matches --spec specs/999-*/**');
    });
    it('--help lists the command and its options', () => {
      const r = runCli(['coverage', '--help']);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^ {2}coverage +MUST-to-test coverage per spec/m);
      for (const opt of ['--min PCT', '--format text|json|markdown', '--spec GLOB', '--config FILE', '--root DIR']) assert.ok(r.stdout.includes(opt), opt);
    });
  });

  describe('JUnit results', () => {
    const REPORT = 'reports/junit.xml';
    const failing = (text: string, name: string): string =>
      text.replace(`<testcase name="${name}" time="0.000149" classname="test"/>`, `<testcase name="${name}" time="0.000149" classname="test">\n\t\t<failure type="testCodeFailure" message="Expected values to be strictly equal">[Error [ERR_TEST_FAILURE]: Expected values to be strictly equal]</failure>\n\t</testcase>`);

    it('the example report passes: lint on examples gives no TRACE004 and the same findings as without it', () => {
      const withReport = runCli(['lint', '--format', 'json'], { cwd: ws.dir });
      assert.equal(withReport.status, 0, withReport.stderr);
      assert.equal(withReport.stderr, '');
      fs.rmSync(path.join(ws.dir, REPORT));
      const without = runCli(['lint', '--format', 'json'], { cwd: ws.dir });
      assert.equal(withReport.stdout, without.stdout);
      assert.ok(!withReport.stdout.includes('TRACE004'));
    });

    it('a MUST whose only test failed gets TRACE004 (error) from lint, wherever the report sits', () => {
      const report = fs.readFileSync(path.join(ws.dir, REPORT), 'utf8');
      const failed = failing(report, '001-csv-export/FR-001: one row per invoice');
      assert.notEqual(failed, report, 'the example report holds the FR-001 case');
      for (const where of [REPORT, 'test-results/junit.xml', 'build/test-results/test/TEST-ledgerly.xml']) {
        fs.rmSync(path.join(ws.dir, 'reports'), { recursive: true, force: true });
        fs.rmSync(path.join(ws.dir, 'test-results'), { recursive: true, force: true });
        fs.rmSync(path.join(ws.dir, 'build'), { recursive: true, force: true });
        writeFiles(ws.dir, { [where]: failed });
        const r = runCli(['lint', SPEC_001], { cwd: ws.dir });
        assert.equal(r.status, 1, `${where}: ${r.stderr}`);
        assert.match(r.stdout, /^specs\/001-csv-export\/spec\.md:17:5 error TRACE004 Every test citing FR-001 \(MUST\) failed in the latest test report\.$/m, where);
      }
    });

    it('a malformed report is named on stderr and skipped, never a crash', () => {
      writeFiles(ws.dir, { 'test-results/junit-broken.xml': '<testsuites><testcase name="x"></testsuites>' });
      const r = run();
      assert.equal(r.status, 0);
      assert.match(r.stderr, /^podflow: skipped test report test-results\/junit-broken\.xml: not well-formed XML: .+\n$/);
      assert.ok(!hasStackTrace(r.stderr));
      assert.match(r.stdout, /^total: MUST 5\/8 \(62\.5%\)$/m);
      const lint = runCli(['lint'], { cwd: ws.dir });
      assert.equal(lint.status, 0);
      assert.match(lint.stderr, /^podflow: skipped test report test-results\/junit-broken\.xml: /);
    });
  });
});
