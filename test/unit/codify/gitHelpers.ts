import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Runs the real git in `cwd`, isolated from the user's and the system's configuration. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Pod',
      GIT_AUTHOR_EMAIL: 'pod@example.com',
      GIT_COMMITTER_NAME: 'Pod',
      GIT_COMMITTER_EMAIL: 'pod@example.com',
    },
  }).trim();
}

/** Writes `file` (when given), commits everything in `cwd` and returns the new HEAD. */
export function commitAll(cwd: string, file?: { path: string; text: string }): string {
  if (file) {
    fs.mkdirSync(path.dirname(path.join(cwd, file.path)), { recursive: true });
    fs.writeFileSync(path.join(cwd, file.path), file.text);
  }
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '-m', file ? `change ${file.path}` : 'snapshot');
  return git(cwd, 'rev-parse', 'HEAD');
}

/** True when a git executable is on the PATH (the tests that need one skip without it). */
export const HAS_GIT = (() => {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
