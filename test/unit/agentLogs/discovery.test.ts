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
import { FIXTURES, LEDGER, UIKIT, copyTree, rmrf, tempDir } from './helpers';

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
        'claude/projects/-home-sam-src-ledger-svc/e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83.jsonl',
        'claude/projects/-home-sam-src-ledger-svc/e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83/subagents/agent-b7d25e90c4a1f368.jsonl',
        'claude/projects/-home-sam-src-ui-kit/5c2f8e61-a04b-4d97-8e3c-1b6a0f9d2e74.jsonl',
        'codex/sessions/2026/11/23/rollout-2026-11-23T08-42-17-019ab3c4-51d2-7e08-a6f1-83c0d2e4b915.jsonl',
        'codex/sessions/2026/11/24/rollout-2026-11-24T17-15-48-019ab9e2-0c47-7a35-9d18-f4b6e5a7c302.jsonl',
        'gemini/tmp/a80de6d0042970bd6ebdc00fb9df4c010f874f43331893f74fc2d2a7f77a4adf/chats/session-2026-11-19T11-27-3f6d0a8e.json',
        'gemini/tmp/ledger-svc/chats/session-2026-11-22T15-04-9b3e71d2.jsonl',
      ]);
      assert.deepEqual(rel(listLogFiles(loc, { agents: ['gemini'] })), ['gemini/tmp/a80de6d0042970bd6ebdc00fb9df4c010f874f43331893f74fc2d2a7f77a4adf/chats/session-2026-11-19T11-27-3f6d0a8e.json', 'gemini/tmp/ledger-svc/chats/session-2026-11-22T15-04-9b3e71d2.jsonl']);
      assert.ok(!rel(listLogFiles(loc)).some((f) => f.endsWith('projects.json') || f.endsWith('.project_root')));
    });

    it('an archived Codex rollout also under sessions/ is listed once; other archived ones are listed', () => {
      const a = 'rollout-2026-11-23T08-42-17-019ab3c4-51d2-7e08-a6f1-83c0d2e4b915.jsonl';
      fs.mkdirSync(fx('codex/archived_sessions'));
      fs.copyFileSync(fx(`codex/sessions/2026/11/23/${a}`), fx(`codex/archived_sessions/${a}`));
      fs.writeFileSync(fx('codex/archived_sessions/rollout-2026-10-01T08-00-00-019a0000-0000-7000-8000-000000000000.jsonl'), '');
      assert.deepEqual(rel(listLogFiles(loc, { agents: ['codex'] })), [
        'codex/archived_sessions/rollout-2026-10-01T08-00-00-019a0000-0000-7000-8000-000000000000.jsonl',
        `codex/sessions/2026/11/23/${a}`,
        'codex/sessions/2026/11/24/rollout-2026-11-24T17-15-48-019ab9e2-0c47-7a35-9d18-f4b6e5a7c302.jsonl',
      ]);
    });

    it('a legacy Gemini .json continued in a .jsonl of the same name is listed once, as the .jsonl', () => {
      fs.writeFileSync(fx('gemini/tmp/ledger-svc/chats/session-2026-11-22T15-04-9b3e71d2.json'), '{}');
      fs.writeFileSync(fx('gemini/tmp/ledger-svc/chats/session-2026-10-01T09-15-aaaaaaaa.json'), '{}');
      assert.deepEqual(rel(listLogFiles(loc, { agents: ['gemini'] })), [
        'gemini/tmp/a80de6d0042970bd6ebdc00fb9df4c010f874f43331893f74fc2d2a7f77a4adf/chats/session-2026-11-19T11-27-3f6d0a8e.json',
        'gemini/tmp/ledger-svc/chats/session-2026-10-01T09-15-aaaaaaaa.json',
        'gemini/tmp/ledger-svc/chats/session-2026-11-22T15-04-9b3e71d2.jsonl',
      ]);
    });

    it('reads session id, cwd and kind from the first lines', () => {
      const byName = Object.fromEntries(listLogFiles(loc).map((f) => [path.basename(f.file), readSessionHeader(f)]));
      const codex = byName['rollout-2026-11-23T08-42-17-019ab3c4-51d2-7e08-a6f1-83c0d2e4b915.jsonl'];
      assert.deepEqual([codex.sessionId, codex.cwd, codex.subagent], ['019ab3c4-51d2-7e08-a6f1-83c0d2e4b915', LEDGER, false]);
      const main = byName['e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83.jsonl'];
      assert.deepEqual([main.sessionId, main.cwd, main.subagent], ['e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83', LEDGER, false], 'past the summary line at the top');
      const sub = byName['agent-b7d25e90c4a1f368.jsonl'];
      assert.deepEqual([sub.sessionId, sub.groupId, sub.cwd, sub.subagent], ['e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83', 'e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83', LEDGER, true]);
      const gemini = byName['session-2026-11-22T15-04-9b3e71d2.jsonl'];
      assert.deepEqual([gemini.sessionId, gemini.cwd, gemini.projectHash], ['9b3e71d2-64af-4c10-b8e5-2d07f3a9c618', LEDGER, geminiProjectHash(LEDGER)]);
      const legacy = byName['session-2026-11-19T11-27-3f6d0a8e.json'];
      assert.deepEqual([legacy.sessionId, legacy.cwd, legacy.projectHash, legacy.subagent], ['3f6d0a8e-c172-4e59-9b04-6a8d1e3f2c57', undefined, geminiProjectHash(UIKIT), false]);
    });

    it('Gemini: the project root comes from .project_root, else from projects.json', () => {
      fs.rmSync(fx('gemini/tmp/ledger-svc/.project_root'));
      const f = listLogFiles(loc, { agents: ['gemini'] }).find((l) => l.file.endsWith('.jsonl'))!;
      assert.equal(readSessionHeader(f).cwd, LEDGER);
    });

    it('picks the sessions whose cwd is inside a workspace folder', () => {
      assert.deepEqual(rel(sessionsInFolder(loc, LEDGER)), [
        'claude/projects/-home-sam-src-ledger-svc/e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83.jsonl',
        'claude/projects/-home-sam-src-ledger-svc/e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83/subagents/agent-b7d25e90c4a1f368.jsonl',
        'codex/sessions/2026/11/23/rollout-2026-11-23T08-42-17-019ab3c4-51d2-7e08-a6f1-83c0d2e4b915.jsonl',
        'gemini/tmp/ledger-svc/chats/session-2026-11-22T15-04-9b3e71d2.jsonl',
      ]);
      // the older Gemini chat has no recorded root: its projectHash (SHA-256 of the root) matches
      assert.deepEqual(rel(sessionsInFolder(loc, UIKIT)), [
        'claude/projects/-home-sam-src-ui-kit/5c2f8e61-a04b-4d97-8e3c-1b6a0f9d2e74.jsonl',
        'codex/sessions/2026/11/24/rollout-2026-11-24T17-15-48-019ab9e2-0c47-7a35-9d18-f4b6e5a7c302.jsonl',
        'gemini/tmp/a80de6d0042970bd6ebdc00fb9df4c010f874f43331893f74fc2d2a7f77a4adf/chats/session-2026-11-19T11-27-3f6d0a8e.json',
      ]);
      assert.equal(sessionsInFolder(loc, '/home/sam/src').length, 6, 'a parent folder holds every session with a cwd inside it');
      assert.ok(
        !sessionsInFolder(loc, '/home/sam/src').some((h) => h.file.endsWith('.json')),
        'the older Gemini chat, known by the hash of its root only, matches that folder alone',
      );
      assert.equal(sessionsInFolder(loc, '/home/sam/src/ledger').length, 0, 'a name prefix is not a parent folder');
    });

    it('a session started in a sub-folder belongs to the workspace; a sibling with the same prefix does not', () => {
      const session = (cwd: string, id: string) => {
        const d = fx(`claude/projects/${claudeProjectDirName(cwd)}`);
        fs.mkdirSync(d, { recursive: true });
        const line = { type: 'user', cwd, sessionId: id, message: { role: 'user', content: 'hi' }, timestamp: '2026-11-21T08:00:00.000Z' };
        fs.writeFileSync(path.join(d, `${id}.jsonl`), JSON.stringify(line) + '\n');
      };
      session(`${LEDGER}/packages/core`, '11111111-1111-4111-8111-111111111111');
      session(`${LEDGER}-v2`, '22222222-2222-4222-8222-222222222222');
      assert.equal(claudeProjectDirName(`${LEDGER}-v2`), claudeProjectDirName(LEDGER) + '-v2', 'the folder names alone cannot tell them apart');
      const ids = sessionsInFolder(loc, LEDGER, { agents: ['claude'] }).map((h) => h.sessionId);
      assert.ok(ids.includes('11111111-1111-4111-8111-111111111111'));
      assert.ok(!ids.includes('22222222-2222-4222-8222-222222222222'));
    });

    it('an older hash-named Gemini project folder matches by projectHash', () => {
      const hashDir = fx(`gemini/tmp/${geminiProjectHash(LEDGER)}/chats`);
      fs.mkdirSync(hashDir, { recursive: true });
      fs.renameSync(fx('gemini/tmp/ledger-svc/chats/session-2026-11-22T15-04-9b3e71d2.jsonl'), path.join(hashDir, 'session-2026-11-22T15-04-9b3e71d2.jsonl'));
      fs.rmSync(fx('gemini/projects.json'));
      const found = sessionsInFolder(loc, LEDGER, { agents: ['gemini'] });
      assert.equal(found.length, 1);
      assert.equal(found[0].sessionId, '9b3e71d2-64af-4c10-b8e5-2d07f3a9c618');
      assert.equal(found[0].cwd, undefined);
      // the other project's folder keeps only its own (the fixture's one-document chat)
      assert.deepEqual(sessionsInFolder(loc, UIKIT, { agents: ['gemini'] }).map((h) => h.sessionId), ['3f6d0a8e-c172-4e59-9b04-6a8d1e3f2c57']);
    });

    it('the current session of each agent is the most recently written (sub-agent logs count for their parent)', () => {
      const touch = (rel: string, minutesAgo: number) => {
        const t = new Date(Date.now() - minutesAgo * 60_000);
        fs.utimesSync(fx(rel), t, t);
      };
      touch('codex/sessions/2026/11/23/rollout-2026-11-23T08-42-17-019ab3c4-51d2-7e08-a6f1-83c0d2e4b915.jsonl', 30);
      touch('codex/sessions/2026/11/24/rollout-2026-11-24T17-15-48-019ab9e2-0c47-7a35-9d18-f4b6e5a7c302.jsonl', 5);
      touch('claude/projects/-home-sam-src-ledger-svc/e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83.jsonl', 60);
      touch('claude/projects/-home-sam-src-ledger-svc/e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83/subagents/agent-b7d25e90c4a1f368.jsonl', 1);
      touch('claude/projects/-home-sam-src-ui-kit/5c2f8e61-a04b-4d97-8e3c-1b6a0f9d2e74.jsonl', 10);
      touch('gemini/tmp/ledger-svc/chats/session-2026-11-22T15-04-9b3e71d2.jsonl', 2);
      touch('gemini/tmp/a80de6d0042970bd6ebdc00fb9df4c010f874f43331893f74fc2d2a7f77a4adf/chats/session-2026-11-19T11-27-3f6d0a8e.json', 20);

      const all = currentSessions(loc);
      assert.equal(all.codex?.sessionId, '019ab9e2-0c47-7a35-9d18-f4b6e5a7c302');
      assert.equal(all.claude?.sessionId, 'e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83');
      assert.deepEqual(all.claude?.files.map((f) => path.basename(f)), ['e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83.jsonl', 'agent-b7d25e90c4a1f368.jsonl']);
      assert.equal(all.gemini?.sessionId, '9b3e71d2-64af-4c10-b8e5-2d07f3a9c618');

      const ledger = currentSessions(loc, LEDGER);
      assert.equal(ledger.codex?.sessionId, '019ab3c4-51d2-7e08-a6f1-83c0d2e4b915', 'the newest one inside the folder');
      assert.equal(ledger.claude?.cwd, LEDGER);
      const uikit = currentSessions(loc, UIKIT);
      assert.equal(uikit.claude?.sessionId, '5c2f8e61-a04b-4d97-8e3c-1b6a0f9d2e74');
      assert.equal(uikit.gemini?.sessionId, '3f6d0a8e-c172-4e59-9b04-6a8d1e3f2c57');

      // the meter of the current Claude session covers the main log and its sub-agent
      const u = SessionMeter.of(all.claude!).update();
      assert.equal(sessionTotals(u).total, 89950);
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
