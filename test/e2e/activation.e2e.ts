import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { OUTPUT_CHANNEL, SERVER_STARTED } from './helpers/expectations';
import { useScenario } from './helpers/scenario';
import { session } from './helpers/session';

describe('e2e: packaging', () => {
  it('the installed .vsix is self-contained: bundles only, no node_modules, sources or source maps', () => {
    const dir = session().extensionDir;
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => f.replaceAll('\\', '/'));
    assert.ok(files.includes('dist/client.js') && files.includes('dist/server.js'), `bundles missing: ${files.join(', ')}`);
    const unwanted = files.filter((f) => /^(node_modules|client|server|test|bench|examples|\.e2e|\.ci|\.vscode)(\/|$)|\.map$|\.ts$|tsconfig|package-lock/.test(f));
    assert.deepEqual(unwanted, [], 'the extension folder code-server runs must hold only the bundles');
    // A development build would point at .map files the package does not ship.
    for (const f of files.filter((x) => x.startsWith('dist/') && x.endsWith('.js'))) {
      assert.doesNotMatch(readFileSync(path.join(dir, f), 'utf8').slice(-300), /sourceMappingURL/, `${f} is not a production build`);
    }
  });
});

describe('e2e: activation', () => {
  const s = useScenario();

  it('activates on the example workspace: the podflow output shows the server started, no error notification', async () => {
    // The user opens the workspace and does nothing else: findings appear on their own.
    await s.wb.waitForProblemCounts((c) => c.warnings + c.errors + c.infos > 0, 'podflow findings in the status bar', 45_000);
    await s.wb.runCommand(`${OUTPUT_CHANNEL}: Show output`);
    const text = await s.wb.waitForOutput(SERVER_STARTED);
    assert.match(text, SERVER_STARTED);
    assert.doesNotMatch(text, /\[error\]/i, 'the podflow channel logged an error');
    const errors = (await s.wb.notifications()).filter((n) => n.severity === 'error');
    assert.deepEqual(errors, [], 'an error notification is showing');
    assert.deepEqual(s.consoleErrors.filter((e) => /podflow/i.test(e)), [], 'browser console errors about podflow');
    const hostLog = remoteExtensionHostLog(session().run.dir('ud', 'logs'));
    assert.match(hostLog, /_doActivateExtension podflow\.podflow/, 'the extension host log does not show podflow activating');
    assert.doesNotMatch(hostLog, /Activating extension '?podflow\.podflow'? failed/i);
  });
});

/** All remote extension host logs of the run, concatenated. */
function remoteExtensionHostLog(logsDir: string): string {
  return readdirSync(logsDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('remoteexthost.log'))
    .map((f) => readFileSync(path.join(logsDir, f), 'utf8'))
    .join('\n');
}
