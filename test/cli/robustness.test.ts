import * as assert from 'node:assert/strict';
import { buildCli, CliResult, hasStackTrace, JsonFinding, md, runCli, tempWorkspace } from './runCli';

/** A hang is a failure, not a stuck test run: every spawn is killed after this long. */
const SPAWN_TIMEOUT_MS = 20_000;

/**
 * Lints `files` in a fresh temp folder with `--format json` and checks what every
 * odd input must give: exit 0 or 1, no time-out, no stack trace, valid JSON and no
 * rule crashing (the linter turns a throwing rule into an "Internal error" finding).
 */
function lintFiles(files: Record<string, string | Uint8Array>, args: string[] = []): { result: CliResult; findings: JsonFinding[] } {
  const ws = tempWorkspace(files);
  try {
    const result = runCli(['lint', '--format', 'json', ...args], { cwd: ws.dir, timeoutMs: SPAWN_TIMEOUT_MS });
    assert.ok(!result.timedOut, `podflow lint did not finish within ${SPAWN_TIMEOUT_MS} ms`);
    assert.ok(!hasStackTrace(result.stderr), `stack trace on stderr:\n${result.stderr.slice(0, 2000)}`);
    assert.ok(result.status === 0 || result.status === 1, `exit code ${result.status} (signal ${result.signal}); stderr:\n${result.stderr.slice(0, 2000)}`);
    const parsed: unknown = JSON.parse(result.stdout);
    assert.ok(Array.isArray(parsed));
    const findings = parsed as JsonFinding[];
    const internal = findings.filter((f) => f.message.startsWith('Internal error'));
    assert.deepEqual(internal, [], 'no rule crashed');
    assert.equal(result.status, findings.some((f) => f.severity === 'error') ? 1 : 0, 'exit code follows the error findings');
    return { result, findings };
  } finally {
    ws.cleanup();
  }
}

function rulesOf(findings: JsonFinding[]): string[] {
  return [...new Set(findings.map((f) => f.ruleId))].sort();
}

/** Deterministic pseudo-random bytes (with NULs) for a "binary" file. */
function binaryBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  out[10] = 0;
  return out;
}

const RICH_SPEC = md(
  '---',
  'status: wip',
  'owner: team',
  '---',
  '# Export spec',
  '',
  '## Overview',
  '',
  'Users export invoices. [NEEDS CLARIFICATION: which format?]',
  '',
  '## Requirements',
  '',
  '- **FR-001** The system MUST export CSV `quickly` and must be fast.',
  '- **FR-002**: The exporter MUST write a header row and SHOULD quote fields.',
  '- **FR-002** The exporter MUST reject more than 10 000 rows, if possible.',
  '- The exporter MUST log every export.   ',
  '- **FR-12** Exports MAY be scheduled. <!-- podflow-disable-line SPEC005 -->',
  '- **FR-013** Exports must be robust and/or intuitive.',
  '',
  '| Id | Requirement |',
  '| --- | --- |',
  '| FR-014 | The API MUST return 413 for large exports, etc. |',
  '',
  '> **FR-015** The UI MUST show progress, as needed.',
  '',
  '## Out of Scope',
  '',
  'PDF.',
);

const RICH_AGENTS = md(
  '# AGENTS',
  '',
  'Run `npm run lint:fix` and `npm test` before pushing; see [docs](docs/missing.md) and `src/nowhere.ts`.',
  '',
  '- Try to write clean code and follow best practices.',
  '- Never push to main.',
  '- Never push to main.',
  `- Use api_key = "${['AbCdEf', '0123456789', 'GhIjKlMnOp'].join('')}" for staging.`,
  '',
  '```sh',
  '# not a heading',
  'npm run build',
  '```',
);

const RICH_PLANS = md('# ExecPlan: export', '', '## Progress', '', '- [x] write spec', '- wire the exporter', '* [ ] test it', '', '## Decision Log', '', 'Nothing yet.');

const RICH_WORKSPACE: Record<string, string> = {
  'package.json': '{ "scripts": { "build": "tsc", "test": "mocha" } }\n',
  'AGENTS.md': RICH_AGENTS,
  'PLANS.md': RICH_PLANS,
  'specs/001-export/spec.md': RICH_SPEC,
};

describe('cli: robustness on odd input', function () {
  this.timeout(120_000);
  before(function () {
    this.timeout(120_000);
    buildCli();
  });

  it('a binary file named SPEC.md gets SPEC000 and nothing else', () => {
    const { findings } = lintFiles({ 'SPEC.md': binaryBytes(64 * 1024) });
    assert.deepEqual(
      findings.map((f) => [f.path, f.line, f.column, f.ruleId]),
      [['SPEC.md', 1, 1, 'SPEC000']],
    );
    assert.match(findings[0].message, /binary/);
  });

  it('bytes that are not UTF-8 (Latin-1 text) do not crash the linter', () => {
    const latin1 = Buffer.from(md('# Caf\u00e9 spec', '', '## Requirements', '', '- **FR-001** The syst\u00e8me MUST work.'), 'latin1');
    lintFiles({ 'SPEC.md': latin1 });
  });

  it('a 5 MB AGENTS.md is not parsed but still gets its size check', () => {
    const line = '- Run `npm test` before you push; never commit generated files to the repository.\n';
    const big = `# Agents\n\n${line.repeat(Math.ceil((5 * 1024 * 1024) / line.length))}`;
    const { result, findings } = lintFiles({ 'AGENTS.md': big });
    assert.ok(result.ms < SPAWN_TIMEOUT_MS);
    assert.deepEqual(rulesOf(findings), ['AGENTS000', 'AGENTS001']);
    assert.match(findings.find((f) => f.ruleId === 'AGENTS000')!.message, /Not linted: 5\.0 MB is over podflow\.maxFileBytes/);
    assert.equal(result.status, 1, 'AGENTS001 is an error');
  });

  it('broken YAML front matter in a spec gets SPEC009 on the front matter', () => {
    const spec = md('---', 'status: [draft', 'title: x: y: z', '---', '# Spec', '', '## Requirements', '', '- **FR-001** The system MUST work.');
    const { findings, result } = lintFiles({ 'SPEC.md': spec });
    const fm = findings.filter((f) => f.ruleId === 'SPEC009');
    assert.ok(fm.length >= 1, 'SPEC009 reported');
    for (const f of fm) {
      assert.ok(f.line >= 2 && f.line <= 4, `SPEC009 inside the front matter, not line ${f.line}`);
      assert.match(f.message, /^Front matter is not valid YAML: /);
    }
    assert.equal(result.status, 1);
  });

  it('an unterminated front matter block and a YAML alias bomb in front matter', () => {
    lintFiles({ 'SPEC.md': md('---', 'title: never closed', '# Spec', '', 'The system MUST work.') });
    const bomb = ['---', 'a: &a ["x", "x"]'];
    for (let c = 'b'.charCodeAt(0); c <= 'i'.charCodeAt(0); c++) {
      const self = String.fromCharCode(c);
      const prev = String.fromCharCode(c - 1);
      bomb.push(`${self}: &${self} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    bomb.push('---', '# Spec');
    const { findings } = lintFiles({ 'SPEC.md': md(...bomb) });
    const fm = findings.filter((f) => f.ruleId === 'SPEC009');
    assert.equal(fm.length, 1);
    assert.match(fm[0].message, /^Front matter is not valid YAML: .*alias/i);
  });

  it('an empty file of each kind', () => {
    const { findings, result } = lintFiles({ 'SPEC.md': '', 'PLANS.md': '', 'AGENTS.md': '' });
    assert.match(result.stdout, /^\[/);
    for (const f of findings) assert.equal(f.line, 1, `${f.ruleId} on line 1 of an empty file`);
    const agents = findings.filter((f) => f.path === 'AGENTS.md');
    assert.deepEqual(rulesOf(agents), ['AGENTS003'], 'an empty AGENTS.md says how to start it');
    assert.match(agents[0].message, /empty/);
    // Whitespace only, and a lone BOM, behave the same way.
    lintFiles({ 'SPEC.md': '\n\n   \n', 'PLANS.md': '\uFEFF', 'AGENTS.md': '\r\n' });
  });

  it('CRLF line endings give the same findings, at the same lines and columns, as LF', () => {
    const lf = lintFiles(RICH_WORKSPACE).findings;
    const crlfFiles = Object.fromEntries(Object.entries(RICH_WORKSPACE).map(([p, t]) => [p, t.replace(/\n/g, '\r\n')]));
    const crlf = lintFiles(crlfFiles).findings;
    assert.ok(lf.length >= 15, `the fixture exercises many rules (${lf.length} findings)`);
    assert.ok(rulesOf(lf).length >= 12, `rules hit: ${rulesOf(lf).join(', ')}`);
    assert.deepEqual(crlf, lf);
  });

  it('deeply nested lists (500 levels of bullets, ordered items, quotes and a mix)', () => {
    const depth = 500;
    const bullets = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i} MUST be nested`);
    const ordered = Array.from({ length: depth }, (_, i) => `${'   '.repeat(i)}1. level ${i} MUST be nested`);
    const mixed = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}${i % 2 ? '- ' : '> '}item ${i}`);
    const head = ['# Spec', '', '## Requirements', ''];
    lintFiles({
      'a/SPEC.md': md(...head, ...bullets),
      'b/SPEC.md': md(...head, ...ordered),
      'c/SPEC.md': md(...head, `${'>'.repeat(depth)} The system MUST work.`),
      'd/SPEC.md': md(...head, ...mixed),
      'AGENTS.md': md('# Agents', '', ...bullets.map((l) => l.replace('MUST be nested', 'run `npm test`'))),
      'PLANS.md': md('# Plan', '', '## Progress', '', ...bullets),
    });
  });

  it('a 2,000-line single paragraph', () => {
    const para = Array.from({ length: 2000 }, (_, i) => `The system MUST handle case ${i} quickly and/or robustly (see FR-${i}), \`code ${i}\` <!-- c -->`);
    const { findings } = lintFiles({
      'SPEC.md': md('# Spec', '', '## Requirements', '', ...para),
      'AGENTS.md': md('# Agents', '', ...para),
      'PLANS.md': md('# Plan', '', '## Progress', '', ...para),
    });
    assert.ok(findings.some((f) => f.ruleId === 'SPEC006'));
  });

  it('a near-2 MB single line of code spans or comments finishes in time (no quadratic masking)', () => {
    const budget = 1_900_000;
    const fill = (unit: string): string => unit.repeat(Math.floor(budget / unit.length));
    for (const unit of ['`a` ', '`` a ` ', '<!-- a --> ', '`a` <!-- a --> ', '[a](b) ']) {
      const { result } = lintFiles({ 'SPEC.md': md('# Spec', '', `- The system MUST ${fill(unit)}`) });
      assert.ok(result.ms < SPAWN_TIMEOUT_MS, `${JSON.stringify(unit)}: ${result.ms} ms`);
    }
  });

  it('other odd shapes: a huge table, unclosed fences and comments, very long headings', () => {
    const table = ['| Id | Requirement |', '| --- | --- |', ...Array.from({ length: 3000 }, (_, i) => `| FR-${i} | The API MUST answer ${i}. |`)];
    lintFiles({
      'a/SPEC.md': md('# Spec', '', '## Requirements', '', ...table),
      'b/SPEC.md': md('# Spec', '', '```', 'The system MUST work.', '<!-- open'),
      'c/SPEC.md': md(`# ${'Requirements '.repeat(20000)}`, '', `${'#'.repeat(7)} not a heading`, '- [ ]', '-', '1.'),
      'AGENTS.md': md('# Agents', '', '<!-- podflow-disable', '- Try to be careful.', '```', 'npm test'),
    });
  });
});
