import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  claudeProjectDirName,
  currentSessions,
  geminiProjectHash,
  isInsideFolder,
  listLogFiles,
  readSessionHeader,
  sessionsInFolder,
} from '../../../server/src/agentLogs/discovery';
import { LogLocations, resolveLocations } from '../../../server/src/agentLogs/locations';
import { SessionMeter } from '../../../server/src/agentLogs/sessionMeter';
import { sessionTotals } from '../../../server/src/agentLogs/types';
import { FIXTURES, copyTree, rmrf, tempDir } from './helpers';

const ACME = '/home/dev/projects/acme-api';
const WEB = '/home/dev/projects/web-dashboard';

describe('tokens: discovery', () => {
  describe('resolveLocations', () => {
    const home = '/home/me';
    it('defaults under the home folder', () => {
      assert.deepEqual(resolveLocations({}, {}, home), {
        codexHome: '/home/me/.codex',
        claudeDirs: ['/home/me/.config/claude', '/home/me/.claude'],
        geminiDir: '/home/me/.gemini',
      });
    });
    it('CODEX_HOME and CLAUDE_CONFIG_DIR (comma-separated; replaces the defaults)', () => {
      const loc = resolveLocations({}, { CODEX_HOME: '/opt/codex', CLAUDE_CONFIG_DIR: '/a/claude, /b/claude ,' }, home);
      assert.equal(loc.codexHome, '/opt/codex');
      assert.deepEqual(loc.claudeDirs, ['/a/claude', '/b/claude']);
    });
    it('settings win over the environment; ~ expands; empty settings mean unset', () => {
      const loc = resolveLocations({ codexHome: '~/work/codex', claudeDirs: ['~/c1', ''], geminiDir: '' }, { CODEX_HOME: '/opt/codex', CLAUDE_CONFIG_DIR: '/x' }, home);
      assert.deepEqual(loc, { codexHome: '/home/me/work/codex', claudeDirs: ['/home/me/c1'], geminiDir: '/home/me/.gemini' });
      assert.deepEqual(resolveLocations({ claudeDirs: [' '] }, { CLAUDE_CONFIG_DIR: '/x' }, home).claudeDirs, ['/x']);
    });
  });

  describe('on a copy of the fixtures', () => {
    let dir: string;
    let loc: LogLocations;
    const fx = (rel: string) => path.join(dir, rel);
    beforeEach(() => {
      dir = tempDir();
      copyTree(path.join(FIXTURES, 'codex'), fx('codex'));
      copyTree(path.join(FIXTURES, 'claude'), fx('claude'));
      copyTree(path.join(FIXTURES, 'gemini'), fx('gemini'));
      loc = resolveLocations({ codexHome: fx('codex'), claudeDirs: [fx('claude')], geminiDir: fx('gemini') }, {});
    });
    afterEach(() => rmrf(dir));

    const rel = (files: { file: string }[]) => files.map((f) => path.relative(dir, f.file)).sort();

    it('lists every log file of each agent, and no sidecar files', () => {
      fs.writeFileSync(fx('codex/session_index.jsonl'), '{}\n');
      assert.deepEqual(rel(listLogFiles(loc)), [
        'claude/projects/-home-dev-projects-acme-api/7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d.jsonl',
        'claude/projects/-home-dev-projects-acme-api/7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d/subagents/agent-a3f9c2e1b7d40586.jsonl',
        'claude/projects/-home-dev-projects-web-dashboard/2b9e4f10-8c7d-4e3a-b1f2-a5c6d7e8f901.jsonl',
        'codex/sessions/2026/11/20/rollout-2026-11-20T10-00-00-019aa0f1-3c2e-7b41-9d5a-2f6e8c1b4a70.jsonl',
        'codex/sessions/2026/11/20/rollout-2026-11-20T14-30-00-019aa21c-7e05-7a90-b3f2-0c9d1e8a6b24.jsonl',
        'gemini/tmp/acme-api/chats/session-2026-11-20T09-15-5e0c7a91.jsonl',
      ]);
      assert.deepEqual(rel(listLogFiles(loc, { agents: ['gemini'] })), ['gemini/tmp/acme-api/chats/session-2026-11-20T09-15-5e0c7a91.jsonl']);
    });

    it('an archived Codex rollout also under sessions/ is listed once; other archived ones are listed', () => {
      const a = 'rollout-2026-11-20T10-00-00-019aa0f1-3c2e-7b41-9d5a-2f6e8c1b4a70.jsonl';
      fs.mkdirSync(fx('codex/archived_sessions'));
      fs.copyFileSync(fx(`codex/sessions/2026/11/20/${a}`), fx(`codex/archived_sessions/${a}`));
      fs.writeFileSync(fx('codex/archived_sessions/rollout-2026-10-01T08-00-00-019a0000-0000-7000-8000-000000000000.jsonl'), '');
      assert.deepEqual(rel(listLogFiles(loc, { agents: ['codex'] })), [
        'codex/archived_sessions/rollout-2026-10-01T08-00-00-019a0000-0000-7000-8000-000000000000.jsonl',
        `codex/sessions/2026/11/20/${a}`,
        'codex/sessions/2026/11/20/rollout-2026-11-20T14-30-00-019aa21c-7e05-7a90-b3f2-0c9d1e8a6b24.jsonl',
      ]);
    });

    it('a legacy Gemini .json continued in a .jsonl of the same name is listed once, as the .jsonl', () => {
      fs.writeFileSync(fx('gemini/tmp/acme-api/chats/session-2026-11-20T09-15-5e0c7a91.json'), '{}');
      fs.writeFileSync(fx('gemini/tmp/acme-api/chats/session-2026-10-01T09-15-aaaaaaaa.json'), '{}');
      assert.deepEqual(rel(listLogFiles(loc, { agents: ['gemini'] })), [
        'gemini/tmp/acme-api/chats/session-2026-10-01T09-15-aaaaaaaa.json',
        'gemini/tmp/acme-api/chats/session-2026-11-20T09-15-5e0c7a91.jsonl',
      ]);
    });

    it('reads session id, cwd and kind from the first lines', () => {
      const byName = Object.fromEntries(listLogFiles(loc).map((f) => [path.basename(f.file), readSessionHeader(f)]));
      const codex = byName['rollout-2026-11-20T10-00-00-019aa0f1-3c2e-7b41-9d5a-2f6e8c1b4a70.jsonl'];
      assert.deepEqual([codex.sessionId, codex.cwd, codex.subagent], ['019aa0f1-3c2e-7b41-9d5a-2f6e8c1b4a70', ACME, false]);
      const sub = byName['agent-a3f9c2e1b7d40586.jsonl'];
      assert.deepEqual([sub.sessionId, sub.groupId, sub.cwd, sub.subagent], ['7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d', '7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d', ACME, true]);
      const gemini = byName['session-2026-11-20T09-15-5e0c7a91.jsonl'];
      assert.deepEqual([gemini.sessionId, gemini.cwd, gemini.projectHash], ['5e0c7a91-3d2b-4f1e-9a8c-7b6d5e4f3a21', ACME, geminiProjectHash(ACME)]);
    });

    it('Gemini: the project root comes from .project_root, else from projects.json', () => {
      fs.rmSync(fx('gemini/tmp/acme-api/.project_root'));
      const [f] = listLogFiles(loc, { agents: ['gemini'] });
      assert.equal(readSessionHeader(f).cwd, ACME);
    });

    it('picks the sessions whose cwd is inside a workspace folder', () => {
      assert.deepEqual(rel(sessionsInFolder(loc, ACME)), [
        'claude/projects/-home-dev-projects-acme-api/7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d.jsonl',
        'claude/projects/-home-dev-projects-acme-api/7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d/subagents/agent-a3f9c2e1b7d40586.jsonl',
        'codex/sessions/2026/11/20/rollout-2026-11-20T10-00-00-019aa0f1-3c2e-7b41-9d5a-2f6e8c1b4a70.jsonl',
        'gemini/tmp/acme-api/chats/session-2026-11-20T09-15-5e0c7a91.jsonl',
      ]);
      assert.deepEqual(rel(sessionsInFolder(loc, WEB)), [
        'claude/projects/-home-dev-projects-web-dashboard/2b9e4f10-8c7d-4e3a-b1f2-a5c6d7e8f901.jsonl',
        'codex/sessions/2026/11/20/rollout-2026-11-20T14-30-00-019aa21c-7e05-7a90-b3f2-0c9d1e8a6b24.jsonl',
      ]);
      assert.equal(sessionsInFolder(loc, '/home/dev/projects').length, 6, 'a parent folder holds them all');
      assert.equal(sessionsInFolder(loc, '/home/dev/projects/acme').length, 0, 'a name prefix is not a parent folder');
    });

    it('a session started in a sub-folder belongs to the workspace; a sibling with the same prefix does not', () => {
      const session = (cwd: string, id: string) => {
        const d = fx(`claude/projects/${claudeProjectDirName(cwd)}`);
        fs.mkdirSync(d, { recursive: true });
        const line = { type: 'user', cwd, sessionId: id, message: { role: 'user', content: 'hi' }, timestamp: '2026-11-21T08:00:00.000Z' };
        fs.writeFileSync(path.join(d, `${id}.jsonl`), JSON.stringify(line) + '\n');
      };
      session(`${ACME}/packages/core`, '11111111-1111-4111-8111-111111111111');
      session(`${ACME}-v2`, '22222222-2222-4222-8222-222222222222');
      assert.equal(claudeProjectDirName(`${ACME}-v2`), claudeProjectDirName(ACME) + '-v2', 'the folder names alone cannot tell them apart');
      const ids = sessionsInFolder(loc, ACME, { agents: ['claude'] }).map((h) => h.sessionId);
      assert.ok(ids.includes('11111111-1111-4111-8111-111111111111'));
      assert.ok(!ids.includes('22222222-2222-4222-8222-222222222222'));
    });

    it('an older hash-named Gemini project folder matches by projectHash', () => {
      const hashDir = fx(`gemini/tmp/${geminiProjectHash(ACME)}/chats`);
      fs.mkdirSync(hashDir, { recursive: true });
      fs.renameSync(fx('gemini/tmp/acme-api/chats/session-2026-11-20T09-15-5e0c7a91.jsonl'), path.join(hashDir, 'session-2026-11-20T09-15-5e0c7a91.jsonl'));
      fs.rmSync(fx('gemini/projects.json'));
      const found = sessionsInFolder(loc, ACME, { agents: ['gemini'] });
      assert.equal(found.length, 1);
      assert.equal(found[0].cwd, undefined);
      assert.equal(sessionsInFolder(loc, WEB, { agents: ['gemini'] }).length, 0);
    });

    it('the current session of each agent is the most recently written (sub-agent logs count for their parent)', () => {
      const touch = (rel: string, minutesAgo: number) => {
        const t = new Date(Date.now() - minutesAgo * 60_000);
        fs.utimesSync(fx(rel), t, t);
      };
      touch('codex/sessions/2026/11/20/rollout-2026-11-20T10-00-00-019aa0f1-3c2e-7b41-9d5a-2f6e8c1b4a70.jsonl', 30);
      touch('codex/sessions/2026/11/20/rollout-2026-11-20T14-30-00-019aa21c-7e05-7a90-b3f2-0c9d1e8a6b24.jsonl', 5);
      touch('claude/projects/-home-dev-projects-acme-api/7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d.jsonl', 60);
      touch('claude/projects/-home-dev-projects-acme-api/7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d/subagents/agent-a3f9c2e1b7d40586.jsonl', 1);
      touch('claude/projects/-home-dev-projects-web-dashboard/2b9e4f10-8c7d-4e3a-b1f2-a5c6d7e8f901.jsonl', 10);

      const all = currentSessions(loc);
      assert.equal(all.codex?.sessionId, '019aa21c-7e05-7a90-b3f2-0c9d1e8a6b24');
      assert.equal(all.claude?.sessionId, '7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d');
      assert.deepEqual(all.claude?.files.map((f) => path.basename(f)), ['7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d.jsonl', 'agent-a3f9c2e1b7d40586.jsonl']);
      assert.equal(all.gemini?.sessionId, '5e0c7a91-3d2b-4f1e-9a8c-7b6d5e4f3a21');

      const acme = currentSessions(loc, ACME);
      assert.equal(acme.codex?.sessionId, '019aa0f1-3c2e-7b41-9d5a-2f6e8c1b4a70', 'the newest one inside the folder');
      assert.equal(acme.claude?.cwd, ACME);
      const web = currentSessions(loc, WEB);
      assert.equal(web.claude?.sessionId, '2b9e4f10-8c7d-4e3a-b1f2-a5c6d7e8f901');
      assert.equal(web.gemini, undefined);

      // the meter of the current Claude session covers the main log and its sub-agent
      const u = SessionMeter.of(all.claude!).update();
      assert.equal(sessionTotals(u).total, 97807);
    });

    it('modifiedSince skips old files', () => {
      const old = new Date('2026-01-01T00:00:00Z');
      for (const f of listLogFiles(loc)) fs.utimesSync(f.file, old, old);
      assert.equal(listLogFiles(loc, { modifiedSince: Date.now() - 3_600_000 }).length, 0);
    });
  });

  it('isInsideFolder', () => {
    assert.ok(isInsideFolder('/a/b', '/a/b'));
    assert.ok(isInsideFolder('/a/b', '/a/b/c/d'));
    assert.ok(isInsideFolder('/a/b/', '/a/b/c'));
    assert.ok(!isInsideFolder('/a/b', '/a/bc'));
    assert.ok(!isInsideFolder('/a/b', '/a'));
  });
});
