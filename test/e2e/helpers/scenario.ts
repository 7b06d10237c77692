/**
 * Per-scenario fixture: a fresh copy of examples/ opened in a new browser tab,
 * a screenshot of the final state (pass or fail) in test-results/e2e/<test>.png,
 * and on failure a <test>.log with the browser console errors and the tail of
 * code-server's and the extension host's logs.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Context } from 'mocha';
import type { Page } from './playwright';
import { RESULTS_DIR, session } from './session';
import { Workbench } from './workbench';

/** Browser console noise that says nothing about podflow (no network here, no vsda). */
const NOISE = [/open-vsx\.org/, /ERR_NAME_NOT_RESOLVED/, /vsda/, /authentication provider 'github'/, /status of 404/, /ERR_INTERNET_DISCONNECTED/];

export interface ScenarioContext {
  wb: Workbench;
  page: Page;
  /** Absolute path of this scenario's copy of examples/. */
  workspace: string;
  /** Browser console errors so far (noise filtered out). */
  consoleErrors: string[];
}

export function fileNameFor(title: string): string {
  return title.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120);
}

/** Registers beforeEach/afterEach hooks in the calling describe(); returns a handle filled in for each test. */
export function useScenario(): ScenarioContext {
  const ctx = {} as ScenarioContext;

  beforeEach(async function (this: Context) {
    this.timeout(120_000);
    const s = session();
    ctx.workspace = s.run.copyWorkspace('examples');
    ctx.page = await s.browser.newPage();
    ctx.page.setDefaultTimeout(20_000);
    ctx.consoleErrors = [];
    ctx.page.on('console', (msg) => {
      if (msg.type() === 'error' && !NOISE.some((n) => n.test(msg.text()))) ctx.consoleErrors.push(msg.text());
    });
    ctx.page.on('pageerror', (err) => ctx.consoleErrors.push(`pageerror: ${err.message}`));
    ctx.wb = new Workbench(ctx.page);
    await ctx.wb.openFolder(s.server.url, ctx.workspace);
  });

  afterEach(async function (this: Context) {
    this.timeout(30_000);
    const test = this.currentTest;
    const name = fileNameFor(test?.fullTitle() ?? 'unknown');
    mkdirSync(RESULTS_DIR, { recursive: true });
    if (ctx.page && !ctx.page.isClosed()) {
      try {
        await ctx.page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), timeout: 10_000 });
      } catch (err) {
        console.error(`      (screenshot failed: ${(err as Error).message})`);
      }
    }
    if (test?.state === 'failed') {
      const s = session();
      const report = [
        `# ${test.fullTitle()}`,
        `## error\n${test.err?.stack ?? test.err?.message ?? ''}`,
        `## browser console errors\n${ctx.consoleErrors.join('\n') || '(none)'}`,
        `## code-server log (tail)\n${s.server.logTail(60)}`,
        `## extension host logs (tail)\n${extensionHostLogs(s.run.dir('ud', 'logs'))}`,
      ].join('\n\n');
      writeFileSync(path.join(RESULTS_DIR, `${name}.log`), `${report}\n`);
      console.error(`      screenshot and logs: ${path.relative(process.cwd(), path.join(RESULTS_DIR, name))}.{png,log}`);
    }
    if (ctx.page && !ctx.page.isClosed()) await ctx.page.close();
  });

  return ctx;
}

/** The newest remote extension host log and podflow's output channel log, if any. */
function extensionHostLogs(logsDir: string): string {
  const files: { file: string; mtime: number }[] = [];
  const walk = (dir: string) => {
    let entries: string[] = [];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/exthost\.log$|podflow/i.test(p)) files.push({ file: p, mtime: st.mtimeMs });
    }
  };
  walk(logsDir);
  return (
    files
      .sort((a, b) => b.mtime - a.mtime)
      .slice(0, 3)
      .map(({ file }) => `### ${path.relative(logsDir, file)}\n${readFileSync(file, 'utf8').split('\n').slice(-40).join('\n')}`)
      .join('\n') || '(none found)'
  );
}
