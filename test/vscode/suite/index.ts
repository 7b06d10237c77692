/**
 * Entry point VS Code loads with --extensionTestsPath (bundled by test/vscode/bundle.mjs).
 * Runs the scenarios with mocha inside the extension host; if PODFLOW_TEST_RESULTS is
 * set, also writes a JSON summary there (used where the exit code does not come back).
 */
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { defineScenarios } from './scenarios';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // What `mocha.loadFiles()` does for each file: install describe/it as globals, then define the tests.
  mocha.suite.emit('pre-require', globalThis, 'podflow-vscode-suite', mocha);
  defineScenarios();
  const results: { passed: string[]; failed: { title: string; error: string }[] } = { passed: [], failed: [] };
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => results.passed.push(t.fullTitle()));
    runner.on('fail', (t, err: Error) => results.failed.push({ title: t.fullTitle(), error: err?.stack ?? String(err) }));
  });
  if (process.env.PODFLOW_TEST_RESULTS) writeFileSync(process.env.PODFLOW_TEST_RESULTS, JSON.stringify(results, null, 2));
  if (failures > 0) throw new Error(`${failures} test(s) failed`);
}
