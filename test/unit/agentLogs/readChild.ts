/**
 * Run in a child process by memory.test.ts: reads the given logs once and
 * reports time and memory, so that the measurement sees only this read.
 * Usage: node --import tsx readChild.ts <agent> <file>...
 */
import { createReader } from '../../../server/src/agentLogs/sessionMeter';
import { AgentKind } from '../../../server/src/agentLogs/types';

const [agent, ...files] = process.argv.slice(2) as [AgentKind, ...string[]];
const before = process.memoryUsage();
const t0 = process.hrtime.bigint();
const usages = files.map((f) => createReader(agent, f).update());
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const after = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    ms,
    rssBefore: before.rss,
    rssAfter: after.rss,
    maxRss: process.resourceUsage().maxRSS * 1024,
    arrayBuffersAfter: after.arrayBuffers,
    heapUsedAfter: after.heapUsed,
    usages,
  }),
);
