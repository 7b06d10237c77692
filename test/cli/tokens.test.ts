import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { claudeProjectDirName } from '../../server/src/agentLogs/discovery';
import { buildCli, REPO_ROOT, runCli } from './runCli';

/** The agent-log fixtures; their totals are stated in their README and checked by hand here. */
const F = path.resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'agent-logs');
const LOCATIONS = ['--codex-home', path.join(F, 'codex'), '--claude-dir', path.join(F, 'claude'), '--gemini-dir', path.join(F, 'gemini')];

describe('cli: podflow tokens', function () {
  this.timeout(60_000);
  before(() => buildCli());

  it('per session: every fixture session with the README totals and costs', () => {
    const r = runCli(['tokens', '--all', '--since', '2026-11-01', ...LOCATIONS]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0], /^Agent tokens, 2026-11-01 to \d{4}-\d{2}-\d{2}, per session$/);
    assert.deepEqual(lines.slice(2), [
      'Session                                       Input   Cached  Cache write  Output  Reasoning    Total     Cost',
      'claude 7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d      42   82,240       13,030   2,495          0   97,807  $0.1091',
      'codex 019aa0f1-3c2e-7b41-9d5a-2f6e8c1b4a70    9,380   21,120            0   2,640      1,408   33,140  $0.0408',
      'gemini 5e0c7a91-3d2b-4f1e-9a8c-7b6d5e4f3a21  15,904    9,216            0   3,022      2,055   28,142  $0.0513',
      'codex 019aa21c-7e05-7a90-b3f2-0c9d1e8a6b24   10,140   12,160            0   2,460      1,536   24,760  $0.0237',
      'Total                                        35,466  124,736       13,030  10,617      4,999  183,849  $0.2248',
      '',
      '183.8k tokens in 4 session row(s); input excludes cached input; output includes reasoning.',
      '',
    ]);
  });

  it('JSON gives exact costs: Codex $0.040765, Claude Code main + sub-agent $0.1091185', () => {
    const r = runCli(['tokens', '--all', '--since', '2026-11-01', '--format', 'json', ...LOCATIONS]);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout) as { rows: { key: string; cost: number; counts: { total: number }; sessions: number }[] };
    const byKey = new Map(j.rows.map((row) => [row.key, row]));
    assert.ok(Math.abs(byKey.get('codex 019aa0f1-3c2e-7b41-9d5a-2f6e8c1b4a70')!.cost - 0.040765) < 1e-9);
    assert.ok(Math.abs(byKey.get('claude 7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d')!.cost - 0.1091185) < 1e-9);
    assert.ok(Math.abs(byKey.get('codex 019aa21c-7e05-7a90-b3f2-0c9d1e8a6b24')!.cost - (0.0037842 + 0.019874)) < 1e-9);
    assert.equal(byKey.get('claude 7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d')!.counts.total, 97_807);
  });

  it('per model and per day, as CSV', () => {
    const r = runCli(['tokens', '--all', '--since', '2026-11-01', '--by', 'model', '--format', 'csv', ...LOCATIONS]);
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.trim().split('\n');
    assert.equal(rows[0], 'model,input,cached_input,cache_write,output,reasoning,total,cost_usd');
    assert.ok(rows.includes('gpt-5-mini,7252,5248,0,920,512,13420,0.003784'), rows.join('\n'));
    assert.ok(rows.includes('claude-haiku-4-5-20251001,21,4100,4710,805,0,9636,0.010344'), rows.join('\n'));
    const day = runCli(['tokens', '--all', '--since', '2026-11-01', '--by', 'day', '--format', 'csv', '--tz', 'UTC', ...LOCATIONS]);
    assert.deepEqual(day.stdout.trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 1).concat(l.split(',')[6])), [['2026-11-20', '183849']]);
  });

  it('without --all: only the sessions that ran in the workspace folder', () => {
    const home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'podflow-cli-tokens-')));
    try {
      const ws = path.join(home, 'acme-api');
      fs.mkdirSync(ws);
      const rewrite = (from: string, to: string) => {
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.writeFileSync(to, fs.readFileSync(from, 'utf8').split('/home/dev/projects/acme-api').join(ws));
      };
      const codex = 'sessions/2026/11/20/rollout-2026-11-20T10-00-00-019aa0f1-3c2e-7b41-9d5a-2f6e8c1b4a70.jsonl';
      rewrite(path.join(F, 'codex', codex), path.join(home, 'codex', codex));
      const other = 'sessions/2026/11/20/rollout-2026-11-20T14-30-00-019aa21c-7e05-7a90-b3f2-0c9d1e8a6b24.jsonl';
      rewrite(path.join(F, 'codex', other), path.join(home, 'codex', other));
      const claudeMain = '-home-dev-projects-acme-api/7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d.jsonl';
      rewrite(path.join(F, 'claude', 'projects', claudeMain), path.join(home, 'claude', 'projects', claudeProjectDirName(ws), path.basename(claudeMain)));
      const r = runCli(['tokens', '--root', ws, '--since', '2026-11-01', '--format', 'json', '--codex-home', path.join(home, 'codex'), '--claude-dir', path.join(home, 'claude'), '--gemini-dir', path.join(home, 'none')]);
      assert.equal(r.status, 0, r.stderr);
      const j = JSON.parse(r.stdout) as { rows: { key: string }[]; total: { total: number } };
      assert.deepEqual(j.rows.map((row) => row.key).sort(), ['claude 7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d', 'codex 019aa0f1-3c2e-7b41-9d5a-2f6e8c1b4a70']);
      assert.equal(j.total.total, 88_171 + 33_140);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('an empty period and bad options', () => {
    const empty = runCli(['tokens', '--all', '--since', '1d', ...LOCATIONS]);
    assert.equal(empty.status, 0);
    assert.match(empty.stdout, /No agent session in this period\./);
    assert.equal(runCli(['tokens', '--by', 'week']).status, 2);
    assert.match(runCli(['tokens', '--root', '/no/such/folder']).stderr, /--root must be an existing folder/);
  });
});
