import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runApiSuiteInCodeServer } from './helpers/apiSuite';
import { fileNameFor } from './helpers/scenario';
import { RESULTS_DIR, session } from './helpers/session';

describe('e2e: VS Code API scenarios (test/vscode/suite) in the extension host', () => {
  it('diagnostics, quick fix, undo, typing and commands through vscode.* all pass', async function () {
    this.timeout(180_000);
    const title = this.test?.fullTitle() ?? 'api';
    const r = await runApiSuiteInCodeServer(session().browser, session().extensionDir, path.join(RESULTS_DIR, `${fileNameFor(title)}.png`));
    const report = [...r.passed.map((t) => `      ✔ ${t}`), ...r.failed.map((f) => `      ✘ ${f.title}\n${f.error}`)].join('\n');
    console.log(report);
    assert.equal(r.failed.length, 0, `${report}\n\nextension host log:\n${r.log.slice(-40).join('\n')}`);
    assert.ok(r.passed.length >= 5, `only ${r.passed.length} API tests ran`);
    assert.equal(r.exitCode, 0);
  });
});
