/**
 * Runs the VS Code API suite (test/vscode/suite) inside code-server's extension host,
 * the way @vscode/test-web does for VS Code for the Web: the workbench is opened with
 * a `payload` naming the extension under development and the tests to run, and calls
 * window.codeAutomationExit(code) when they are done. code-server only honours that
 * payload with the smoke-test driver enabled, so this uses a code-server of its own
 * (own run folder, own process group) and leaves the UI scenarios' server untouched.
 */
import { readFileSync, existsSync } from 'node:fs';
import { bundleSuite } from '../../vscode/bundle.mjs';
import { CodeServer } from './codeServer';
import type { BrowserContext } from './playwright';
import { RunDir } from './runDir';

export interface ApiSuiteResult {
  exitCode: number | undefined;
  passed: string[];
  failed: { title: string; error: string }[];
  /** What the extension host logged (mocha's spec reporter output among it). */
  log: string[];
}

export async function runApiSuiteInCodeServer(browser: BrowserContext, extensionDir: string, screenshot?: string, timeoutMs = 120_000): Promise<ApiSuiteResult> {
  const run = new RunDir('podflow-e2e-api-');
  const server = new CodeServer(run, ['--vscode-option', 'enable-smoke-test-driver']);
  const log: string[] = [];
  let exitCode: number | undefined;
  try {
    await server.start();
    const workspace = run.copyWorkspace('examples');
    const suite = await bundleSuite(run.dir('suite', 'suite.js'));
    const results = run.dir('results.json');
    const page = await browser.newPage();
    try {
      await page.exposeFunction('codeAutomationExit', (code: number) => {
        exitCode = code;
      });
      await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
        log.push(`${type}: ${(args ?? []).map(String).join(' ')}`);
      });
      const authority = new URL(server.url).host;
      const payload = [
        ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionDir}`],
        ['extensionTestsPath', `vscode-remote://${authority}${suite}`],
        ['extensionEnvironment', JSON.stringify({ PODFLOW_TEST_RESULTS: results })],
      ];
      await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
      const deadline = Date.now() + timeoutMs;
      while (exitCode === undefined && Date.now() < deadline) await page.waitForTimeout(250);
      if (screenshot) await page.screenshot({ path: screenshot }).catch(() => undefined);
      const r = existsSync(results)
        ? (JSON.parse(readFileSync(results, 'utf8')) as { passed: string[]; failed: { title: string; error: string }[] })
        : { passed: [], failed: [{ title: '(suite)', error: exitCode === undefined ? `no result after ${timeoutMs} ms` : 'no results written' }] };
      return { exitCode, ...r, log };
    } finally {
      await page.close();
    }
  } finally {
    await server.stop();
    run.remove();
  }
}
