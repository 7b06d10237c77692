#!/usr/bin/env node
// `npm run demo` (after the build): lint the bundled example workspace, show its MUST coverage,
// then say what to try next. Exits non-zero only if a command fails to run as documented.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.js');

function step(title, args, okCodes) {
  console.log(`\n== ${title}\n$ node dist/cli.js ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  if (!okCodes.includes(r.status ?? -1)) {
    console.error(`\nnpm run demo: "podflow ${args[0]}" exited with ${r.status ?? r.signal}`);
    process.exit(1);
  }
}

// lint exits 1 when a finding is an error; the example's planted problems are warnings.
step('Lint findings in examples/ (specs, PLANS.md, AGENTS.md)', ['lint', 'examples'], [0, 1]);
step('MUST-to-test coverage of examples/', ['coverage', '--root', 'examples'], [0]);

console.log(`
== Next things to try
  node dist/cli.js coverage --root examples --min 90        # the CI gate: exit 1 below 90%
  node dist/cli.js coverage --root examples --format markdown
  node dist/cli.js lint examples --format sarif > podflow.sarif
  node dist/cli.js rules                                    # every rule, its severity and description
  node dist/cli.js tokens --all                             # your own Codex / Claude Code / Gemini sessions
  node dist/cli.js report                                   # time per mode, once the editor has recorded some
  In VS Code: open this folder, press F5, then open examples/ in the new window
  (README.md, "Using the extension").`);
