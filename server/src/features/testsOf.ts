import { Project } from '../project';
import { TestOutcome } from '../trace/junitResults';
import { Coverage, TracedRequirement } from '../trace/traceIndex';

export interface CitingTest {
  path: string;
  /** Test name, or the file name for a file-level mention. */
  name: string;
  line: number;
  start: number;
  end: number;
  skipped: boolean;
  /** Its latest JUnit result; absent when no report has it (or there are no reports). */
  outcome?: TestOutcome;
}

/** The distinct tests citing a requirement (one entry per test, even if it cites the id twice). */
export function citingTests(project: Project, r: TracedRequirement): CitingTest[] {
  const c: Coverage | undefined = project.trace.coverageOf(r.spec, r.id);
  if (!c) return [];
  const seen = new Set<string>();
  const out: CitingTest[] = [];
  for (const [list, skipped] of [
    [c.covering, false],
    [c.skipped, true],
  ] as const) {
    for (const { path, ref } of list) {
      const name = ref.test?.name ?? path.split('/').pop()!;
      const key = `${path}\u0000${ref.test?.line ?? -1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const outcome = !skipped && ref.test ? project.outcomeOf(path, ref.test) : undefined;
      out.push({ path, name, line: ref.line, start: ref.start, end: ref.end, skipped, ...(outcome ? { outcome } : {}) });
    }
  }
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Test results are shown when the project has at least one JUnit report; `now` dates them. */
export interface ResultsContext {
  now: number;
}

export function resultsContext(project: Project, now = Date.now()): ResultsContext | undefined {
  return project.results.size > 0 ? { now } : undefined;
}

/** "just now", "12 min ago", "3 h ago", "2 days ago". */
export function ago(time: number, now: number): string {
  const s = Math.max(0, now - time) / 1000;
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 48 * 3600) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} days ago`;
}

/**
 * "✓ 3 tests", "✗ no test", "✗ 2 skipped tests"; SHOULD/MAY show the count unflagged.
 * With test reports (`results`): "✓ 3 tests · 3 passed · 12 min ago", "✗ 1 of 2 failed · 5 min ago",
 * "3 tests · no results", and "· stale" when a test changed after its report.
 */
export function lensTitle(level: TracedRequirement['level'], tests: CitingTest[], results?: ResultsContext): string {
  const running = tests.filter((t) => !t.skipped).length;
  const skipped = tests.length - running;
  const skippedNote = skipped ? ` · ${skipped} skipped` : '';
  const mark = (m: string): string => (level === 'must' ? `${m} ` : '');
  if (results && running) {
    const outcomes = tests.flatMap((t) => (!t.skipped && t.outcome ? [t.outcome] : []));
    const count = `${plural(running, 'test')}${skippedNote}`;
    if (outcomes.length === 0) return `${count} · no results`;
    const failed = outcomes.filter((o) => o.status === 'failed').length;
    const passed = outcomes.filter((o) => o.status === 'passed').length;
    let title: string;
    if (failed) title = `${mark('✗')}${failed} of ${running} failed${skippedNote}`;
    else if (passed) title = `${mark('✓')}${count} · ${passed} passed`;
    else title = `${count} · not run (${outcomes.length} skipped)`;
    let newest: number | undefined;
    for (const o of outcomes) if (o.time !== undefined && (newest === undefined || o.time > newest)) newest = o.time;
    if (newest !== undefined) title += ` · ${ago(newest, results.now)}`;
    if (outcomes.some((o) => o.stale)) title += ' · stale';
    return title;
  }
  if (level !== 'must') return running ? `${plural(running, 'test')}${skippedNote}` : skipped ? `${plural(skipped, 'skipped test')}` : 'no test';
  if (running) return `✓ ${plural(running, 'test')}${skippedNote}`;
  if (skipped) return `✗ ${plural(skipped, 'skipped test')}`;
  return '✗ no test';
}
