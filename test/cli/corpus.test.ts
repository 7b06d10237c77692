import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCli, hasStackTrace, JsonFinding, REPO_ROOT, runCli } from './runCli';

/**
 * The real-world corpus sits outside the repository: CI checks the repo out
 * with shared/ beside it, so it is ../shared/corpus from the repo root.
 */
const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
const SETS = ['A', 'B', 'C'];
const SNAPSHOT = path.join(__dirname, '__snapshots__', 'corpus.json');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

interface CorpusSnapshot {
  files: number;
  total: number;
  byRule: Record<string, number>;
  /** Every linted file, with its findings counted per rule ({} for none). */
  byFile: Record<string, Record<string, number>>;
}

function sortedCounts(entries: Iterable<string>): Record<string, number> {
  const m = new Map<string, number>();
  for (const e of entries) m.set(e, (m.get(e) ?? 0) + 1);
  return Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

describe('cli: real-world corpus', function () {
  this.timeout(120_000);

  const files = fs.existsSync(CORPUS)
    ? SETS.flatMap((set) => {
        const dir = path.join(CORPUS, set);
        if (!fs.existsSync(dir)) return [];
        return fs
          .readdirSync(dir, { withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => `${set}/${e.name}`)
          .sort();
      })
    : [];

  before(function () {
    if (files.length === 0) {
      console.log(`    (skipped: no corpus at ${CORPUS}; it comes with the shared/ folder beside the repository)`);
      this.skip();
    }
    this.timeout(120_000);
    buildCli();
  });

  it('lints every corpus file without a crash and matches the findings snapshot', () => {
    const r = runCli(['lint', '--root', CORPUS, '--format', 'json', ...files], { cwd: CORPUS, timeoutMs: 60_000 });
    assert.ok(!r.timedOut, 'podflow lint on the corpus timed out');
    assert.ok(!hasStackTrace(r.stderr), `stack trace on stderr:\n${r.stderr}`);
    assert.ok(r.status === 0 || r.status === 1, `exit code ${r.status}; stderr:\n${r.stderr}`);
    assert.equal(r.stderr, '', 'every corpus file is linted (none skipped as an unknown kind)');
    const parsed: unknown = JSON.parse(r.stdout);
    assert.ok(Array.isArray(parsed), 'json output is an array');
    const findings = parsed as JsonFinding[];
    assert.deepEqual(
      findings.filter((f) => f.message.startsWith('Internal error')),
      [],
      'no rule crashed on the corpus',
    );
    assert.equal(r.status, findings.some((f) => f.severity === 'error') ? 1 : 0);

    const posix = (p: string): string => p.split(path.sep).join('/');
    const byFile: Record<string, Record<string, number>> = {};
    for (const f of files) byFile[f] = {};
    for (const f of findings) assert.ok(posix(f.path) in byFile, `finding for an unexpected path ${f.path}`);
    for (const f of files) byFile[f] = sortedCounts(findings.filter((x) => posix(x.path) === f).map((x) => x.ruleId));
    const actual: CorpusSnapshot = { files: files.length, total: findings.length, byRule: sortedCounts(findings.map((f) => f.ruleId)), byFile };

    if (UPDATE || !fs.existsSync(SNAPSHOT)) {
      if (!UPDATE) assert.fail(`no snapshot at ${SNAPSHOT}: run with UPDATE_SNAPSHOTS=1 to write it`);
      fs.mkdirSync(path.dirname(SNAPSHOT), { recursive: true });
      fs.writeFileSync(SNAPSHOT, `${JSON.stringify(actual, null, 2)}\n`);
      return;
    }
    const expected = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) as CorpusSnapshot;
    const hint = 'corpus findings changed; if intended, rerun with UPDATE_SNAPSHOTS=1 and review the diff of test/cli/__snapshots__/corpus.json';
    assert.deepEqual(actual.byRule, expected.byRule, `per-rule counts: ${hint}`);
    assert.deepEqual(actual, expected, `per-file counts: ${hint}`);
  });
});
