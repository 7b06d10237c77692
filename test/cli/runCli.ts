import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Repository root (test/cli/ is two levels down). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** The bundled CLI the tests spawn: what users and CI run. */
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the process was killed for running past `timeoutMs`. */
  timedOut: boolean;
  ms: number;
}

let built = false;

/** Bundles the CLI once per test run (`node esbuild.mjs`); call it from a `before` hook. */
export function buildCli(): void {
  if (built) return;
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`node esbuild.mjs failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  built = true;
}

/** Runs `node dist/cli.js ...args` in `cwd` and waits for it, killing it after `timeoutMs`. */
export function runCli(args: readonly string[], opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 20_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  if (r.error && !timedOut) throw r.error;
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut, ms: Date.now() - started };
}

/** A fresh temp folder holding `files` (relative path -> text or bytes); removed by `cleanup()`. */
export function tempWorkspace(files: Record<string, string | Uint8Array> = {}): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podflow-cli-'));
  writeFiles(dir, files);
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

/** One row of `--format json`. */
export interface JsonFinding {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  ruleId: string;
  message: string;
  fixable: boolean;
}

/** A Node stack trace ("    at fn (file:1:2)") or an uncaught-error banner in a process's output. */
export function hasStackTrace(s: string): boolean {
  return /^\s+at .+[(:]\d+/m.test(s) || /^(?:\w*Error|Uncaught)\b.*$/m.test(s) || s.includes('node:internal');
}

/** Lines joined with "\n" plus a final newline. */
export function md(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
