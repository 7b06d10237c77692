#!/usr/bin/env node
// Token meter benchmark: `npm run bench:tokens`.
//
// Generates (into .bench/tokens/, git-ignored; reused while the seed, size and generator are the
// same) 500 MB of Claude Code transcripts and Codex CLI rollouts shaped like real ones (most bytes
// are tool results and message text, usage records a small share; see bench/tokensGenerate.mjs),
// then measures in one run, on the same files:
//   1. podflow's full scan, as the language server's first scan does it (list the files, read each
//      file's header, group sessions, read every file through the real readers in one
//      SessionMeter per session; the steps of `podflow tokens --all`), in a fresh Node process:
//      wall time and peak RSS (VmHWM), for all files at once and per agent; also the server's own
//      TokenService.rescan() (SQLite history) with a workspace folder holding every session,
//      and its next rescan with nothing new; and ccusage 20.0.24 (`ccusage claude|codex session --offline
//      --json`, the devDependency, native binary behind its Node launcher; for both agents its
//      unified `ccusage session --offline --json`) on the same files: wall time and peak RSS (GNU
//      time's %M, the largest process of the tree; else /proc polling). Ratio podflow/ccusage per
//      agent and for both (target: at most 1.0). Each run is repeated (BENCH_TOKENS_REPS,
//      default 5), interleaved, and the median shown, with the page cache warm.
//   2. that podflow's totals equal ccusage's, session by session and model by model, compared as
//      test/unit/agentLogs/ccusage.test.ts does; and the generator's totals (by construction);
//   3. the time from appending one usage line to the current session's file to the updated total
//      from update() on a SessionMeter that has already read the session: median and p95 over 200
//      appends per agent (target: under 50 ms after the debounce, which is not included).
// Peak memory of the full scan has a target of under 150 MB. Figures are printed, never asserted.
//
// Environment: BENCH_TOKENS_MB (default 500), BENCH_TOKENS_SEED (default 1), BENCH_TOKENS_REPS (5).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { bundleEntry, mb, median, percentile } from './common.mjs';
import { WORKSPACE_ROOT, generateTokenLogs, reusableLogs } from './tokensGenerate.mjs';

const SELF = fileURLToPath(import.meta.url);
const REPO = path.resolve(path.dirname(SELF), '..');
const BENCH_DIR = path.join(REPO, '.bench');
const ROOT = path.join(BENCH_DIR, 'tokens');
const SCRATCH = path.join(BENCH_DIR, 'tokens-append');
const ENTRY_OUT = path.join(BENCH_DIR, 'tokensEntry.cjs');
// Installed by `npm run peers:setup` (scripts/peers.mjs), which `npm run bench:tokens` runs first.
const CCUSAGE = path.join(REPO, '.tools', 'peers', 'node_modules', '.bin', 'ccusage');
const SIZE_MB = Number(process.env.BENCH_TOKENS_MB) || 500;
const SEED = Number(process.env.BENCH_TOKENS_SEED) || 1;
const REPS = Math.max(1, Number(process.env.BENCH_TOKENS_REPS) || 5);
const APPENDS = 200;
const APPEND_WARMUP = 20;
const GNU_TIME = '/usr/bin/time';

const loadEntry = () => createRequire(import.meta.url)(ENTRY_OUT);
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const msf = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const MiB = 1024 * 1024;

/** Peak RSS (VmHWM) and current RSS of this process, in bytes. */
function procStatus() {
  try {
    const s = fs.readFileSync('/proc/self/status', 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1]) * 1024;
    return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
  } catch {
    return { hwm: process.resourceUsage().maxRSS * 1024, rss: process.memoryUsage().rss };
  }
}

// ---------------------------------------------------------------------------
// Child: one full scan in a fresh process. Usage: node tokens.mjs --child <root> <agent,...>
// ---------------------------------------------------------------------------

function child() {
  const [root, agents] = process.argv.slice(3);
  const entry = loadEntry();
  const start = procStatus();
  const t0 = performance.now();
  const result = entry.scan(entry.locations(root), agents.split(','));
  const ms = performance.now() - t0;
  const end = procStatus();
  const mem = process.memoryUsage();
  process.stdout.write(
    JSON.stringify({
      ms,
      phases: result.phases,
      files: result.files,
      bytes: result.bytes,
      rssStart: start.rss,
      hwmStart: start.hwm,
      hwm: end.hwm,
      maxRss: process.resourceUsage().maxRSS * 1024,
      rssEnd: end.rss,
      heapUsed: mem.heapUsed,
      sessions: result.sessions.map(entry.compact),
    }),
  );
}

/** The language server's scan in a fresh process. Usage: node tokens.mjs --server-child <root> <history.db> */
function serverChild() {
  const [root, historyFile] = process.argv.slice(3);
  const entry = loadEntry();
  const start = procStatus();
  const r = entry.serverScan(root, [WORKSPACE_ROOT], historyFile);
  const end = procStatus();
  process.stdout.write(JSON.stringify({ ...r, hwmStart: start.hwm, hwm: end.hwm }));
}

// ---------------------------------------------------------------------------
// Running a measured process.
// ---------------------------------------------------------------------------

const hasGnuTime = (() => {
  try {
    fs.accessSync(GNU_TIME, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
})();

/** Largest VmHWM among a process and its descendants, in bytes (0 when gone). */
function treeHwm(pid) {
  let best = 0;
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    best = Number(/^VmHWM:\s+(\d+)/m.exec(s)?.[1] ?? 0) * 1024;
    for (const c of fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) best = Math.max(best, treeHwm(Number(c)));
  } catch {
    // exited
  }
  return best;
}

/**
 * Runs a command to completion: wall time from spawn to exit, stdout, and the peak RSS of its
 * largest process (GNU time's %M when available, else polling /proc every 5 ms).
 */
function measure(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const rssFile = path.join(BENCH_DIR, `tokens-rss-${process.pid}.txt`);
    const [c, a] = hasGnuTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, cmd, ...args]] : [cmd, args];
    const t0 = performance.now();
    const p = spawn(c, a, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let polled = 0;
    const poll = hasGnuTime ? undefined : setInterval(() => (polled = Math.max(polled, treeHwm(p.pid))), 5);
    p.stdout.on('data', (d) => out.push(d));
    p.stderr.on('data', (d) => err.push(d));
    p.on('error', reject);
    p.on('close', (code) => {
      const wall = performance.now() - t0;
      if (poll) clearInterval(poll);
      let peak = polled;
      let cpu = NaN;
      if (hasGnuTime) {
        try {
          const [kb, user, sys] = fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
          peak = kb * 1024;
          cpu = (user + sys) * 1000;
          fs.rmSync(rssFile, { force: true });
        } catch {
          peak = NaN;
        }
      }
      const stdout = Buffer.concat(out).toString('utf8');
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}: ${Buffer.concat(err).toString('utf8').trim().split('\n').slice(-3).join(' | ')}`));
      else resolve({ wall, peak, cpu, stdout });
    });
  });
}

async function serverScan() {
  const db = path.join(BENCH_DIR, `tokens-history-${process.pid}.db`);
  try {
    const r = await measure(process.execPath, [SELF, '--server-child', ROOT, db], process.env);
    return { wall: r.wall, peak: r.peak, cpu: r.cpu, report: JSON.parse(r.stdout) };
  } finally {
    for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
  }
}

async function podflowScan(agents) {
  const r = await measure(process.execPath, [SELF, '--child', ROOT, agents.join(',')], process.env);
  return { wall: r.wall, peak: r.peak, cpu: r.cpu, report: JSON.parse(r.stdout) };
}

/** `ccusage <agent> session --offline --json`, or without an agent its unified report over every agent it detects. */
async function ccusageScan(agent) {
  // Every location points into the generated tree (HOME an empty folder), so no real logs are read.
  const env = { ...process.env, HOME: path.join(ROOT, 'home'), XDG_CONFIG_HOME: path.join(ROOT, 'home', '.config') };
  delete env.CLAUDE_CONFIG_DIR;
  delete env.CODEX_HOME;
  if (agent !== 'codex') env.CLAUDE_CONFIG_DIR = path.join(ROOT, 'claude');
  if (agent !== 'claude') env.CODEX_HOME = path.join(ROOT, 'codex');
  const r = await measure(CCUSAGE, [...(agent ? [agent] : []), 'session', '--offline', '--json'], env);
  return { wall: r.wall, peak: r.peak, cpu: r.cpu, report: JSON.parse(r.stdout) };
}

/** Reads every log once, so every measured run starts with the page cache warm. */
function warmPageCache(dir) {
  const buf = Buffer.allocUnsafe(4 * MiB);
  let bytes = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.jsonl')) {
        const fd = fs.openSync(p, 'r');
        for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) bytes += n;
        fs.closeSync(fd);
      }
    }
  };
  walk(dir);
  return bytes;
}

// ---------------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(CCUSAGE)) throw new Error(`ccusage is not installed (${CCUSAGE}); run npm install (devDependency ccusage 20.0.24)`);
  const ccVersion = JSON.parse(fs.readFileSync(path.join(REPO, '.tools', 'peers', 'node_modules', 'ccusage', 'package.json'), 'utf8')).version;
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  await bundleEntry(REPO, 'tokensEntry.ts', ENTRY_OUT);
  const entry = loadEntry();

  const opts = { seed: SEED, bytes: SIZE_MB * MiB };
  let manifest = reusableLogs(ROOT, opts);
  let how;
  if (manifest) how = 'reused';
  else {
    const t = performance.now();
    manifest = generateTokenLogs(ROOT, opts);
    how = `generated in ${sec(performance.now() - t)}`;
  }
  const { claude, codex } = manifest;
  const pct = (a, b) => `${((100 * a) / b).toFixed(0)}%`;
  console.log(`token meter benchmark: ${mb(claude.bytes + codex.bytes)} of agent logs in .bench/tokens (seed ${SEED}, ${how})`);
  console.log(`  Claude Code: ${mb(claude.bytes)} in ${claude.files} files (${claude.sessions} sessions, ${claude.subagentFiles} sub-agent transcripts), ${claude.lines.toLocaleString('en')} lines; lines holding usage: ${pct(claude.usageBytes, claude.bytes)} of the bytes`);
  console.log(`  Codex CLI:   ${mb(codex.bytes)} in ${codex.files} rollouts, ${codex.lines.toLocaleString('en')} lines; token_count lines: ${pct(codex.usageBytes, codex.bytes)} of the bytes`);
  const t = performance.now();
  const warm = warmPageCache(ROOT);
  console.log(`  page cache warmed: ${mb(warm)} read in ${sec(performance.now() - t)}`);

  // 1. Full scans, interleaved so load on a shared machine hits both tools alike.
  const runs = { all: [], claude: [], codex: [], ccAll: [], ccClaude: [], ccCodex: [], server: [] };
  for (let i = 0; i < REPS; i++) {
    runs.server.push(await serverScan());
    runs.all.push(await podflowScan(['claude', 'codex']));
    runs.ccAll.push(await ccusageScan(undefined));
    runs.ccClaude.push(await ccusageScan('claude'));
    runs.claude.push(await podflowScan(['claude']));
    runs.ccCodex.push(await ccusageScan('codex'));
    runs.codex.push(await podflowScan(['codex']));
  }
  const med = (xs, f) => median(xs.map(f));
  const wall = (xs) => med(xs, (x) => x.wall);
  const peak = (xs) => med(xs, (x) => x.peak);
  const range = (xs, f) => {
    const v = xs.map(f);
    return xs.length > 1 ? ` [${sec(Math.min(...v))}..${sec(Math.max(...v))}]` : '';
  };
  const a = runs.all[0].report;
  const ph = (k) => med(runs.all, (x) => x.report.phases[k]);
  console.log(`\nfull scan, fresh process, median of ${REPS} [min..max] (page cache warm; wall = spawn to exit, so process start is included; CPU = user + system):`);
  console.log(
    `  podflow, all ${a.files} files (both agents): wall ${sec(wall(runs.all))}${range(runs.all, (x) => x.wall)}; scan ${sec(med(runs.all, (x) => x.report.ms))} ` +
      `(list ${msf(ph('list'))}, headers ${msf(ph('headers'))}, group ${msf(ph('group'))}, read ${sec(ph('read'))}), ${((a.bytes / MiB) / (med(runs.all, (x) => x.report.ms) / 1000)).toFixed(0)} MiB/s`,
  );
  console.log(
    `  podflow peak RSS during the full scan: ${mb(med(runs.all, (x) => x.report.hwm))} (VmHWM at the end; ${mb(med(runs.all, (x) => x.report.hwmStart))} before the scan, ` +
      `growth ${mb(med(runs.all, (x) => x.report.hwm - x.report.hwmStart))}; GNU time ${mb(peak(runs.all))}; heap used after ${mb(med(runs.all, (x) => x.report.heapUsed))}) (target < 150 MB)`,
  );
  const best = (xs) => Math.min(...xs.map((x) => x.wall));
  const cpu = (xs) => med(xs, (x) => x.cpu);
  const row = (name, ours, theirs) =>
    `  ${name.padEnd(7)} podflow ${sec(wall(ours))}${range(ours, (x) => x.wall)}, peak ${mb(med(ours, (x) => x.report.hwm))}${hasGnuTime ? `, CPU ${sec(cpu(ours))}` : ''}` +
    ` | ccusage ${ccVersion} ${sec(wall(theirs))}${range(theirs, (x) => x.wall)}, peak ${mb(peak(theirs))}${hasGnuTime ? `, CPU ${sec(cpu(theirs))}` : ''}` +
    ` | ratio ${(wall(ours) / wall(theirs)).toFixed(2)} (best runs ${(best(ours) / best(theirs)).toFixed(2)}${hasGnuTime ? `, CPU ${(cpu(ours) / cpu(theirs)).toFixed(2)}` : ''})`;
  console.log(row('claude:', runs.claude, runs.ccClaude));
  console.log(row('codex:', runs.codex, runs.ccCodex));
  console.log(`${row('both:', runs.all, runs.ccAll)} (target <= 1.0; ccusage: its unified \`session\` report, ${runs.ccAll[0].report.session.length} sessions)`);
  const sv = runs.server;
  console.log(
    `  the language server's own first scan (TokenService.rescan, workspace folder ${WORKSPACE_ROOT} holding every session, ${sv[0].report.persistent ? 'SQLite' : 'in-memory'} history): ` +
      `${sec(med(sv, (x) => x.report.first))}${range(sv, (x) => x.report.first)}, peak RSS ${mb(med(sv, (x) => x.report.hwm))}; ` +
      `its next rescan with nothing new (every 10 s): ${msf(med(sv, (x) => x.report.second))}`,
  );

  // 2. Totals.
  // ccusage lists only sessions with usage; a session opened and left without a request has none.
  const ours = (agent) => a.sessions.filter((s) => s.agent === agent && Object.keys(s.models).length > 0);
  const empty = a.sessions.filter((s) => Object.keys(s.models).length === 0).length;
  const diffs = [
    ...entry.compareClaude(runs.ccClaude[0].report, ours('claude')),
    ...entry.compareCodex(runs.ccCodex[0].report, ours('codex')),
  ];
  const malformed = a.sessions.reduce((n, s) => n + s.malformedLines, 0);
  console.log(`\ntotals (podflow vs ccusage, per session and model: tokens by bucket, cost to 1e-9 USD):`);
  const emptyNote = empty ? ` (plus ${empty} session${empty > 1 ? 's' : ''} without any request, which ccusage does not list)` : '';
  if (!diffs.length) console.log(`  totals agree: ${ours('claude').length} Claude sessions, ${ours('codex').length} Codex sessions${emptyNote}`);
  else {
    console.log(`  ${diffs.length} differences${emptyNote}:`);
    for (const d of diffs.slice(0, 20)) console.log(`    ${d}`);
    if (diffs.length > 20) console.log(`    ... and ${diffs.length - 20} more`);
  }
  const gen = [...entry.compareExpected('claude', claude.models, ours('claude')), ...entry.compareExpected('codex', codex.models, ours('codex'))];
  console.log(gen.length ? `  differences from the generator's totals:\n${gen.map((d) => `    ${d}`).join('\n')}` : `  podflow's per-model sums equal the generator's totals (by construction)`);
  const grand = a.sessions.reduce((n, s) => n + Object.values(s.models).reduce((m, u) => m + u.total, 0), 0);
  const unified = runs.ccAll[0].report.totals.totalTokens;
  console.log(`  all sessions, both agents: podflow ${grand.toLocaleString('en')} tokens, ccusage's unified report ${unified.toLocaleString('en')}${grand === unified ? ' (equal)' : ' (DIFFERENT)'}`);
  const recorded = sv[0].report.recorded;
  console.log(`  the language server's history after its first scan: ${recorded.toLocaleString('en')} tokens${recorded === grand ? ' (equal)' : ' (DIFFERENT)'}`);
  if (malformed) console.log(`  malformed lines reported by podflow: ${malformed}`);

  // 3. Incremental updates of the current session.
  console.log(`\nincremental: one usage line appended to the current session's file, then update() on its SessionMeter (already read); ${APPENDS} appends after ${APPEND_WARMUP} warm-up:`);
  fs.rmSync(SCRATCH, { recursive: true, force: true });
  try {
    const loc = entry.locations(ROOT);
    for (const agent of ['claude', 'codex']) {
      const session = entry.currentSession(loc, agent);
      const r = entry.appendBench(ROOT, SCRATCH, session, APPENDS, APPEND_WARMUP);
      console.log(
        `  ${(agent + ':').padEnd(7)} append -> total: median ${msf(median(r.appendToTotal))}, p95 ${msf(percentile(r.appendToTotal, 95))} (update() alone: median ${msf(median(r.update))}, p95 ${msf(percentile(r.update, 95))}) (target < 50 ms)` +
          `; session of ${r.files} file${r.files > 1 ? 's' : ''}, ${mb(r.bytes)}, first read ${msf(r.firstRead)}${r.wrong ? `; ${r.wrong} WRONG totals` : '; every total exact'}`,
      );
    }
  } finally {
    fs.rmSync(SCRATCH, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') child();
else if (process.argv[2] === '--server-child') serverChild();
else await main();
