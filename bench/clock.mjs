#!/usr/bin/env node
// Mode clock benchmark: `npm run bench:clock`.
//
// 1. Feeds 1,000,000 synthetic editor events (keystrokes, editor switches, focus changes, idle
//    pauses) through podflow's real classifier and accounting, first alone, then with the SQLite
//    store behind it (intervals written in batches, as the language server does). Prints events
//    per second and the average time per event (target: under 10 µs).
// 2. Writes a year of intervals (about 200,000 rows) to a fresh SQLite file and times the split
//    report over the whole year (target: under 100 ms) and today's totals, against a peer run on
//    the same file: one bare `SELECT day, mode, SUM(...) GROUP BY day, mode`.
// The figures are printed, never asserted.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { bundleEntry, median, percentile } from './common.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = path.join(REPO, '.bench');
const OUT = path.join(BENCH_DIR, 'clockEntry.cjs');
const EVENTS = Number(process.env.BENCH_CLOCK_EVENTS) || 1_000_000;
const REPORT_REPS = 9;

fs.mkdirSync(BENCH_DIR, { recursive: true });
await bundleEntry(REPO, 'clockEntry.ts', OUT);
const entry = createRequire(import.meta.url)(OUT);
const Database = createRequire(path.join(REPO, 'package.json'))('better-sqlite3');

const dir = fs.mkdtempSync(path.join(BENCH_DIR, 'clock-'));
try {
  const start = Date.parse('2026-11-02T08:00:00Z');
  const events = entry.syntheticEvents(EVENTS, start);
  console.log(`mode clock benchmark: ${EVENTS.toLocaleString('en')} events over ${((events.at(-1).at - start) / 86_400_000).toFixed(1)} simulated days`);

  // 1a. Classifier and accounting alone (intervals kept in memory, discarded).
  const memory = entry.openIntervalStore(path.join(dir, 'unused.db')).store;
  const discard = { persistent: false, add() {}, report: memory.report.bind(memory), totals: memory.totals.bind(memory), close() {} };
  for (const warm of [0, 1]) {
    const svc = entry.newService(discard);
    const t0 = performance.now();
    for (const e of events) svc.handle(e);
    const ms = performance.now() - t0;
    if (warm) console.log(`  classifier + accounting: ${(EVENTS / (ms / 1000)).toFixed(0)} events/s, ${((ms * 1000) / EVENTS).toFixed(2)} µs per event on average (target < 10 µs)`);
  }
  memory.close();

  // 1b. The same events with the SQLite store behind them.
  const { store } = entry.openIntervalStore(path.join(dir, 'events.db'));
  const svc = entry.newService(store);
  const t1 = performance.now();
  for (const e of events) svc.handle(e);
  svc.stop(events.at(-1).at);
  const ms1 = performance.now() - t1;
  const rows = new Database(path.join(dir, 'events.db'), { readonly: true }).prepare('SELECT COUNT(*) AS n FROM intervals').get().n;
  console.log(`  with the SQLite store:   ${(EVENTS / (ms1 / 1000)).toFixed(0)} events/s, ${((ms1 * 1000) / EVENTS).toFixed(2)} µs per event, ${rows.toLocaleString('en')} intervals written`);
  store.close();

  // 2. A year of history.
  const lastDay = '2026-11-30';
  const year = entry.yearOfIntervals(lastDay, 550);
  const file = path.join(dir, 'year.db');
  const opened = entry.openIntervalStore(file);
  const t2 = performance.now();
  for (let i = 0; i < year.length; i += 10_000) opened.store.add(year.slice(i, i + 10_000));
  console.log(`  year of history: ${year.length.toLocaleString('en')} intervals written in ${(performance.now() - t2).toFixed(0)} ms, file ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
  const from = entry.addDays(lastDay, -364);
  const time = (fn, reps = REPORT_REPS) => {
    fn();
    const xs = [];
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      fn();
      xs.push(performance.now() - t);
    }
    return xs;
  };
  const report = time(() => opened.store.report({ from, to: lastDay, topFiles: 5 }));
  const today = time(() => opened.store.totals(lastDay, lastDay), 51);
  const week = time(() => opened.store.totals(entry.addDays(lastDay, -6), lastDay), 51);
  const peerDb = new Database(file, { readonly: true });
  const peerStmt = peerDb.prepare('SELECT day, mode, SUM(end_ms - start_ms) AS ms FROM intervals WHERE day BETWEEN ? AND ? GROUP BY day, mode');
  const peer = time(() => peerStmt.all(from, lastDay));
  peerDb.close();
  opened.store.close();
  const r = (xs) => `median ${median(xs).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms`;
  console.log(`  year report (days, totals, workspaces, top files): ${r(report)} (target < 100 ms)`);
  console.log(`  peer, one bare GROUP BY day, mode on the same file: ${r(peer)}; ratio ${(median(report) / median(peer)).toFixed(2)}x`);
  console.log(`  status bar totals: today ${median(today).toFixed(2)} ms, this week ${median(week).toFixed(2)} ms (median)`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
