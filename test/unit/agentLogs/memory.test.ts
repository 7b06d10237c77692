import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { SessionUsage } from '../../../server/src/agentLogs/types';
import { generateClaudeLog, generateCodexLog } from './generate';
import { REPO_ROOT, rmrf, tempDir } from './helpers';

interface ChildReport {
  ms: number;
  rssBefore: number;
  maxRss: number;
  arrayBuffersAfter: number;
  usages: SessionUsage[];
}

const MB = 1 << 20;

/** Reads the files in a fresh Node process, so that its peak RSS belongs to this read alone. */
function readInChild(agent: string, files: string[]): ChildReport {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'readChild.ts'), agent, ...files], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * MB,
  });
  return JSON.parse(out) as ChildReport;
}

describe('tokens: a large log is read in bounded memory', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = tempDir()));
  after(() => rmrf(dir));

  it('a ~200 MB Claude Code transcript: peak RSS grows < 150 MB, totals exact', () => {
    const gen = generateClaudeLog(path.join(dir, 'claude', 'big.jsonl'), 200 * MB, 42);
    assert.ok(gen.bytes > 190 * MB);
    const r = readInChild('claude', [gen.file]);
    const growth = r.maxRss - r.rssBefore;
    console.log(
      `      read ${(gen.bytes / MB).toFixed(0)} MiB in ${r.ms.toFixed(0)} ms (${(gen.bytes / MB / (r.ms / 1000)).toFixed(0)} MiB/s); ` +
        `peak RSS ${(r.maxRss / MB).toFixed(0)} MiB, growth ${(growth / MB).toFixed(0)} MiB`,
    );
    assert.ok(growth < 150 * MB, `peak RSS grew by ${(growth / MB).toFixed(0)} MiB`);
    assert.ok(r.arrayBuffersAfter < 32 * MB, 'no file-sized buffer is kept');
    const u = r.usages[0];
    for (const [model, e] of Object.entries(gen.models)) {
      const m = u.models[model];
      assert.deepEqual([m.input, m.cachedInput, m.cacheWrite, m.cacheWrite1h, m.output, m.total], [e.input, e.cachedInput, e.cacheWrite, e.cacheWrite1h, e.output, e.total], model);
      assert.equal(m.requests, e.requests);
    }
    assert.equal(u.malformedLines, 0);
  });

  it('a ~60 MB Codex rollout: same bound, totals exact', () => {
    const gen = generateCodexLog(path.join(dir, 'codex', 'rollout-big.jsonl'), 60 * MB, 43);
    const r = readInChild('codex', [gen.file]);
    assert.ok(r.maxRss - r.rssBefore < 150 * MB);
    const u = r.usages[0];
    for (const [model, e] of Object.entries(gen.models)) {
      const m = u.models[model];
      assert.deepEqual([m.input, m.cachedInput, m.output, m.reasoning, m.total], [e.input, e.cachedInput, e.output, e.reasoning, e.total], model);
    }
  });
});
