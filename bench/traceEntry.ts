// Entry bundled on the fly by bench/trace.mjs (esbuild JS API) into .bench/traceEntry.cjs,
// so the benchmark runs podflow's real traceability code from server/src.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import picomatch from 'picomatch';
import { DEFAULT_CONFIG } from '../server/src/config';
import { compileIdPattern, DEFAULT_ID_PATTERN } from '../server/src/documents/ids';
import { Linter } from '../server/src/lint/linter';
import { referenceMatcher } from '../server/src/trace/references';
import { DEFAULT_TEST_GLOBS } from '../server/src/trace/testGlobs';
import { TraceIndex } from '../server/src/trace/traceIndex';
import { DiskWorkspace } from '../server/src/workspace/diskWorkspace';

export { DEFAULT_ID_PATTERN, DEFAULT_TEST_GLOBS, TraceIndex };

/**
 * A full index build, as the language server or `podflow coverage` would do it:
 * walk the workspace, read every spec and test file from disk, parse the specs,
 * scan the test files, then compute coverage. `phases` gets the time of each step (ms).
 */
export function buildTraceIndex(root: string, phases?: Record<string, number>) {
  const now = phases ? () => performance.now() : () => 0;
  const add = (k: string, since: number) => {
    if (phases) phases[k] = (phases[k] ?? 0) + performance.now() - since;
  };
  let t = now();
  const workspace = new DiskWorkspace(root);
  const linter = new Linter(workspace, DEFAULT_CONFIG);
  const isTest = picomatch(DEFAULT_TEST_GLOBS, { dot: true });
  const index = new TraceIndex(referenceMatcher(compileIdPattern(DEFAULT_ID_PATTERN)));
  const files = workspace.listFiles();
  add('walk (listFiles)', t);
  let specs = 0;
  let tests = 0;
  let bytes = 0;
  for (const path of files) {
    t = now();
    const spec = linter.kindOf(path) === 'spec';
    const test = !spec && isTest(path);
    add('classify', t);
    if (!spec && !test) continue;
    t = now();
    const text = workspace.readText(path);
    add('read', t);
    if (text === undefined) continue;
    bytes += text.length;
    t = now();
    if (spec) {
      const doc = linter.parse(path, 'spec', text);
      add('parse specs (Linter.parse)', t);
      t = now();
      index.setSpec(path, doc);
      add('setSpec', t);
      specs++;
    } else {
      index.setTest(path, text);
      add('setTest (scan)', t);
      tests++;
    }
  }
  t = now();
  const coverage = index.coverage();
  add('coverage()', t);
  return { index, coverage, specs, tests, chars: bytes };
}

/** What the index found, to print and to compare between runs (the digest covers every result). */
export function summarize(index: TraceIndex) {
  const coverage = index.coverage();
  let musts = 0;
  let covered = 0;
  let skippedOnly = 0;
  let requirements = 0;
  const hash = createHash('sha256');
  for (const [key, c] of coverage) {
    requirements++;
    if (c.requirement.level === 'must') {
      musts++;
      if (c.covering.length) covered++;
      else if (c.skipped.length) skippedOnly++;
    }
    hash.update(`${key}|${c.requirement.level}\n`);
    for (const [kind, list] of [['c', c.covering], ['s', c.skipped]] as const) {
      for (const { path, ref } of list) {
        hash.update(`${kind} ${path}:${ref.line}:${ref.start}-${ref.end} ${ref.form} ${ref.text} ${ref.qualifier ?? ''} ${ref.ids.join(',')} @${ref.test ? `${ref.test.line}:${ref.test.name}:${ref.test.skipped}` : '-'}\n`);
      }
    }
  }
  let references = 0;
  let resolved = 0;
  let unknown = 0;
  let ambiguous = 0;
  let tests = 0;
  let skippedTests = 0;
  for (const [path, scanned] of index.tests) {
    tests += scanned.tests.filter((t) => !t.suite).length;
    skippedTests += scanned.tests.filter((t) => !t.suite && t.skipped).length;
    for (const ref of scanned.references) {
      references++;
      const r = index.resolve(ref, path);
      resolved += r.targets.length;
      unknown += r.unknown.length;
      ambiguous += r.ambiguous.length;
      hash.update(`r ${path}:${ref.line}:${ref.start} ${JSON.stringify(r)}\n`);
    }
  }
  return { requirements, musts, covered, skippedOnly, uncovered: musts - covered - skippedOnly, references, resolved, unknown, ambiguous, tests, skippedTests, digest: hash.digest('hex').slice(0, 16) };
}
