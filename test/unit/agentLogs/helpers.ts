import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TokenCounts } from '../../../server/src/agentLogs/types';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** Synthetic agent logs with hand-checked totals: ../shared/fixtures/agent-logs/README.md. */
export const FIXTURES = path.resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'agent-logs');

export const CODEX_A = path.join(FIXTURES, 'codex/sessions/2026/11/20/rollout-2026-11-20T10-00-00-019aa0f1-3c2e-7b41-9d5a-2f6e8c1b4a70.jsonl');
export const CODEX_B = path.join(FIXTURES, 'codex/sessions/2026/11/20/rollout-2026-11-20T14-30-00-019aa21c-7e05-7a90-b3f2-0c9d1e8a6b24.jsonl');
export const CLAUDE_MAIN = path.join(FIXTURES, 'claude/projects/-home-dev-projects-acme-api/7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d.jsonl');
export const CLAUDE_SUB = path.join(
  FIXTURES,
  'claude/projects/-home-dev-projects-acme-api/7d3c2b1a-5e4f-4a6b-9c8d-0e1f2a3b4c5d/subagents/agent-a3f9c2e1b7d40586.jsonl',
);
export const CLAUDE_LEGACY = path.join(FIXTURES, 'claude/projects/-home-dev-projects-web-dashboard/2b9e4f10-8c7d-4e3a-b1f2-a5c6d7e8f901.jsonl');
export const GEMINI = path.join(FIXTURES, 'gemini/tmp/acme-api/chats/session-2026-11-20T09-15-5e0c7a91.jsonl');

export function tempDir(prefix = 'podflow-tokens-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function rmrf(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Copies a fixture tree (or file) to `dest`, writable. */
export function copyTree(src: string, dest: string): void {
  fs.cpSync(src, dest, { recursive: true });
  const makeWritable = (p: string) => {
    fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o755 : 0o644);
    if (fs.statSync(p).isDirectory()) for (const c of fs.readdirSync(p)) makeWritable(path.join(p, c));
  };
  makeWritable(dest);
}

/** The counts of one model without the request count and long-context part, for deepEqual. */
export function counts(m: TokenCounts): TokenCounts {
  return {
    input: m.input,
    cachedInput: m.cachedInput,
    cacheWrite: m.cacheWrite,
    cacheWrite1h: m.cacheWrite1h,
    output: m.output,
    reasoning: m.reasoning,
    total: m.total,
  };
}

export function tc(input: number, cachedInput: number, cacheWrite: number, cacheWrite1h: number, output: number, reasoning: number): TokenCounts {
  return { input, cachedInput, cacheWrite, cacheWrite1h, output, reasoning, total: input + cachedInput + cacheWrite + output };
}

/** Money compared to a nano-dollar. */
export function near(actual: number | undefined, expected: number): boolean {
  return actual !== undefined && Math.abs(actual - expected) < 1e-9;
}
