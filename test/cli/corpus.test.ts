import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildCli, hasStackTrace, JsonFinding, REPO_ROOT, runCli } from './runCli';

/** Real files from public repositories, inside the repository (test/corpus/MANIFEST.tsv says where each came from). */
const CORPUS = path.join(REPO_ROOT, 'test', 'corpus');
const MANIFEST = path.join(CORPUS, 'MANIFEST.tsv');
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

/** The subject files of each repository folder, from the manifest (repo, commit, path, role, kind, note). */
function subjectsByRepo(): Map<string, string[]> {
  const byRepo = new Map<string, string[]>();
  for (const line of fs.readFileSync(MANIFEST, 'utf8').split('\n').slice(1)) {
    const [repo, , file, role] = line.split('\t');
    if (!repo || role !== 'subject') continue;
    const dir = repo.replace('/', '__');
    byRepo.set(dir, [...(byRepo.get(dir) ?? []), file]);
  }
  return byRepo;
}

describe('cli: real-world corpus', function () {
  this.timeout(120_000);

  before(function () {
    this.timeout(120_000);
    assert.ok(fs.existsSync(MANIFEST), `the corpus manifest is missing: ${MANIFEST}`);
    buildCli();
  });

  it('lints every subject file of every corpus repository, inside its repository, and matches the findings snapshot', () => {
    const repos = subjectsByRepo();
    assert.ok(repos.size > 0, 'the manifest lists subject files');
    const posix = (p: string): string => p.split(path.sep).join('/');
    const byFile: Record<string, Record<string, number>> = {};
    const all: JsonFinding[] = [];
    let files = 0;
    for (const [dir, subjects] of [...repos].sort(([a], [b]) => a.localeCompare(b))) {
      const root = path.join(CORPUS, 'repos', dir);
      const r = runCli(['lint', '--root', root, '--format', 'json', ...subjects], { cwd: root, timeoutMs: 60_000 });
      assert.ok(!r.timedOut, `podflow lint on ${dir} timed out`);
      assert.ok(!hasStackTrace(r.stderr), `stack trace on stderr:\n${r.stderr}`);
      assert.ok(r.status === 0 || r.status === 1, `${dir}: exit code ${r.status}; stderr:\n${r.stderr}`);
      assert.equal(r.stderr, '', `${dir}: every subject is linted (none skipped as an unknown kind)`);
      const findings = JSON.parse(r.stdout) as JsonFinding[];
      assert.ok(Array.isArray(findings), 'json output is an array');
      assert.equal(r.status, findings.some((f) => f.severity === 'error') ? 1 : 0);
      for (const f of findings) assert.ok(subjects.includes(posix(f.path)), `${dir}: finding for an unexpected path ${f.path}`);
      for (const s of subjects) byFile[`${dir}/${s}`] = sortedCounts(findings.filter((x) => posix(x.path) === s).map((x) => x.ruleId));
      all.push(...findings);
      files += subjects.length;
    }
    assert.deepEqual(all.filter((f) => f.message.startsWith('Internal error')), [], 'no rule crashed on the corpus');
    const actual: CorpusSnapshot = { files, total: all.length, byRule: sortedCounts(all.map((f) => f.ruleId)), byFile };

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
