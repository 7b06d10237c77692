#!/usr/bin/env node
// Traceability benchmark: `npm run bench:trace`.
//
// Generates (into .bench/trace/, git-ignored) a workspace with 20 spec-kit specs
// (2,000 requirements) and 5,000 test files (about 50 MB, seven languages), then
// measures in one run, on the same files:
//   1. a full trace index build (walk, read every spec and test file, parse the specs,
//      scan the tests, setSpec/setTest, coverage()) vs `rg --count-matches` with the
//      same id pattern over the same tree, as a ratio;
//   2. updating coverage after one test file changes (setTest + coverage()), median and p95;
//   3. memory (RSS and heap) once the index is built, in a fresh child process.
// podflow's real code runs: bench/traceEntry.ts is bundled on the fly with esbuild.
// The figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { generateTraceWorkspace } from './traceGenerate.mjs';
import { bundleEntry, mb, median, percentile } from './common.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = path.join(REPO, '.bench');
const WS = path.join(BENCH_DIR, 'trace');
const ENTRY_OUT = path.join(BENCH_DIR, 'traceEntry.cjs');
const FULL_WARMUP = 2;
const FULL_REPS = 9;
const EDIT_WARMUP = 20;
const EDIT_REPS = 201;

const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

// A collector to call between timed runs, so one run's garbage is not billed to the next.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const buildEntry = () => bundleEntry(REPO, 'traceEntry.ts', ENTRY_OUT);

const loadEntry = () => createRequire(import.meta.url)(ENTRY_OUT);

/** `rg --count-matches` with podflow's default id pattern over the workspace; undefined when rg is missing. */
function ripgrep(pattern, extra = []) {
  // --no-ignore: the workspace sits in the git-ignored .bench/ folder.
  const r = spawnSync('rg', ['--count-matches', '--no-ignore', ...extra, '-e', pattern, WS], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) return undefined;
  let matches = 0;
  let files = 0;
  for (const line of r.stdout.split('\n')) {
    const m = /:(\d+)$/.exec(line);
    if (m) {
      matches += Number(m[1]);
      files++;
    }
  }
  return { matches, files, status: r.status };
}

/** Comment prefix for a one-line tag in this test file. */
const commentOf = (p) => (/\.(py|rb)$/.test(p) ? '#' : '//');

/**
 * The text of test file `p` after edit number `i`, applied to its text on disk: retarget a
 * citation, type a new `@covers` tag above some line, or paste a line of code (no new reference).
 */
function editedTest(p, text, i) {
  const lines = text.split('\n');
  const kind = i % 3;
  if (kind === 0 && /FR-\d{4}/.test(text)) {
    const n = 101 + ((i * 7919) % 1500);
    return text.replace(/FR-\d{4}(?![\d.]|\s+to\s|\s+through\s)/, `FR-${String(n).padStart(4, '0')}`);
  }
  const at = 12 + ((i * 104729) % Math.max(1, lines.length - 14));
  const indent = /^[ \t]*/.exec(lines[at])[0];
  const copy = lines.slice();
  if (kind === 1) copy.splice(at, 0, `${indent}${commentOf(p)} @covers FR-${String(101 + ((i * 31) % 1500)).padStart(4, '0')}`);
  else copy.splice(at, 0, lines[at]);
  return copy.join('\n');
}

// ---------------------------------------------------------------------------
// Child process: memory of a built index, alone.
// ---------------------------------------------------------------------------

function child() {
  const podflow = loadEntry();
  global.gc?.();
  const base = process.memoryUsage();
  const out = { baseRss: base.rss, baseHeap: base.heapUsed };
  const built = podflow.buildTraceIndex(WS);
  const after = process.memoryUsage();
  out.afterBuildRss = after.rss;
  out.afterBuildHeap = after.heapUsed;
  out.peakDuringBuild = process.resourceUsage().maxRSS * 1024;
  global.gc?.();
  const gced = process.memoryUsage();
  out.afterGcRss = gced.rss;
  out.afterGcHeap = gced.heapUsed;
  out.retainedHeap = gced.heapUsed - base.heapUsed;
  // Keep editing test files as the language server would, index alive.
  const files = [...built.index.tests.keys()];
  for (let i = 0; i < 200; i++) {
    const p = files[(i * 7919) % files.length];
    const text = fs.readFileSync(path.join(WS, ...p.split('/')), 'utf8');
    built.index.setTest(p, editedTest(p, text, i));
    built.index.coverage();
  }
  global.gc?.();
  out.afterEditsRss = process.memoryUsage().rss;
  out.afterEditsHeap = process.memoryUsage().heapUsed;
  out.maxRss = process.resourceUsage().maxRSS * 1024;
  out.tests = built.index.tests.size; // keeps the index alive across the GC above
  process.stdout.write(JSON.stringify(out));
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

async function main() {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  await buildEntry();
  let t = performance.now();
  const gen = generateTraceWorkspace(WS);
  const genMs = performance.now() - t;
  const podflow = loadEntry();

  console.log('podflow trace benchmark');
  console.log(`  node ${process.version}, ${process.platform}/${process.arch}`);
  console.log(`  workspace: ${path.relative(REPO, WS)} (generated in ${(genMs / 1000).toFixed(1)} s)`);
  console.log(`  specs: ${gen.specs.length} (specs/NNN-name/spec.md); test files: ${gen.tests.length}; ${mb(gen.bytes)} in total`);
  console.log(`  test files by language: ${Object.entries(gen.byLanguage).map(([l, n]) => `${l} ${n}`).join(', ')}`);

  // Same file set as the generator wrote, and what the index finds in it.
  const check = podflow.buildTraceIndex(WS);
  if (check.specs !== gen.specs.length || check.tests !== gen.tests.length) {
    console.log(`  WARNING: the index read ${check.specs} specs and ${check.tests} test files; the generator wrote ${gen.specs.length} and ${gen.tests.length}`);
  }
  const s = podflow.summarize(check.index);
  console.log(`  index: ${s.requirements} requirements (${s.musts} MUST-level: ${s.covered} covered, ${s.skippedOnly} only by skipped tests, ${s.uncovered} uncovered)`);
  console.log(`         ${s.tests} tests (${s.skippedTests} skipped), ${s.references} references -> ${s.resolved} resolved ids, ${s.unknown} unknown, ${s.ambiguous} ambiguous`);
  console.log(`         result digest ${s.digest} (same digest = same coverage, resolutions and references)`);

  // 1. Full build vs ripgrep, interleaved so both see the same machine state.
  const rgVersion = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  const hasRg = !rgVersion.error && rgVersion.status === 0;
  const pf = [];
  const pfCpu = [];
  const phases = [];
  const rg = [];
  const rg1 = [];
  let rgRun;
  const load = os.loadavg()[0];
  for (let i = 0; i < FULL_WARMUP + FULL_REPS; i++) {
    gc();
    const ph = {};
    const cpu = process.cpuUsage();
    t = performance.now();
    podflow.buildTraceIndex(WS, ph);
    const a = performance.now() - t;
    const cpuUsed = process.cpuUsage(cpu);
    let b;
    let c;
    if (hasRg) {
      t = performance.now();
      rgRun = ripgrep(podflow.DEFAULT_ID_PATTERN);
      b = performance.now() - t;
      t = performance.now();
      ripgrep(podflow.DEFAULT_ID_PATTERN, ['-j1']);
      c = performance.now() - t;
    }
    if (i >= FULL_WARMUP) {
      pf.push(a);
      pfCpu.push((cpuUsed.user + cpuUsed.system) / 1000);
      phases.push(ph);
      if (hasRg) {
        rg.push(b);
        rg1.push(c);
      }
    }
  }
  const pfMed = median(pf);
  console.log('');
  console.log(`1. Full index build over ${check.specs + check.tests} files (${FULL_WARMUP} warm-up runs, median of ${FULL_REPS}; load average ${load.toFixed(1)} on ${os.cpus().length} CPUs):`);
  console.log(`  podflow (read + scan + setSpec/setTest + coverage) ${ms(pfMed).padStart(10)}  (min ${ms(Math.min(...pf))}, max ${ms(Math.max(...pf))}; CPU time median ${ms(median(pfCpu))})`);
  const phaseNames = Object.keys(phases[0]);
  console.log(`    of which (medians): ${phaseNames.map((k) => `${k} ${ms(median(phases.map((p) => p[k] ?? 0)))}`).join(', ')}`);
  if (!hasRg) {
    console.log('  rg: NOT FOUND on PATH (install the Debian package: apt-get install -y ripgrep); ratio skipped');
  } else {
    const rgMed = median(rg);
    console.log(`  rg --count-matches (default threads)               ${ms(rgMed).padStart(10)}  (min ${ms(Math.min(...rg))}, max ${ms(Math.max(...rg))}; ${rgRun.matches} id matches in ${rgRun.files} files; ${rgVersion.stdout.split('\n')[0]})`);
    console.log(`  rg --count-matches -j1 (one thread, for reference) ${ms(median(rg1)).padStart(10)}`);
    console.log(`  ratio podflow / rg: ${(pfMed / rgMed).toFixed(2)}x  (target: at most 3x; vs rg -j1: ${(pfMed / median(rg1)).toFixed(2)}x)`);
  }

  // 2. One test file changes: setTest with the edited text, then coverage().
  const { index } = podflow.buildTraceIndex(WS);
  const files = [...index.tests.keys()];
  const times = [];
  const setTimes = [];
  for (let i = 0; i < EDIT_WARMUP + EDIT_REPS; i++) {
    const p = files[(i * 7919) % files.length];
    const text = editedTest(p, fs.readFileSync(path.join(WS, ...p.split('/')), 'utf8'), i);
    t = performance.now();
    index.setTest(p, text);
    const mid = performance.now();
    index.coverage();
    const d = performance.now() - t;
    if (i >= EDIT_WARMUP) {
      times.push(d);
      setTimes.push(mid - t);
    }
  }
  console.log('');
  console.log(`2. Coverage update after one test file changes (setTest + coverage(); ${EDIT_WARMUP} warm-up edits, ${EDIT_REPS} measured, a different file each time; load average ${os.loadavg()[0].toFixed(1)}):`);
  console.log(`  median ${ms(median(times))}, p95 ${ms(percentile(times, 95))}, min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}  (target: median under 20 ms)`);
  console.log(`  of which setTest: median ${ms(median(setTimes))}, p95 ${ms(percentile(setTimes, 95))}`);

  // 3. Memory, in a fresh process that only builds the index.
  console.log('');
  console.log('3. Memory once the index is built (fresh node process, --expose-gc):');
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child'], { encoding: 'utf8', cwd: REPO });
  if (r.status !== 0) {
    console.log(`  child failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  } else {
    const m = JSON.parse(r.stdout);
    console.log(`  RSS: baseline ${mb(m.baseRss)}, after build ${mb(m.afterBuildRss)}, after GC ${mb(m.afterGcRss)}, peak during build ${mb(m.peakDuringBuild)}  (target: under 200 MB)`);
    console.log(`  heap used: after build ${mb(m.afterBuildHeap)}, after GC ${mb(m.afterGcHeap)} (index retains ${mb(m.retainedHeap)} over the baseline)`);
    console.log(`  after 200 more test-file edits + GC: RSS ${mb(m.afterEditsRss)}, heap ${mb(m.afterEditsHeap)}; peak RSS overall ${mb(m.maxRss)}`);
  }
}

if (process.argv[2] === '--child') child();
else await main();
