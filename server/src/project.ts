import picomatch from 'picomatch';
import { PodflowConfig } from './config';
import { DocKind } from './documents/kinds';
import { isBinary, Linter } from './lint/linter';
import { Finding } from './rules/types';
import { TestResults, TestOutcome } from './trace/junitResults';
import { referenceMatcher } from './trace/references';
import { DEFAULT_JUNIT_GLOBS, DEFAULT_TEST_GLOBS } from './trace/testGlobs';
import { TestDecl } from './trace/testScanner';
import { severityFrom, specTraceFindings, testTraceFindings } from './trace/traceFindings';
import { TraceIndex } from './trace/traceIndex';
import { dirnameRel, Workspace } from './workspace/workspace';

export type FileKind = DocKind | 'test';

// Test files larger than this are not scanned (generated fixtures, minified bundles).
const MAX_TEST_BYTES = 2 * 1024 * 1024;

export interface CoverageSummary {
  covered: number;
  total: number;
  specs: { path: string; covered: number; total: number; uncovered: { id: string | undefined; line: number; text: string; skippedOnly: boolean }[] }[];
}

/**
 * One workspace folder: its linter and its trace index, with no editor in
 * sight. The language server and the CLI both drive it, and plain-Node tests
 * can too.
 */
export class Project {
  readonly linter: Linter;
  readonly trace: TraceIndex;
  /** Outcomes from the JUnit XML reports in the workspace. */
  readonly results = new TestResults();
  private readonly isTest: (path: string) => boolean;
  private readonly isReportGlob: (path: string) => boolean;
  private readonly excluded: (path: string) => boolean;
  private files: Map<string, FileKind> | undefined;
  private reportFiles: string[] | undefined;

  constructor(
    readonly workspace: Workspace,
    readonly config: PodflowConfig,
  ) {
    this.linter = new Linter(workspace, config);
    this.trace = new TraceIndex(referenceMatcher(this.linter.ids), config['trace.specPrefixes']);
    this.isTest = picomatch([...DEFAULT_TEST_GLOBS, ...config.testGlobs], { dot: true });
    this.isReportGlob = picomatch([...DEFAULT_JUNIT_GLOBS, ...config.junitGlobs], { dot: true, nocase: true });
    this.excluded = config.exclude.length ? picomatch(config.exclude, { dot: true }) : () => false;
  }

  kindOf(path: string): FileKind | undefined {
    const kind = this.linter.kindOf(path);
    if (kind) return kind;
    return !this.excluded(path) && this.isTest(path) ? 'test' : undefined;
  }

  /** A JUnit XML report podflow reads test results from (never below node_modules or .git). */
  isReport(path: string): boolean {
    return !/(?:^|\/)(?:node_modules|\.git)\//.test(path) && !this.excluded(path) && this.isReportGlob(path);
  }

  /** Every file podflow looks at, with its kind; cached until `forgetFileList`. */
  fileList(): Map<string, FileKind> {
    if (!this.files) {
      this.files = new Map();
      const reports: string[] = [];
      for (const path of this.workspace.listFiles()) {
        const kind = this.kindOf(path);
        if (kind) this.files.set(path, kind);
        else if (this.isReport(path)) reports.push(path);
      }
      this.reportFiles = reports;
    }
    return this.files;
  }

  forgetFileList(): void {
    this.files = undefined;
    this.reportFiles = undefined;
  }

  /** JUnit reports in the workspace, those inside build output (test-results/, build/, target/) included. */
  reportPaths(): string[] {
    this.fileList();
    const out = new Set(this.reportFiles);
    for (const p of this.workspace.listOutputFiles?.() ?? []) if (this.isReport(p)) out.add(p);
    return [...out].sort();
  }

  documents(kind?: FileKind): string[] {
    return [...this.fileList()].filter(([, k]) => kind === undefined || k === kind).map(([p]) => p);
  }

  /** Reads every spec and test file into the trace index. */
  indexAll(): void {
    for (const [path, kind] of this.fileList()) {
      if (kind === 'spec') this.indexSpec(path, undefined);
      else if (kind === 'test') this.indexTest(path, undefined);
    }
    this.results.clear();
    for (const p of this.reportPaths()) this.results.load(this.workspace, p);
  }

  /** Messages about reports that were skipped (malformed, huge), since the last call. */
  reportMessages(): string[] {
    return this.results.takeMessages();
  }

  private indexSpec(path: string, text: string | undefined): void {
    const source = text ?? this.workspace.readText(path);
    if (source === undefined || isBinary(source) || Buffer.byteLength(source) > this.config.maxFileBytes) {
      this.trace.setSpec(path, undefined);
      return;
    }
    this.trace.setSpec(path, this.linter.parse(path, 'spec', source));
  }

  private indexTest(path: string, text: string | undefined): void {
    const source = text ?? this.workspace.readText(path);
    if (source === undefined || source.length > MAX_TEST_BYTES || isBinary(source)) this.trace.setTest(path, undefined);
    else this.trace.setTest(path, source);
  }

  /**
   * A file changed (its live text, or undefined to read it from the workspace;
   * a missing file counts as deleted). Returns every path whose findings may
   * have changed, itself included.
   */
  update(path: string, text?: string): string[] {
    const kind = this.kindOf(path);
    const exists = text !== undefined || this.workspace.exists(path);
    const affected = new Set<string>([path]);
    if (kind === 'spec') {
      const before = this.idsOfSpec(path);
      if (text === undefined) this.linter.forget(path);
      if (exists) this.indexSpec(path, text);
      else this.trace.setSpec(path, undefined);
      for (const id of new Set([...before, ...this.idsOfSpec(path)])) {
        for (const t of this.trace.testsMentioning(id)) affected.add(t);
        for (const s of this.trace.specsDefining(id)) affected.add(s);
      }
    } else if (kind === 'test') {
      const before = this.specsCitedBy(path);
      if (exists) this.indexTest(path, text);
      else this.trace.setTest(path, undefined);
      for (const s of [...before, ...this.specsCitedBy(path)]) affected.add(s);
    } else if (text === undefined) {
      this.linter.forget(path);
    }
    if (kind === undefined && this.isReport(path)) {
      if (exists) this.results.load(this.workspace, path, text);
      else this.results.set(path, undefined);
      // Outcomes show on the lenses of covered requirements and in TRACE004.
      for (const s of this.specsWithCoveredRequirements()) affected.add(s);
    }
    for (const d of this.dependents(path, kind)) affected.add(d);
    return [...affected];
  }

  private specsWithCoveredRequirements(): string[] {
    const out = new Set<string>();
    for (const c of this.trace.coverage().values()) if (c.covering.length) out.add(c.requirement.spec);
    return [...out];
  }

  /** The latest JUnit outcome of a test in a test file; undefined without reports or a matching case. */
  outcomeOf(testPath: string, test: TestDecl): TestOutcome | undefined {
    if (this.results.size === 0) return undefined;
    return this.results.outcomeOf(testPath, test, () => this.workspace.stat?.(testPath)?.mtimeMs);
  }

  /** TRACE004: every test citing the requirement has a fresh result, and all of them failed. */
  allCoveringFailed(spec: string, id: string): boolean {
    if (this.results.size === 0) return false;
    const c = this.trace.coverageOf(spec, id);
    if (!c || c.covering.length === 0) return false;
    return c.covering.every(({ path, ref }) => {
      const o = ref.test ? this.outcomeOf(path, ref.test) : undefined;
      return o !== undefined && o.status === 'failed' && !o.stale;
    });
  }

  private idsOfSpec(path: string): string[] {
    const s = this.trace.specs.get(path);
    return s ? [...s.byId.keys(), ...s.definedIds] : [];
  }

  private specsCitedBy(path: string): string[] {
    const scanned = this.trace.tests.get(path);
    if (!scanned) return [];
    const out = new Set<string>();
    for (const ref of scanned.references) {
      const res = this.trace.resolve(ref, path);
      for (const t of res.targets) out.add(t.spec);
      for (const a of res.ambiguous) for (const s of a.specs) out.add(s);
    }
    return [...out];
  }

  /** AGENTS.md files below a changed AGENTS.md, package.json or Makefile read it. */
  private dependents(path: string, kind: FileKind | undefined): string[] {
    const base = path.split('/').pop() ?? '';
    const affectsAgents = kind === 'agents' || base === 'package.json' || /^(GNU)?[Mm]akefile$/.test(base);
    if (!affectsAgents) return [];
    const dir = dirnameRel(path);
    return this.documents('agents').filter((p) => p !== path && (dir === '' || p.startsWith(`${dir}/`)));
  }

  /** Lint and trace findings for one file; `text` is its live buffer when open. */
  findings(path: string, text?: string): Finding[] {
    const kind = this.kindOf(path);
    if (!kind) return [];
    const severityOf = severityFrom(this.config.rules);
    if (kind === 'test') return testTraceFindings(this.trace, path, severityOf);
    const lint = this.linter.lint(path, kind, text);
    if (kind !== 'spec') return lint;
    const failedOnly = this.results.size ? (spec: string, id: string) => this.allCoveringFailed(spec, id) : undefined;
    return [...lint, ...specTraceFindings(this.trace, path, severityOf, failedOnly)].sort(
      (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
    );
  }

  coverageSummary(specFilter?: (path: string) => boolean): CoverageSummary {
    const summary: CoverageSummary = { covered: 0, total: 0, specs: [] };
    for (const entry of [...this.trace.specs.values()].sort((a, b) => a.path.localeCompare(b.path))) {
      if (specFilter && !specFilter(entry.path)) continue;
      const spec: CoverageSummary['specs'][number] = { path: entry.path, covered: 0, total: 0, uncovered: [] };
      for (const r of entry.byId.values()) {
        if (r.level !== 'must') continue;
        spec.total++;
        const c = this.trace.coverageOf(entry.path, r.id);
        if (c && c.covering.length > 0) spec.covered++;
        else spec.uncovered.push({ id: r.id, line: r.anchor.startLine, text: r.text, skippedOnly: (c?.skipped.length ?? 0) > 0 });
      }
      for (const u of entry.unidentified) {
        spec.total++;
        spec.uncovered.push({ id: undefined, line: u.requirement.startLine, text: u.requirement.text, skippedOnly: false });
      }
      summary.covered += spec.covered;
      summary.total += spec.total;
      summary.specs.push(spec);
    }
    return summary;
  }
}
