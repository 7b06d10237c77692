import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findGitDirs, gitHead, packedRef, requirementIdAt } from '../../../server/src/codify';
import { DEFAULT_ID_PATTERN } from '../../../server/src/documents/ids';
import { makeTempDir, removeTempDir } from '../store/storeHelpers';
import { commitAll, git, HAS_GIT } from './gitHelpers';

const commit = (cwd: string, file: string, text: string): string => commitAll(cwd, { path: file, text });

describe('codify/provenance: git HEAD without running git', function () {
  let dir: string;
  let repo: string;
  before(function () {
    if (!HAS_GIT) this.skip();
  });
  beforeEach(() => {
    dir = makeTempDir('podflow-git-');
    repo = path.join(dir, 'repo');
    fs.mkdirSync(repo);
    git(repo, 'init', '-q');
  });
  afterEach(() => removeTempDir(dir));

  it('is undefined outside a repository and on a branch with no commit yet', () => {
    const outside = path.join(dir, 'outside');
    fs.mkdirSync(outside);
    assert.equal(gitHead(outside), undefined);
    assert.equal(gitHead(repo), undefined);
  });

  it('reads the branch HEAD names, from a nested folder too, loose and then packed', () => {
    const first = commit(repo, 'packages/api/AGENTS.md', '# API\n');
    const second = commit(repo, 'README.md', 'x\n');
    assert.notEqual(first, second);
    assert.equal(gitHead(repo), second);
    assert.equal(gitHead(path.join(repo, 'packages', 'api')), second);
    git(repo, 'pack-refs', '--all');
    assert.equal(fs.existsSync(path.join(repo, '.git', 'refs', 'heads', 'main')), false, 'the branch is only in packed-refs now');
    assert.equal(gitHead(repo), second);
  });

  it('reads a detached HEAD', () => {
    const first = commit(repo, 'a.txt', '1\n');
    commit(repo, 'a.txt', '2\n');
    git(repo, 'checkout', '-q', '--detach', first);
    assert.equal(gitHead(repo), first);
  });

  it('reads the HEAD of a linked worktree (a .git file), not the main one', () => {
    const main = commit(repo, 'a.txt', '1\n');
    const wt = path.join(dir, 'wt');
    git(repo, 'worktree', 'add', '-q', '-b', 'feature', wt);
    const feature = commit(wt, 'b.txt', '2\n');
    assert.ok(fs.statSync(path.join(wt, '.git')).isFile());
    const dirs = findGitDirs(path.join(wt));
    assert.deepEqual(dirs, { gitDir: path.join(repo, '.git', 'worktrees', 'wt'), commonDir: path.join(repo, '.git') });
    assert.equal(gitHead(wt), feature);
    assert.equal(gitHead(repo), main);
    // The worktree's branch, packed, is found in the common folder's packed-refs.
    git(repo, 'pack-refs', '--all');
    assert.equal(gitHead(wt), feature);
  });

  it('follows a relative gitdir pointer (the way submodules write it)', () => {
    const head = commit(repo, 'a.txt', '1\n');
    const moved = path.join(dir, 'modules', 'repo');
    fs.mkdirSync(path.dirname(moved), { recursive: true });
    fs.renameSync(path.join(repo, '.git'), moved);
    fs.writeFileSync(path.join(repo, '.git'), 'gitdir: ../modules/repo\n');
    assert.equal(git(repo, 'rev-parse', 'HEAD'), head, 'git itself accepts the pointer');
    assert.equal(gitHead(path.join(repo)), head);
  });

  it('gives up on a HEAD it cannot make sense of', () => {
    commit(repo, 'a.txt', '1\n');
    fs.writeFileSync(path.join(repo, '.git', 'HEAD'), 'garbage\n');
    assert.equal(gitHead(repo), undefined);
    fs.writeFileSync(path.join(repo, '.git', 'HEAD'), 'ref: refs/heads/gone\n');
    assert.equal(gitHead(repo), undefined);
  });
});

describe('codify/provenance: packed-refs', () => {
  it('skips comments and peeled lines, and only answers the exact ref', () => {
    const a = '1'.repeat(40);
    const b = '2'.repeat(40);
    const packed = `# pack-refs with: peeled fully-peeled sorted \n${a} refs/heads/main\n${b} refs/tags/v1\n^${'3'.repeat(40)}\n`;
    assert.equal(packedRef(packed, 'refs/heads/main'), a);
    assert.equal(packedRef(packed, 'refs/tags/v1'), b);
    assert.equal(packedRef(packed, 'refs/heads/mai'), undefined);
    assert.equal(packedRef(`${a} refs/heads/main\r\n`, 'refs/heads/main'), a);
    assert.equal(packedRef('nothex refs/heads/main\n', 'refs/heads/main'), undefined);
  });
});

describe('codify/provenance: the requirement id at the selection or cursor', () => {
  const text = '// @covers 001-csv-export/FR-002\r\ntest(\'FR-006: names the file\', () => {\n  // see SC-12 and AUTH-3\n});\n';
  const at = (line: number, character: number, endLine = line, endCharacter = character) =>
    requirementIdAt(text, { start: { line, character }, end: { line: endLine, character: endCharacter } }, DEFAULT_ID_PATTERN);

  it('finds the id a bare cursor touches: before, inside or right after it', () => {
    const col = '// @covers 001-csv-export/'.length;
    assert.equal(at(0, col), 'FR-002');
    assert.equal(at(0, col + 3), 'FR-002');
    assert.equal(at(0, col + 6), 'FR-002');
    assert.equal(at(0, 3), undefined);
    assert.equal(at(1, 7), 'FR-006');
    assert.equal(at(3, 0), undefined);
  });

  it('takes the first id a selection overlaps, across lines, in either direction', () => {
    assert.equal(at(2, 0, 2, 30), 'SC-12');
    assert.equal(at(2, 30, 2, 0), 'SC-12');
    assert.equal(at(2, 12, 2, 13), 'SC-12', 'a selection inside the id');
    assert.equal(at(0, 0, 2, 30), 'FR-002');
    assert.equal(at(2, 0, 2, 8), undefined, 'a selection that ends right before the id');
    assert.equal(at(2, 18, 2, 30), 'AUTH-3');
  });

  it('uses the project\'s id pattern and clamps positions past the end', () => {
    assert.equal(requirementIdAt('see REQ_7 here', { start: { line: 0, character: 6 }, end: { line: 0, character: 6 } }, 'REQ_\\d+'), 'REQ_7');
    assert.equal(requirementIdAt('FR-1', { start: { line: 9, character: 99 }, end: { line: 9, character: 99 } }, DEFAULT_ID_PATTERN), 'FR-1');
    assert.equal(requirementIdAt('', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, DEFAULT_ID_PATTERN), undefined);
  });
});
