#!/usr/bin/env node
// Lint benchmark: `npm run bench:lint`.
//
// Generates (into .bench/, git-ignored) a workspace with one 2,000-requirement
// spec and 200 AGENTS.md files, then measures in one run, on the same files:
//   1. a full lint with podflow vs markdownlint (sync API, default rules), as a ratio;
//   2. re-linting the changed spec after a one-line edit (what the language server
//      does on each keystroke batch), median and p95;
//   3. memory (RSS), each tool in a fresh child process.
// podflow's real code runs: bench/lintEntry.ts is bundled on the fly with esbuild.
// The figures are printed, never asserted.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate.mjs';
import { bundleEntry, mb, median, percentile } from './common.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = path.join(REPO, '.bench');
const WS = path.join(BENCH_DIR, 'ws');
const ENTRY_OUT = path.join(BENCH_DIR, 'lintEntry.cjs');
const FULL_WARMUP = 3;
const FULL_REPS = 11;
const EDIT_WARMUP = 15;
const EDIT_REPS = 101;

const ms = (x) => `${x.toFixed(1)} ms`;

const buildEntry = () => bundleEntry(REPO, 'lintEntry.ts', ENTRY_OUT);

async function loadTools(only) {
  const podflow = only === 'markdownlint' ? undefined : createRequire(import.meta.url)(ENTRY_OUT);
  const markdownlint = only === 'podflow' ? undefined : (await import('markdownlint/sync')).lint;
  return { podflow, markdownlint };
}

/** One full podflow lint, as the CLI does it: fresh linter, workspace walk, every document. */
function podflowFull(podflow, root) {
  const workspace = new podflow.DiskWorkspace(root);
  const linter = new podflow.Linter(workspace, podflow.DEFAULT_CONFIG);
  let findings = 0;
  const docs = linter.documents();
  for (const d of docs) findings += linter.lint(d.path, d.kind).length;
  return { findings, files: docs.length, linter, workspace };
}

/** One full markdownlint lint of the same files (default configuration: every rule on). */
function markdownlintFull(markdownlint, absFiles) {
  const results = markdownlint({ files: absFiles });
  let findings = 0;
  for (const f of absFiles) findings += results[f].length;
  return { findings, files: absFiles.length };
}

/** The spec after a one-line edit of requirement line `k` (a different line each time). */
function editedSpec(lines, reqLines, i) {
  const k = reqLines[(i * 7919) % reqLines.length];
  const copy = lines.slice();
  copy[k] = copy[k].replace(/\.$/, ` within ${i % 50 + 1} seconds.`);
  return copy.join('\n');
}

// ---------------------------------------------------------------------------
// Child process: memory of one tool in isolation.
// ---------------------------------------------------------------------------

async function child(tool) {
  const files = JSON.parse(fs.readFileSync(path.join(BENCH_DIR, 'files.json'), 'utf8'));
  const { podflow, markdownlint } = await loadTools(tool); // only this tool's code in this process
  global.gc?.();
  const base = process.memoryUsage();
  const out = { tool, baseRss: base.rss };
  if (tool === 'podflow') {
    const run = podflowFull(podflow, WS);
    out.afterFullRss = process.memoryUsage().rss;
    out.peakAfterFull = process.resourceUsage().maxRSS * 1024;
    // Keep editing the spec as the language server would, with the cache of parsed documents alive.
    const specText = fs.readFileSync(path.join(WS, ...files.specPath.split('/')), 'utf8');
    const lines = specText.split('\n');
    const reqLines = lines.map((l, i) => (/^- \*\*FR-\d+\*\*/.test(l) ? i : -1)).filter((i) => i >= 0);
    for (let i = 0; i < 100; i++) {
      const text = editedSpec(lines, reqLines, i);
      run.workspace.setOverlay(files.specPath, text);
      run.linter.lint(files.specPath, 'spec', text);
    }
    out.afterEditsRss = process.memoryUsage().rss;
    global.gc?.();
    out.retainedHeap = process.memoryUsage().heapUsed - base.heapUsed; // the linter's cache of parsed documents
    out.cachedFiles = run.linter.documents().length; // keeps the linter (and its cache) alive across the GC above
  } else {
    const abs = files.files.map((f) => path.join(WS, ...f.split('/')));
    markdownlintFull(markdownlint, abs);
    out.afterFullRss = process.memoryUsage().rss;
    global.gc?.();
    out.retainedHeap = process.memoryUsage().heapUsed - base.heapUsed;
  }
  out.maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify(out));
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

async function main() {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  await buildEntry();
  const gen = generateWorkspace(WS);
  fs.writeFileSync(path.join(BENCH_DIR, 'files.json'), JSON.stringify(gen));
  const absFiles = gen.files.map((f) => path.join(WS, ...f.split('/')));
  const specAbs = path.join(WS, ...gen.specPath.split('/'));
  const specText = fs.readFileSync(specAbs, 'utf8');
  const specLines = specText.split('\n');
  const reqLines = specLines.map((l, i) => (/^- \*\*FR-\d+\*\*/.test(l) ? i : -1)).filter((i) => i >= 0);
  const agentsBytes = absFiles.filter((f) => f !== specAbs).reduce((n, f) => n + fs.statSync(f).size, 0);

  const { podflow, markdownlint } = await loadTools();

  console.log('podflow lint benchmark');
  console.log(`  node ${process.version}, ${process.platform}/${process.arch}`);
  console.log(`  workspace: ${path.relative(REPO, WS)}`);
  console.log(
    `  spec: ${gen.specPath} (${specLines.length} lines, ${(specText.length / 1024).toFixed(0)} KiB, ${gen.specStats.functional} functional requirements, ${gen.specStats.withoutId} of them without an id on purpose, plus ${gen.specStats.tableRows} requirement table rows)`,
  );
  console.log(`  AGENTS.md: ${gen.files.length - 1} files, ${(agentsBytes / 1024).toFixed(0)} KiB in total`);

  // Same file set for both tools.
  const check = podflowFull(podflow, WS);
  const podflowPaths = check.linter.documents().map((d) => d.path).sort();
  if (JSON.stringify(podflowPaths) !== JSON.stringify(gen.files)) {
    console.log(`  WARNING: podflow found ${podflowPaths.length} documents, the generator wrote ${gen.files.length}`);
  }

  // 1. Full lint, interleaved so both tools see the same machine state.
  const pf = [];
  const ml = [];
  let pfRun;
  let mlRun;
  for (let i = 0; i < FULL_WARMUP + FULL_REPS; i++) {
    let t = performance.now();
    pfRun = podflowFull(podflow, WS);
    const a = performance.now() - t;
    t = performance.now();
    mlRun = markdownlintFull(markdownlint, absFiles);
    const b = performance.now() - t;
    if (i >= FULL_WARMUP) {
      pf.push(a);
      ml.push(b);
    }
  }
  const pfMed = median(pf);
  const mlMed = median(ml);
  console.log('');
  console.log(`Full lint of the same ${absFiles.length} files (${FULL_WARMUP} warm-up runs, median of ${FULL_REPS}):`);
  console.log(`  podflow      ${ms(pfMed).padStart(10)}  (min ${ms(Math.min(...pf))}, max ${ms(Math.max(...pf))}; ${pfRun.files} files, ${pfRun.findings} findings)`);
  console.log(`  markdownlint ${ms(mlMed).padStart(10)}  (min ${ms(Math.min(...ml))}, max ${ms(Math.max(...ml))}; ${mlRun.files} files, ${mlRun.findings} findings)`);
  console.log(`  ratio podflow / markdownlint: ${(pfMed / mlMed).toFixed(2)}x  (target: at most 1.5x)`);

  // 2. Re-lint the spec after one-line edits, with the linter's cache warm (language server steady state).
  const { linter, workspace } = podflowFull(podflow, WS);
  const edits = [];
  let editFindings = 0;
  for (let i = 0; i < EDIT_WARMUP + EDIT_REPS; i++) {
    const text = editedSpec(specLines, reqLines, i);
    const t = performance.now();
    workspace.setOverlay(gen.specPath, text);
    editFindings = linter.lint(gen.specPath, 'spec', text).length;
    const d = performance.now() - t;
    if (i >= EDIT_WARMUP) edits.push(d);
  }
  console.log('');
  console.log(`Re-lint of the ${gen.specStats.functional}-requirement spec after a one-line edit (${EDIT_WARMUP} warm-up edits, ${EDIT_REPS} measured):`);
  console.log(`  median ${ms(median(edits))}, p95 ${ms(percentile(edits, 95))}, min ${ms(Math.min(...edits))}, max ${ms(Math.max(...edits))}  (${editFindings} findings; target: median under 50 ms)`);

  // 3. Memory, each tool alone in a fresh process.
  console.log('');
  console.log('Memory (RSS), each tool in a fresh node process (--expose-gc):');
  for (const tool of ['podflow', 'markdownlint']) {
    const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', tool], { encoding: 'utf8', cwd: REPO });
    if (r.status !== 0) {
      console.log(`  ${tool}: child failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      continue;
    }
    const m = JSON.parse(r.stdout);
    const parts = [
      `baseline ${mb(m.baseRss)}`,
      `after full lint ${mb(m.afterFullRss)}`,
      m.peakAfterFull !== undefined ? `peak during full lint ${mb(m.peakAfterFull)}` : undefined,
      m.afterEditsRss !== undefined ? `after 100 spec edits ${mb(m.afterEditsRss)}` : undefined,
      `peak ${m.afterEditsRss !== undefined ? 'overall ' : ''}${mb(m.maxRss)}`,
      `retained heap after GC ${mb(m.retainedHeap)}`,
    ].filter(Boolean);
    console.log(`  ${tool.padEnd(12)} ${parts.join(', ')}`);
  }
  console.log(`  this process (both tools, all runs): RSS ${mb(process.memoryUsage().rss)}, peak ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

if (process.argv[2] === '--child') await child(process.argv[3]);
else await main();
