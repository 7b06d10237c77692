import { Workspace } from '../workspace/workspace';
import { CaseStatus, JUnitCase, JUnitReport, MAX_REPORT_BYTES, parseJUnit } from './junit';
import { languageOf, TestDecl, TestLanguage } from './testScanner';

/** The latest result of one test (or of every case of a suite), from the JUnit reports. */
export interface TestOutcome {
  /** failed if any matched case failed or errored, else passed if any passed, else skipped. */
  status: CaseStatus;
  /** Cases it sums up: parametrized runs, or the tests of a suite. */
  cases: number;
  failed: number;
  /** When they ran (ms since the epoch), when the report says. */
  time: number | undefined;
  /** The report is older than the test file: the test changed since it ran. */
  stale: boolean;
  report: string;
  /** First failure message, for hovers. */
  message: string | undefined;
}

/** A report written this little before the test file still counts as fresh (copies, checkouts, coarse mtimes). */
export const STALE_SLACK_MS = 2000;

type FileRelation = 'match' | 'unknown' | 'mismatch';

interface IndexedCase extends JUnitCase {
  report: string;
  /** Normalised name, and full titles built from suites and classname. */
  nameN: string;
  titles: string[];
  /** Path-like hints: the file attribute, a path classname (vitest), a path suite name (jest). */
  paths: string[];
}

/**
 * Normalises a test title for comparison: case-insensitive, the separators
 * reporters put between suite and test (" > ", " › ", "::") and underscores
 * (Go writes `t.Run("a b")` as `a_b`) become spaces, pytest parameters go.
 */
export function normTitle(s: string): string {
  return s
    .replace(/\\(.)/g, '$1')
    .replace(/\[[^\]]*\]\s*$/, '')
    .toLowerCase()
    .replace(/\s*(?:>|›|»|::)\s*/g, ' ')
    .replace(/[\s_]+/g, ' ')
    .trim();
}

function slashes(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '');
}

function isPathLike(s: string): boolean {
  return !/\s/.test(s) && /\.[A-Za-z][A-Za-z0-9]{0,4}$/.test(s) && (/[/\\]/.test(s) || /\.(?:[cm]?[jt]sx?|py|go|rs|java|kt|rb)$/.test(s));
}

const MODULE = /^[A-Za-z_][\w$]*(?:[.$][A-Za-z_][\w$]*)+$/;

function indexCase(c: JUnitCase, report: string): IndexedCase {
  const nameN = normTitle(c.name);
  const titles = new Set<string>([nameN]);
  if (c.suites.length) titles.add(normTitle(`${c.suites.join(' ')} ${c.name}`));
  if (c.classname && c.classname !== c.name && !isPathLike(c.classname)) {
    titles.add(normTitle(`${MODULE.test(c.classname) ? c.classname.replace(/[.$]/g, ' ') : c.classname} ${c.name}`));
  }
  const paths: string[] = [];
  if (c.file) paths.push(slashes(c.file));
  else {
    if (isPathLike(c.classname)) paths.push(slashes(c.classname));
    for (const s of c.suites) if (isPathLike(s)) paths.push(slashes(s));
  }
  return { ...c, report, nameN, titles: [...titles], paths };
}

function samePath(hint: string, testPath: string): boolean {
  const h = hint.toLowerCase();
  const t = testPath.toLowerCase();
  return h === t || h.endsWith(`/${t}`) || t.endsWith(`/${h}`);
}

/** Whether a case's file, classname or suite names point at this test file. */
function relation(c: IndexedCase, testPath: string, language: TestLanguage): FileRelation {
  if (c.paths.length) return c.paths.some((p) => samePath(p, testPath)) ? 'match' : 'mismatch';
  const cls = c.classname;
  if (!cls) return 'unknown';
  const stem = testPath.replace(/\.[^./]+$/, '').toLowerCase();
  if ((language === 'python' || language === 'jvm') && MODULE.test(cls)) {
    // pytest `tests.test_export.TestQuoting`, Surefire `com.acme.InvitesTest$Nested`: a prefix of the module path is the file.
    const segs = cls.toLowerCase().split(/[.$]/);
    for (let k = segs.length; k >= 1; k--) {
      const tail = segs.slice(0, k).join('/');
      if (stem === tail || stem.endsWith(`/${tail}`)) return 'match';
    }
    return 'mismatch';
  }
  if (language === 'go' && /^[\w.-]+(?:\/[\w.-]+)*$/.test(cls)) {
    // go-junit-report: classname is the package import path; the test file sits in its folder.
    const dir = testPath.includes('/') ? testPath.slice(0, testPath.lastIndexOf('/')).toLowerCase() : '';
    if (dir === '') return 'unknown';
    const pkg = cls.toLowerCase();
    return pkg === dir || pkg.endsWith(`/${dir}`) || pkg.split('/').pop() === dir.split('/').pop() ? 'match' : 'mismatch';
  }
  if (language === 'rust') {
    // cargo-nextest: classname is the binary id, `crate::integration_test` for tests/integration_test.rs.
    const bin = cls.split('::').pop()!.toLowerCase();
    return bin === stem.split('/').pop() ? 'match' : 'unknown';
  }
  return 'unknown';
}

/** How well a case's titles match a test: 3 exact full title, 2 suffix or same name, 1 contained, 0 none. */
function level(c: IndexedCase, full: string, title: string, suite: boolean): number {
  if (c.titles.includes(full)) return 3;
  if (c.nameN === title || c.titles.some((t) => t.endsWith(` ${full}`)) || (c.nameN !== '' && full.endsWith(` ${c.nameN}`))) return 2;
  if (suite && c.titles.some((t) => t.startsWith(`${full} `) || t.includes(` ${full} `))) return 2;
  if (title.length >= 4 && ` ${c.nameN} `.includes(` ${title} `)) return 1;
  if (c.nameN.length >= 4 && ` ${title} `.includes(` ${c.nameN} `)) return 1;
  return 0;
}

function fullTitle(decl: TestDecl, language: TestLanguage): string {
  // Go subtests are already named "TestX/sub" and sit under TestX: the name is the full title.
  if (language === 'go') return decl.name;
  const names: string[] = [];
  for (let d: TestDecl | undefined = decl; d; d = d.parent) names.unshift(d.name);
  return names.join(' ');
}

/**
 * Test results from every JUnit report of a workspace, matched to the tests the
 * scanner found. Matching is cached per test declaration until a report changes
 * (a re-scanned test file has new declarations).
 */
export class TestResults {
  private readonly reports = new Map<string, { report: JUnitReport; cases: IndexedCase[] }>();
  private version = 0;
  private cache = new WeakMap<TestDecl, { version: number; outcome: TestOutcome | undefined }>();
  private messages: string[] = [];

  /** Number of reports loaded. */
  get size(): number {
    return this.reports.size;
  }

  paths(): string[] {
    return [...this.reports.keys()].sort();
  }

  report(path: string): JUnitReport | undefined {
    return this.reports.get(path)?.report;
  }

  set(path: string, report: JUnitReport | undefined): void {
    if (report) this.reports.set(path, { report, cases: report.cases.map((c) => indexCase(c, path)) });
    else this.reports.delete(path);
    this.version++;
  }

  clear(): void {
    this.reports.clear();
    this.version++;
  }

  /** Messages about skipped reports since the last call, for the server's log or the CLI's stderr. */
  takeMessages(): string[] {
    const out = this.messages;
    this.messages = [];
    return out;
  }

  /**
   * (Re)reads one report; `text` is its live buffer when open. A missing file
   * drops it; a huge or malformed one is dropped with one message.
   */
  load(workspace: Workspace, path: string, text?: string): void {
    const st = workspace.stat?.(path);
    const skip = (why: string): void => {
      this.messages.push(`podflow: skipped test report ${path}: ${why}`);
      this.set(path, undefined);
    };
    if (text === undefined && st && st.size > MAX_REPORT_BYTES) return skip(`${mb(st.size)} is over the ${mb(MAX_REPORT_BYTES)} limit`);
    const source = text ?? workspace.readText(path);
    if (source === undefined) return this.set(path, undefined);
    if (source.length > MAX_REPORT_BYTES || (source.length > MAX_REPORT_BYTES / 4 && Buffer.byteLength(source) > MAX_REPORT_BYTES)) {
      return skip(`${mb(Buffer.byteLength(source))} is over the ${mb(MAX_REPORT_BYTES)} limit`);
    }
    const parsed = parseJUnit(source, path, st?.mtimeMs);
    if ('error' in parsed) return skip(parsed.error);
    this.set(path, parsed.report);
  }

  /** The latest outcome of a test declared in `testPath`, or undefined when no report has it. */
  outcomeOf(testPath: string, decl: TestDecl, testMtime: () => number | undefined): TestOutcome | undefined {
    if (this.reports.size === 0) return undefined;
    const hit = this.cache.get(decl);
    if (hit && hit.version === this.version) return hit.outcome;
    const outcome = this.match(testPath, decl, testMtime);
    this.cache.set(decl, { version: this.version, outcome });
    return outcome;
  }

  private match(testPath: string, decl: TestDecl, testMtime: () => number | undefined): TestOutcome | undefined {
    const language = languageOf(testPath);
    const full = normTitle(fullTitle(decl, language));
    const title = normTitle(decl.name);
    if (full === '') return undefined;
    let best = 0;
    let chosen: IndexedCase[] = [];
    for (const { cases } of this.reports.values()) {
      for (const c of cases) {
        const lv = level(c, full, title, decl.suite);
        if (lv === 0) continue;
        const rel = relation(c, testPath, language);
        if (rel === 'mismatch') continue;
        // A case pointing at this file beats any that does not; then the closer title wins.
        const score = (rel === 'match' ? 10 : 0) + lv;
        if (score > best) {
          best = score;
          chosen = [c];
        } else if (score === best) {
          chosen.push(c);
        }
      }
    }
    if (chosen.length === 0) return undefined;
    // The same test in several reports (re-runs, matrix jobs): the newest report wins.
    const newest = chosen.reduce((a, c) => ((this.reports.get(c.report)!.report.time ?? 0) > (this.reports.get(a.report)!.report.time ?? 0) ? c : a)).report;
    const cases = chosen.filter((c) => c.report === newest);
    const failed = cases.filter((c) => c.status === 'failed');
    const status: CaseStatus = failed.length ? 'failed' : cases.some((c) => c.status === 'passed') ? 'passed' : 'skipped';
    let time: number | undefined;
    for (const c of cases) if (c.time !== undefined && (time === undefined || c.time > time)) time = c.time;
    const mtime = time === undefined ? undefined : testMtime();
    return {
      status,
      cases: cases.length,
      failed: failed.length,
      time,
      stale: time !== undefined && mtime !== undefined && time < mtime - STALE_SLACK_MS,
      report: newest,
      message: failed[0]?.message,
    };
  }
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
