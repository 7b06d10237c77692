import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { buildCli, REPO_ROOT } from './runCli';

describe('cli: npm run demo (scripts/demo.mjs)', function () {
  this.timeout(60_000);
  before(() => buildCli());

  it('lints examples/, shows its MUST coverage and what to try next', () => {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'demo.mjs')], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^examples\/specs\/001-csv-export\/spec\.md:19:5 warning TRACE001 /m);
    assert.match(r.stderr, /podflow: 8 files linted, 12 findings \(0 errors\)/);
    assert.match(r.stdout, /^total: MUST 5\/8 \(62\.5%\)$/m);
    assert.match(r.stdout, /== Next things to try\n.*coverage --root examples --min 90/);
  });

  it('the repository root is scoped to examples/ by its .podflow.yaml: the same findings and coverage', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });
    const cov = run(['coverage']);
    assert.equal(cov.status, 0, cov.stderr);
    assert.match(cov.stdout, /^total: MUST 5\/8 \(62\.5%\)$/m);
    const lint = run(['lint']);
    assert.match(lint.stderr, /podflow: 8 files linted, 12 findings \(0 errors\)/);
    assert.doesNotMatch(lint.stdout, /^test\//m, 'podflow lints none of its own tests and fixtures');
  });
});
