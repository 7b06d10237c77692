import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TokenCounts } from '../../../server/src/agentLogs/types';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** Synthetic agent logs with hand-derived totals: test/fixtures/agent-logs/README.md. */
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'agent-logs');

/** Working directories of the fixture sessions. */
export const LEDGER = '/home/sam/src/ledger-svc';
export const UIKIT = '/home/sam/src/ui-kit';

export const CODEX_A = path.join(FIXTURES, 'codex/sessions/2026/11/23/rollout-2026-11-23T08-42-17-019ab3c4-51d2-7e08-a6f1-83c0d2e4b915.jsonl');
export const CODEX_B = path.join(FIXTURES, 'codex/sessions/2026/11/24/rollout-2026-11-24T17-15-48-019ab9e2-0c47-7a35-9d18-f4b6e5a7c302.jsonl');
export const CLAUDE_MAIN = path.join(FIXTURES, 'claude/projects/-home-sam-src-ledger-svc/e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83.jsonl');
export const CLAUDE_SUB = path.join(
  FIXTURES,
  'claude/projects/-home-sam-src-ledger-svc/e4a91c07-3b6d-4f28-b5e0-9d1c7a2f6b83/subagents/agent-b7d25e90c4a1f368.jsonl',
);
export const CLAUDE_LEGACY = path.join(FIXTURES, 'claude/projects/-home-sam-src-ui-kit/5c2f8e61-a04b-4d97-8e3c-1b6a0f9d2e74.jsonl');
export const GEMINI = path.join(FIXTURES, 'gemini/tmp/ledger-svc/chats/session-2026-11-22T15-04-9b3e71d2.jsonl');
/** An older Gemini CLI's one-document chat, in a project folder named by the SHA-256 of the project root. */
export const GEMINI_LEGACY = path.join(
  FIXTURES,
  'gemini/tmp/a80de6d0042970bd6ebdc00fb9df4c010f874f43331893f74fc2d2a7f77a4adf/chats/session-2026-11-19T11-27-3f6d0a8e.json',
);

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
