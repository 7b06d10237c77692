import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { claudeProjectDirName } from '../../server/src/agentLogs/discovery';
import { buildCli, REPO_ROOT, runCli } from './runCli';

/** The agent-log fixtures; their totals are derived in their README and checked by hand here. */
const F = path.join(REPO_ROOT, 'test', 'fixtures', 'agent-logs');
const LOCATIONS = ['--codex-home', path.join(F, 'codex'), '--claude-dir', path.join(F, 'claude'), '--gemini-dir', path.join(F, 'gemini')];
/** The clock of these runs (the PODFLOW_NOW test hook): Wednesday 2026-11-25, the day after the last fixture session. */
const NOW = { PODFLOW_NOW: '2026-11-25T12:00:00Z' };
const tokens = (args: string[]) => runCli(['tokens', ...args], { env: NOW });

describe('cli: podflow tokens', function () {
  this.timeout(60_000);
  before(() => buildCli());

  it('per session: every fixture session with the README totals and costs', () => {
    const r = tokens(['--all', '--since', '2026-11-01', '--tz', 'UTC', ...LOCATIONS]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.split('\n'), [
      'Agent tokens, 2026-11-01 to 2026-11-25, per session',
      '',
      'Session                                       Input   Cached  Cache write  Output  Reasoning    Total     Cost',
      'claude e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83      43   74,520       12,950   2,437          0   89,950  $0.1083',
      'codex 019ab3c4-51d2-7e08-a6f1-83c0d2e4b915   12,926   22,784            0   2,605      1,472   38,315  $0.0451',
      'gemini 9b3e71d2-64af-4c10-b8e5-2d07f3a9c618  12,540   14,336            0   2,210      1,389   29,086  $0.0097',
      'codex 019ab9e2-0c47-7a35-9d18-f4b6e5a7c302   12,294   13,056            0   3,030      1,792   28,380  $0.0287',
      'gemini 3f6d0a8e-c172-4e59-9b04-6a8d1e3f2c57   8,999    4,096            0   1,815      1,033   14,910  $0.0299',
      'claude 5c2f8e61-a04b-4d97-8e3c-1b6a0f9d2e74      14    1,600        1,980     850          0    4,444  $0.0207',
      'Total                                        46,816  130,392       14,930  12,947      5,686  205,085  $0.2424',
      '',
      '205.1k tokens in 6 session row(s); input excludes cached input; output includes reasoning.',
      '',
    ]);
  });

  it('--since 1w: the last seven days up to the clock (2026-11-19 to 2026-11-25) leave out the session of 2026-11-18', () => {
    const r = tokens(['--all', '--since', '1w', '--tz', 'UTC', '--format', 'json', ...LOCATIONS]);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout) as { from: string; to: string; rows: { key: string }[]; total: { total: number; cost: number } };
    assert.deepEqual([j.from, j.to], ['2026-11-19', '2026-11-25']);
    assert.equal(j.rows.length, 5);
    assert.ok(!j.rows.some((row) => row.key === 'claude 5c2f8e61-a04b-4d97-8e3c-1b6a0f9d2e74'));
    assert.equal(j.total.total, 200_641);
    assert.ok(Math.abs(j.total.cost - 0.22169963) < 1e-9);
  });

  it('JSON gives exact costs: Codex $0.0450555, Claude Code main + sub-agent $0.108298', () => {
    const r = tokens(['--all', '--since', '2026-11-01', '--format', 'json', ...LOCATIONS]);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout) as { rows: { key: string; cost: number; counts: { total: number }; sessions: number }[]; total: { total: number; cost: number } };
    const byKey = new Map(j.rows.map((row) => [row.key, row]));
    assert.ok(Math.abs(byKey.get('codex 019ab3c4-51d2-7e08-a6f1-83c0d2e4b915')!.cost - 0.0450555) < 1e-9);
    assert.ok(Math.abs(byKey.get('claude e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83')!.cost - 0.108298) < 1e-9);
    assert.ok(Math.abs(byKey.get('codex 019ab9e2-0c47-7a35-9d18-f4b6e5a7c302')!.cost - (0.0046453 + 0.024073)) < 1e-9);
    assert.ok(Math.abs(byKey.get('gemini 9b3e71d2-64af-4c10-b8e5-2d07f3a9c618')!.cost - 0.00971708) < 1e-9);
    assert.ok(Math.abs(byKey.get('gemini 3f6d0a8e-c172-4e59-9b04-6a8d1e3f2c57')!.cost - 0.02991075) < 1e-9);
    assert.ok(Math.abs(byKey.get('claude 5c2f8e61-a04b-4d97-8e3c-1b6a0f9d2e74')!.cost - 0.020697) < 1e-9);
    assert.equal(byKey.get('claude e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83')!.counts.total, 89_950);
    assert.equal(j.total.total, 205_085);
    assert.ok(Math.abs(j.total.cost - 0.24239663) < 1e-9);
  });

  it('per model and per day, as CSV', () => {
    const r = tokens(['--all', '--since', '2026-11-01', '--by', 'model', '--format', 'csv', ...LOCATIONS]);
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.trim().split('\n');
    assert.equal(rows[0], 'model,input,cached_input,cache_write,output,reasoning,total,cost_usd');
    assert.equal(rows.length, 9, 'eight models');
    assert.ok(rows.includes('gpt-5.1-codex-mini,8818,5632,0,1150,640,15600,0.004645'), rows.join('\n'));
    assert.ok(rows.includes('claude-haiku-4-5-20251001,18,3880,4330,659,0,8887,0.009114'), rows.join('\n'));
    assert.ok(rows.includes('gemini-2.5-flash,12540,14336,0,2210,1389,29086,0.009717'), rows.join('\n'));
    const day = tokens(['--all', '--since', '2026-11-01', '--by', 'day', '--format', 'csv', '--tz', 'UTC', ...LOCATIONS]);
    assert.deepEqual(
      day.stdout.trim().split('\n').slice(1).map((l) => [l.split(',')[0], l.split(',')[6]]),
      [
        ['2026-11-18', '4444'],
        ['2026-11-19', '14910'],
        ['2026-11-20', '89950'],
        ['2026-11-22', '29086'],
        ['2026-11-23', '38315'],
        ['2026-11-24', '28380'],
      ],
    );
  });

  it('without --all: only the sessions that ran in the workspace folder', () => {
    const home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'podflow-cli-tokens-')));
    try {
      const ws = path.join(home, 'ledger-svc');
      fs.mkdirSync(ws);
      const rewrite = (from: string, to: string) => {
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.writeFileSync(to, fs.readFileSync(from, 'utf8').split('/home/sam/src/ledger-svc').join(ws));
      };
      const codex = 'sessions/2026/11/23/rollout-2026-11-23T08-42-17-019ab3c4-51d2-7e08-a6f1-83c0d2e4b915.jsonl';
      rewrite(path.join(F, 'codex', codex), path.join(home, 'codex', codex));
      const other = 'sessions/2026/11/24/rollout-2026-11-24T17-15-48-019ab9e2-0c47-7a35-9d18-f4b6e5a7c302.jsonl';
      rewrite(path.join(F, 'codex', other), path.join(home, 'codex', other));
      const claudeMain = '-home-sam-src-ledger-svc/e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83.jsonl';
      rewrite(path.join(F, 'claude', 'projects', claudeMain), path.join(home, 'claude', 'projects', claudeProjectDirName(ws), path.basename(claudeMain)));
      const r = tokens(['--root', ws, '--since', '2026-11-01', '--format', 'json', '--codex-home', path.join(home, 'codex'), '--claude-dir', path.join(home, 'claude'), '--gemini-dir', path.join(home, 'none')]);
      assert.equal(r.status, 0, r.stderr);
      const j = JSON.parse(r.stdout) as { rows: { key: string }[]; total: { total: number } };
      assert.deepEqual(j.rows.map((row) => row.key).sort(), ['claude e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83', 'codex 019ab3c4-51d2-7e08-a6f1-83c0d2e4b915']);
      assert.equal(j.total.total, 81_063 + 38_315);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('an empty period and bad options', () => {
    // 2026-11-25, the clock's day: no fixture session was written on it
    const empty = tokens(['--all', '--since', '1d', '--tz', 'UTC', ...LOCATIONS]);
    assert.equal(empty.status, 0);
    assert.equal(
      empty.stdout,
      [
        'Agent tokens, 2026-11-25 to 2026-11-25, per session',
        '',
        'No agent session in this period. Looked for agent logs in:',
        `  Codex CLI    ${path.join(F, 'codex', 'sessions')}`,
        `  Claude Code  ${path.join(F, 'claude', 'projects')}`,
        `  Gemini CLI   ${path.join(F, 'gemini', 'tmp')}`,
        'Try a longer period (--since 30d or --since YYYY-MM-DD), or point at other log folders (--codex-home, --claude-dir, --gemini-dir).',
        '',
      ].join('\n'),
    );
    // Scoped to a folder no session ran in: the hint names the folder and suggests --all.
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'podflow-no-sessions-'));
    try {
      const scoped = tokens(['--root', elsewhere, '--since', '2026-11-01', ...LOCATIONS]);
      assert.equal(scoped.status, 0, scoped.stderr);
      assert.match(scoped.stdout, /^No agent session in this period\. Looked for agent logs in:$/m);
      assert.ok(scoped.stdout.includes(`Only sessions that ran in ${elsewhere} are counted.\nTry --all for the sessions of every folder`), scoped.stdout);
      const everyFolder = tokens(['--all', '--since', '2026-11-01', '--format', 'json', ...LOCATIONS]);
      assert.ok((JSON.parse(everyFolder.stdout) as { rows: unknown[] }).rows.length > 0, 'the same period with --all has sessions');
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
    assert.equal(runCli(['tokens', '--by', 'week']).status, 2);
    assert.match(runCli(['tokens', '--root', '/no/such/folder']).stderr, /--root must be an existing folder/);
  });
});
