import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { buildCli, CliResult, hasStackTrace, JsonFinding, md, REPO_ROOT, runCli, tempWorkspace } from './runCli';

const PKG_VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** `file:line:col severity RULE message`, exactly one space between the parts. */
const TEXT_LINE = /^(?<file>\S(?:.*\S)?):(?<line>[1-9]\d*):(?<col>[1-9]\d*) (?<severity>error|warning|information|hint) (?<rule>[A-Z]+\d{3}) (?<message>\S.*)$/;

/**
 * A workspace with no findings at all: commands, boundaries, every spec section, every living section,
 * and a test citing each MUST (FR-001, FR-002). The test file is checked (it counts as linted) but,
 * having no findings, it is not listed.
 */
const CLEAN: Record<string, string> = {
  'package.json': '{ "name": "clean", "scripts": { "build": "tsc", "test": "mocha" } }\n',
  'AGENTS.md': md(
    '# AGENTS.md',
    '',
    '## Commands',
    '',
    '- Build with `npm run build`.',
    '- Run the tests with `npm test` before every commit.',
    '',
    '## Boundaries',
    '',
    '- Never push to the main branch.',
    '- Do not add runtime dependencies without asking.',
  ),
  'SPEC.md': md(
    '# Invoice export',
    '',
    '## Overview',
    '',
    'Users export their invoices as CSV files.',
    '',
    '## Requirements',
    '',
    '- **FR-001** The exporter MUST write a header row.',
    '- **FR-002** The exporter MUST quote fields that hold a comma.',
    '- **FR-003** The exporter SHOULD name the file after the invoice month.',
    '',
    '## Out of Scope',
    '',
    'PDF export.',
  ),
  'PLANS.md': md(
    '# ExecPlan: invoice export',
    '',
    '## Progress',
    '',
    '- [x] Write the spec.',
    '- [ ] Write the exporter.',
    '',
    '## Surprises & Discoveries',
    '',
    'None yet.',
    '',
    '## Decision Log',
    '',
    '- Use CSV first.',
    '',
    '## Outcomes & Retrospective',
    '',
    'Not done yet.',
    '',
    '## Validation and Acceptance',
    '',
    'Run `npm test`.',
  ),
  'test/export.test.ts': md(
    "import { it } from 'mocha';",
    '',
    "it('FR-001: writes a header row', () => {});",
    "it('FR-002: quotes fields that hold a comma', () => {});",
  ),
};

/** CLEAN with FR-001 defined twice (SPEC004, error): line 11, column 5 holds the second "FR-001". */
const DUPLICATE_ID: Record<string, string> = {
  ...CLEAN,
  'SPEC.md': CLEAN['SPEC.md'].replace('- **FR-003**', '- **FR-001**'),
};

/** Built at run time so the repository holds no secret-shaped literal. */
const FAKE_KEY = ['AbCdEf', '0123456789', 'GhIjKlMnOp'].join('');

function json(r: CliResult): JsonFinding[] {
  assert.equal(r.stderr, '', 'json output writes nothing to stderr');
  const rows: unknown = JSON.parse(r.stdout);
  assert.ok(Array.isArray(rows), 'json output is an array');
  return rows as JsonFinding[];
}

function assertUsageError(r: CliResult, needle: string | RegExp): void {
  assert.equal(r.status, 2, `exit code 2 expected, got ${r.status}; stderr: ${r.stderr}`);
  assert.equal(r.stdout, '', 'nothing on stdout for a usage error');
  if (typeof needle === 'string') assert.ok(r.stderr.includes(needle), `stderr should mention ${JSON.stringify(needle)}: ${r.stderr}`);
  else assert.match(r.stderr, needle);
  assert.match(r.stderr, /^podflow: /);
  assert.ok(!hasStackTrace(r.stderr), `no stack trace expected:\n${r.stderr}`);
}

let sarifValidator: ValidateFunction | undefined;

/** The SARIF 2.1.0 JSON schema (rtm.5, as published on schemastore) shipped by @microsoft/jest-sarif. */
function sarifSchemaValidator(): ValidateFunction {
  if (sarifValidator) return sarifValidator;
  const pkgDir = path.dirname(require.resolve('@microsoft/jest-sarif/package.json'));
  const schema = JSON.parse(fs.readFileSync(path.join(pkgDir, 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  // The schema is draft-04; one of its patterns is not valid with the `u` flag Ajv uses by default.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  sarifValidator = ajv.compile(schema);
  return sarifValidator;
}

function assertValidSarif(log: unknown): void {
  const validate = sarifSchemaValidator();
  const ok = validate(log);
  assert.ok(ok, `SARIF does not match the 2.1.0 schema:\n${JSON.stringify(validate.errors, null, 2)}`);
}

describe('cli: podflow lint', function () {
  this.timeout(60_000);
  before(function () {
    this.timeout(120_000);
    buildCli();
  });

  describe('exit codes', () => {
    it('exits 0 with no output on a clean workspace', () => {
      const ws = tempWorkspace(CLEAN);
      try {
        const r = runCli(['lint'], { cwd: ws.dir });
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stdout, '');
        assert.equal(r.stderr, 'podflow: 4 files linted, 0 findings (0 errors)\n');
      } finally {
        ws.cleanup();
      }
    });

    it('exits 1 on a duplicate requirement id (SPEC004, error)', () => {
      const ws = tempWorkspace(DUPLICATE_ID);
      try {
        const r = runCli(['lint'], { cwd: ws.dir });
        assert.equal(r.status, 1, r.stderr);
        assert.equal(r.stdout, 'SPEC.md:11:5 error SPEC004 Duplicate id FR-001: already defined on line 9.\n');
        assert.equal(r.stderr, 'podflow: 4 files linted, 1 finding (1 error)\n');
      } finally {
        ws.cleanup();
      }
    });

    it('exits 1 on a secret in an AGENTS.md (AGENTS009, error)', () => {
      const agents = CLEAN['AGENTS.md'] + md('', '## Staging', '', `- Use api_key = "${FAKE_KEY}" for staging.`);
      const ws = tempWorkspace({ ...CLEAN, 'AGENTS.md': agents });
      try {
        const r = runCli(['lint', '--format', 'json'], { cwd: ws.dir });
        assert.equal(r.status, 1);
        const rows = json(r);
        assert.deepEqual(
          rows.map((f) => [f.path, f.line, f.severity, f.ruleId]),
          [['AGENTS.md', 15, 'error', 'AGENTS009']],
        );
        assert.equal(rows[0].column, agents.split('\n')[14].indexOf(FAKE_KEY) + 1);
        assert.ok(!r.stdout.includes('Internal error'));
      } finally {
        ws.cleanup();
      }
    });

    it('exits 0 when only warnings are found', () => {
      const ws = tempWorkspace({ ...CLEAN, 'SPEC.md': CLEAN['SPEC.md'].replace('MUST quote', 'must quote') });
      try {
        const r = runCli(['lint'], { cwd: ws.dir });
        assert.equal(r.status, 0);
        assert.match(r.stdout, /^SPEC\.md:10:\d+ warning SPEC001 /);
      } finally {
        ws.cleanup();
      }
    });

    it('lints only the files named, and exits on their findings alone', () => {
      const ws = tempWorkspace(DUPLICATE_ID);
      try {
        const clean = runCli(['lint', 'AGENTS.md', 'PLANS.md'], { cwd: ws.dir });
        assert.equal(clean.status, 0);
        assert.equal(clean.stderr, 'podflow: 2 files linted, 0 findings (0 errors)\n');
        const dirty = runCli(['lint', 'SPEC.md'], { cwd: ws.dir });
        assert.equal(dirty.status, 1);
      } finally {
        ws.cleanup();
      }
    });
  });

  describe('bad usage exits 2', () => {
    it('an unknown option', () => assertUsageError(runCli(['lint', '--frobnicate']), 'unknown option --frobnicate'));
    it('a bad --format value', () => assertUsageError(runCli(['lint', '--format', 'xml']), '--format must be text, json or sarif, not "xml"'));
    it('a bad --format=value', () => assertUsageError(runCli(['lint', '--format=yaml']), '--format must be text, json or sarif'));
    it('--format without a value', () => assertUsageError(runCli(['lint', '--format']), '--format needs a value'));
    it('a bad --kind value', () => assertUsageError(runCli(['lint', '--kind', 'readme', 'README.md']), '--kind must be spec, plans or agents'));
    it('a missing path', () => assertUsageError(runCli(['lint', 'no/such/AGENTS.md']), 'no such file or folder: no/such/AGENTS.md'));
    it('a path outside --root', () => assertUsageError(runCli(['lint', '--root', 'examples/specs', 'examples/AGENTS.md']), 'outside the workspace root'));
    it('a --root that is not a folder', () => assertUsageError(runCli(['lint', '--root', 'no-such-folder', 'examples']), '--root must be an existing folder'));
    it('an unknown command', () => assertUsageError(runCli(['frobnicate']), 'unknown command "frobnicate"'));
    it('arguments to `rules`', () => assertUsageError(runCli(['rules', '--bogus']), 'rules takes no arguments'));

    it('no command at all: prints the usage', () => {
      const r = runCli([]);
      assert.equal(r.status, 2);
      assert.match(r.stdout + r.stderr, /Usage: podflow <command>/);
    });
  });

  describe('configuration', () => {
    const withConfig = (config: string, name = 'bad.yaml'): { dir: string; cleanup: () => void } =>
      tempWorkspace({ ...DUPLICATE_ID, [name]: config });

    it('a bad rule severity exits 2 and names rules.SPEC001', () => {
      const ws = withConfig('rules: { SPEC001: loud }\n');
      try {
        const r = runCli(['lint', '--config', 'bad.yaml'], { cwd: ws.dir });
        assertUsageError(r, 'rules.SPEC001');
        assert.match(r.stderr, /^podflow: bad configuration:\n {2}(?:line 1: )?bad\.yaml: rules\.SPEC001: .*"error"/);
      } finally {
        ws.cleanup();
      }
    });

    it('broken YAML syntax exits 2 with the line', () => {
      const ws = withConfig('exclude:\n  - "docs/**"\nrules: { SPEC001: warning\n');
      try {
        const r = runCli(['lint', '--config', 'bad.yaml'], { cwd: ws.dir });
        assertUsageError(r, 'bad configuration');
        assert.match(r.stderr, /line \d+: bad\.yaml: /);
      } finally {
        ws.cleanup();
      }
    });

    it('an unknown setting exits 2 and names it', () => {
      const ws = withConfig('severity: high\n');
      try {
        assertUsageError(runCli(['lint', '--config', 'bad.yaml'], { cwd: ws.dir }), 'unknown setting "severity"');
      } finally {
        ws.cleanup();
      }
    });

    it('a bad .podflow.yaml at the workspace root is found without --config', () => {
      const ws = withConfig('agents:\n  maxLines: -3\n', '.podflow.yaml');
      try {
        assertUsageError(runCli(['lint'], { cwd: ws.dir }), 'agents.maxLines');
      } finally {
        ws.cleanup();
      }
    });

    it('a YAML alias bomb exits 2, no crash', () => {
      const bomb = ['a: &a ["x", "x"]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]'];
      for (const c of 'cdefgh') {
        const prev = String.fromCharCode(c.charCodeAt(0) - 1);
        bomb.push(`${c}: &${c} [${Array(9).fill(`*${prev}`).join(', ')}]`);
      }
      const ws = withConfig(md(...bomb));
      try {
        assertUsageError(runCli(['lint', '--config', 'bad.yaml'], { cwd: ws.dir }), 'bad configuration');
      } finally {
        ws.cleanup();
      }
    });

    it('a missing --config file exits 2', () => {
      assertUsageError(runCli(['lint', 'examples', '--config', 'no-such.yaml']), 'config file not found: no-such.yaml');
    });

    it('a --config that is a folder exits 2', () => {
      assertUsageError(runCli(['lint', 'examples', '--config', 'examples']), 'cannot read config file');
    });

    it('a valid config changes severities', () => {
      const ws = withConfig('rules:\n  SPEC004: warning\n', 'ok.yaml');
      try {
        const r = runCli(['lint', '--config', 'ok.yaml'], { cwd: ws.dir });
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, /^SPEC\.md:11:5 warning SPEC004 /);
        fs.writeFileSync(path.join(ws.dir, '.podflow.yaml'), 'rules:\n  SPEC004: "off"\n');
        const off = runCli(['lint'], { cwd: ws.dir });
        assert.equal(off.status, 0, off.stderr);
        assert.equal(off.stdout, '');
      } finally {
        ws.cleanup();
      }
    });
  });

  describe('the examples workspace', () => {
    // TRACE001: 001-csv-export FR-003 has no test; TRACE003: 002-team-invites FR-003 only a skipped one;
    // TRACE005: test/invites.test.ts cites FR-004, which both specs define.
    const EXPECTED = ['AGENTS005', 'AGENTS007', 'AGENTS008', 'PLANS001', 'PLANS002', 'SPEC001', 'SPEC003', 'SPEC006', 'SPEC007', 'TRACE001', 'TRACE003', 'TRACE005'];

    it('`podflow lint examples` gives the expected findings and exits 0', () => {
      const r = runCli(['lint', 'examples']);
      assert.equal(r.status, 0, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      for (const l of lines) assert.match(l, TEXT_LINE);
      const rules = [...new Set(lines.map((l) => TEXT_LINE.exec(l)!.groups!.rule))].sort();
      assert.deepEqual(rules, EXPECTED);
      assert.ok(lines.every((l) => l.startsWith('examples/')), 'paths are relative to the current folder');
      assert.ok(lines.some((l) => /^examples\/AGENTS\.md:\d+:\d+ warning AGENTS005 .*"lint:fix"/.test(l)), 'AGENTS005 names lint:fix');
      const trace = lines.filter((l) => / TRACE\d{3} /.test(l)).map((l) => l.replace(/ warning (TRACE\d{3}) .*$/, ' $1'));
      assert.deepEqual(trace, [
        'examples/specs/001-csv-export/spec.md:19:5 TRACE001',
        'examples/specs/002-team-invites/spec.md:16:5 TRACE003',
        'examples/test/invites.test.ts:21:7 TRACE005',
      ]);
      // 5 documents and 3 test files are checked; only the test file with a finding is listed.
      assert.match(r.stderr, /^podflow: 8 files linted, \d+ findings \(0 errors\)\n$/);
      assert.ok(!r.stdout.includes('money.test.ts') && !r.stdout.includes('csv.test.ts'));
    });

    it('text lines are exactly `file:line:col severity RULE message`, one per JSON row', () => {
      const text = runCli(['lint', 'examples']);
      const rows = json(runCli(['lint', 'examples', '--format', 'json']));
      const lines = text.stdout.trimEnd().split('\n');
      assert.equal(lines.length, rows.length);
      rows.forEach((f, i) => assert.equal(lines[i], `${f.path}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`));
    });

    it('json rows carry path, line, column, severity, ruleId and message', () => {
      const rows = json(runCli(['lint', 'examples', '--format=json']));
      assert.ok(rows.length >= EXPECTED.length);
      for (const f of rows) {
        assert.equal(typeof f.path, 'string');
        assert.ok(Number.isInteger(f.line) && f.line >= 1, `line ${f.line}`);
        assert.ok(Number.isInteger(f.column) && f.column >= 1, `column ${f.column}`);
        assert.ok(f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column), `range of ${f.ruleId}`);
        assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity));
        assert.match(f.ruleId, /^(SPEC|PLANS|AGENTS|TRACE)\d{3}$/);
        assert.ok(f.message.length > 0);
        assert.equal(typeof f.fixable, 'boolean');
      }
      const agents005 = rows.find((f) => f.ruleId === 'AGENTS005');
      assert.equal(agents005?.path, path.join('examples', 'AGENTS.md'));
      assert.match(agents005?.message ?? '', /lint:fix/);
      const clean = tempWorkspace(CLEAN);
      try {
        assert.deepEqual(json(runCli(['lint', '--format', 'json'], { cwd: clean.dir })), []);
      } finally {
        clean.cleanup();
      }
    });

    it('the same findings from inside the folder, paths relative to it', () => {
      const inside = json(runCli(['lint', '--format', 'json'], { cwd: path.join(REPO_ROOT, 'examples') }));
      const outside = json(runCli(['lint', 'examples', '--format', 'json']));
      assert.deepEqual(
        inside,
        outside.map((f) => ({ ...f, path: path.relative('examples', f.path) })),
      );
    });
  });

  describe('sarif', () => {
    it('validates against the SARIF 2.1.0 schema and maps every finding', () => {
      const r = runCli(['lint', 'examples', '--format', 'sarif']);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      const log = JSON.parse(r.stdout) as SarifLog;
      assertValidSarif(log);

      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs.length, 1);
      const run = log.runs[0];
      assert.equal(run.tool.driver.name, 'podflow');
      assert.equal(run.tool.driver.version, PKG_VERSION);
      const ruleIds = runCli(['rules']).stdout.trimEnd().split('\n').map((l) => l.split(/\s+/)[0]);
      assert.deepEqual(run.tool.driver.rules.map((x) => x.id), ruleIds);
      for (const rule of run.tool.driver.rules) assert.ok(rule.shortDescription.text.length > 0, rule.id);
      const root = `${pathToFileURL(path.join(REPO_ROOT, 'examples')).href}/`;
      assert.equal(run.originalUriBaseIds.SRCROOT.uri, root);

      const rows = json(runCli(['lint', 'examples', '--format', 'json']));
      assert.equal(run.results.length, rows.length);
      const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
      run.results.forEach((res, i) => {
        const row = rows[i];
        assert.equal(res.ruleId, row.ruleId);
        assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
        assert.equal(res.level, level[row.severity]);
        assert.equal(res.message.text, row.message);
        const loc = res.locations[0].physicalLocation;
        assert.equal(loc.artifactLocation.uriBaseId, 'SRCROOT');
        assert.equal(loc.artifactLocation.uri, path.relative('examples', row.path).split(path.sep).join('/'));
        assert.equal(loc.region.startLine, row.line);
        assert.equal(loc.region.startColumn, row.column);
        assert.equal(loc.region.endLine, row.endLine);
      });
      assert.ok(run.results.some((x) => x.level === 'note'), 'information findings become notes');
    });

    it('an error finding in SARIF: level error, exit 1, still schema-valid', () => {
      const ws = tempWorkspace(DUPLICATE_ID);
      try {
        const r = runCli(['lint', '--format', 'sarif'], { cwd: ws.dir });
        assert.equal(r.status, 1);
        const log = JSON.parse(r.stdout) as SarifLog;
        assertValidSarif(log);
        const [res] = log.runs[0].results;
        assert.equal(res.ruleId, 'SPEC004');
        assert.equal(res.level, 'error');
        assert.deepEqual(res.locations[0].physicalLocation.artifactLocation, { uri: 'SPEC.md', uriBaseId: 'SRCROOT' });
        assert.equal(res.locations[0].physicalLocation.region.startLine, 11);
      } finally {
        ws.cleanup();
      }
    });

    it('file names with spaces, "#" and "%" give artifact URIs that resolve back to the file', () => {
      const rel = 'specs/#12 draft %done/SPEC.md';
      const ws = tempWorkspace({ [rel]: DUPLICATE_ID['SPEC.md'], 'test/export.test.ts': CLEAN['test/export.test.ts'] });
      try {
        const r = runCli(['lint', '--format', 'sarif'], { cwd: ws.dir });
        assert.equal(r.status, 1, r.stderr);
        const log = JSON.parse(r.stdout) as SarifLog;
        assertValidSarif(log);
        const run = log.runs[0];
        assert.equal(run.results.length, 1);
        const uri = run.results[0].locations[0].physicalLocation.artifactLocation.uri;
        assert.equal(uri, 'specs/%2312%20draft%20%25done/SPEC.md');
        const resolved = fileURLToPath(new URL(uri, run.originalUriBaseIds.SRCROOT.uri));
        assert.equal(fs.realpathSync(resolved), fs.realpathSync(path.join(ws.dir, ...rel.split('/'))));
      } finally {
        ws.cleanup();
      }
    });

    it('a clean workspace gives a valid SARIF log with no results', () => {
      const ws = tempWorkspace(CLEAN);
      try {
        const r = runCli(['lint', '--format', 'sarif'], { cwd: ws.dir });
        assert.equal(r.status, 0);
        const log = JSON.parse(r.stdout) as SarifLog;
        assertValidSarif(log);
        assert.deepEqual(log.runs[0].results, []);
      } finally {
        ws.cleanup();
      }
    });
  });

  describe('file selection', () => {
    it('--kind lints a file whose name says nothing', () => {
      const ws = tempWorkspace({ 'notes.md': DUPLICATE_ID['SPEC.md'] });
      try {
        const skipped = runCli(['lint', 'notes.md'], { cwd: ws.dir });
        assert.equal(skipped.status, 0);
        assert.match(skipped.stderr, /skipping notes\.md: not an AGENTS\.md, spec or PLANS\.md \(use --kind\)/);
        const linted = runCli(['lint', '--kind', 'spec', 'notes.md'], { cwd: ws.dir });
        assert.equal(linted.status, 1);
        assert.match(linted.stdout, /^notes\.md:11:5 error SPEC004 /);
      } finally {
        ws.cleanup();
      }
    });

    it('guesses the kind of an explicitly named file (team__AGENTS.md, REQUIREMENTS.md)', () => {
      const agents = CLEAN['AGENTS.md'] + md('', `- Use api_key = "${FAKE_KEY}" for staging.`);
      const ws = tempWorkspace({ 'team__AGENTS.md': agents, 'REQUIREMENTS.md': DUPLICATE_ID['SPEC.md'] });
      try {
        const rows = json(runCli(['lint', '--format', 'json', 'team__AGENTS.md', 'REQUIREMENTS.md'], { cwd: ws.dir }));
        assert.deepEqual(rows.map((f) => `${f.path} ${f.ruleId}`).sort(), ['REQUIREMENTS.md SPEC004', 'team__AGENTS.md AGENTS009']);
      } finally {
        ws.cleanup();
      }
    });
  });

  describe('help, version and rules', () => {
    for (const flag of ['--help', '-h', 'help']) {
      it(`${flag} prints the usage and exits 0`, () => {
        const r = runCli([flag]);
        assert.equal(r.status, 0);
        assert.match(r.stdout, /^Usage: podflow <command> \[options\]/);
        for (const s of ['lint [paths...]', 'rules', '--format text|json|sarif', '--config FILE', '--root DIR', '--kind', 'Exit codes']) {
          assert.ok(r.stdout.includes(s), `usage mentions ${s}`);
        }
        assert.equal(r.stderr, '');
      });
    }

    it('`lint --help` prints the usage and exits 0', () => {
      const r = runCli(['lint', '--help']);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^Usage: podflow/);
    });

    for (const flag of ['--version', '-v']) {
      it(`${flag} prints the package version`, () => {
        const r = runCli([flag]);
        assert.equal(r.status, 0);
        assert.equal(r.stdout, `${PKG_VERSION}\n`);
      });
    }

    it('`rules` lists every rule with id, severity and description', () => {
      const r = runCli(['rules']);
      assert.equal(r.status, 0);
      const lines = r.stdout.trimEnd().split('\n');
      const ids = lines.map((l) => {
        const m = /^(?<id>(?:SPEC|PLANS|AGENTS|TRACE)\d{3}) +(?<sev>error|warning|information|hint) +(?:fix)? +(?<desc>\S.*)$/.exec(l);
        assert.ok(m, `rule line: ${l}`);
        return m.groups!.id;
      });
      assert.equal(new Set(ids).size, ids.length, 'ids are unique');
      for (const id of ['SPEC001', 'SPEC004', 'SPEC009', 'PLANS001', 'AGENTS001', 'AGENTS009', 'TRACE001', 'TRACE005']) assert.ok(ids.includes(id), id);
      assert.match(r.stdout, /^SPEC004 +error /m);
      assert.match(r.stdout, /^SPEC001 +warning +fix /m);
      assert.match(r.stdout, /^TRACE001 +warning +A MUST\/SHALL\/REQUIRED requirement is cited by no test\.$/m);
      assert.match(r.stdout, /^TRACE002 +warning +fix /m);
    });
  });
});

/** The parts of a SARIF log these tests read. */
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId: string };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
    }[];
  }[];
}
