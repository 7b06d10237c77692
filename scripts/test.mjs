#!/usr/bin/env node
// `npm test`: every stage runs even when an earlier one fails (except that nothing can be tested
// without a build), then one summary of all stages with their times; the exit code is non-zero
// when any stage failed. `--fast` leaves out the end-to-end stage.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fast = process.argv.includes('--fast');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** name, command, whether the later stages need it to pass */
const stages = [
  ['typecheck', [npm, 'run', '--silent', 'typecheck'], false],
  ['build', [npm, 'run', '--silent', 'build'], true],
  ['peers (ccusage for the cross-check)', [npm, 'run', '--silent', 'peers:setup'], false],
  ['mocha (unit, protocol, CLI)', [npm, 'exec', '--', 'mocha'], false],
  ...(fast ? [] : [['end-to-end (packaged extension in code-server)', [npm, 'run', '--silent', 'test:e2e'], false]]),
];

const results = [];
for (const [name, [cmd, ...args], required] of stages) {
  console.log(`\n== ${name}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  const ok = r.status === 0;
  results.push({ name, ok, s: Math.round((Date.now() - started) / 1000), code: r.status ?? r.signal });
  if (!ok && required) {
    console.error(`\n== ${name} failed: the later stages need it, so they were not run`);
    break;
  }
}

const total = results.reduce((n, r) => n + r.s, 0);
console.log('\n== npm test summary');
for (const r of results) console.log(`  ${r.ok ? 'pass' : 'FAIL'}  ${String(r.s).padStart(4)} s  ${r.name}${r.ok ? '' : ` (exit ${r.code})`}`);
for (const [name] of stages.slice(results.length)) console.log(`  skip     -    ${name}`);
console.log(`  total ${total} s (${(total / 60).toFixed(1)} min)`);
process.exit(results.every((r) => r.ok) && results.length === stages.length ? 0 : 1);
