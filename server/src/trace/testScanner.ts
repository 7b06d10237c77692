import { candidateLines, detach, Reference, ReferenceMatcher } from './references';

export type TestLanguage = 'js' | 'python' | 'go' | 'rust' | 'jvm' | 'ruby' | 'other';

/** A test (or suite) declaration found in a test file. */
export interface TestDecl {
  name: string;
  line: number;
  indent: number;
  /** Skipped itself (it.skip, xit, @pytest.mark.skip, t.Skip, #[ignore], @Disabled) or inside a skipped suite. */
  skipped: boolean;
  /** Suite-like (describe/context/class) rather than a single test. */
  suite: boolean;
  parent: TestDecl | undefined;
}

export interface TestReference extends Reference {
  /** The test holding the reference; undefined for file-level mentions (e.g. a header comment). */
  test: TestDecl | undefined;
}

export interface ScannedTestFile {
  language: TestLanguage;
  tests: TestDecl[];
  references: TestReference[];
}

export function languageOf(path: string): TestLanguage {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  if (['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'mts', 'cts'].includes(ext)) return 'js';
  if (ext === 'py') return 'python';
  if (ext === 'go') return 'go';
  if (ext === 'rs') return 'rust';
  if (['java', 'kt', 'kts', 'groovy', 'scala'].includes(ext)) return 'jvm';
  if (ext === 'rb') return 'ruby';
  return 'other';
}

const JS_DECL = /^(\s*)(x|f)?(it|test|describe|context|suite|specify)((?:\.(?:skip|only|todo|concurrent|sequential|failing|each\s*\([^)]*\)|each`[^`]*`))*)\s*\(\s*(['"`])((?:\\.|(?!\5).)*)\5/;
const RUBY_DECL = /^(\s*)(x)?(it|describe|context|specify|scenario|test|feature)\s*\(?\s*(['"])((?:\\.|(?!\4).)*)\4/;
const PY_DEF = /^(\s*)(?:async\s+)?def\s+(test\w*)\s*\(/;
const PY_CLASS = /^(\s*)class\s+(Test\w*)\b/;
const PY_SKIP = /^\s*@(?:pytest\.mark\.skip\b(?!if)|unittest\.skip\b(?!If|Unless))/;
const GO_FUNC = /^func\s+((?:Test|Benchmark|Fuzz|Example)\w*)\s*\(/;
const GO_RUN = /^(\s*)t\.Run\(\s*"((?:\\.|[^"])*)"/;
const GO_SKIP = /\bt\.(?:Skip|Skipf|SkipNow)\(/;
const PY_SKIP_CALL = /\bpytest\.skip\(/;
const RUST_TEST_ATTR = /^\s*#\[(?:[\w:]+::)?test\b/;
const RUST_IGNORE = /^\s*#\[ignore\b/;
const RUST_FN = /^(\s*)(?:pub\s+)?(?:async\s+)?fn\s+(\w+)/;
const JVM_TEST = /^\s*@(?:Test|ParameterizedTest|RepeatedTest|TestFactory)\b/;
const JVM_SKIP = /^\s*@(?:Disabled|Ignore)\b/;
const JVM_NAME = /^\s*@DisplayName\(\s*"((?:\\.|[^"])*)"/;
const JVM_METHOD = /^(\s*)(?:(?:public|protected|private|internal|static|final|override|suspend|open)\s+)*(?:fun\s+(?:`([^`]+)`|(\w+))|void\s+(\w+)|\w[\w<>?,\s]*\s+(\w+))\s*\(/;
const JVM_CLASS = /^(\s*)(?:(?:public|internal|abstract|open|final)\s+)*(?:class|object)\s+(\w+)/;

/** True for the characters `\s` (and `String.prototype.trim`) treat as white space. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 128) return false;
  return /\s/.test(String.fromCharCode(c));
}

/** Index of the first character `\s` does not match (the line's length when it is blank): what `^\s*` skips. */
function firstNonSpace(line: string): number {
  let i = 0;
  while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  return i;
}

/** Width of the leading spaces and tabs (a tab counts 4). */
function indentOf(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) n++;
    else if (c === 9) n += 4;
    else break;
  }
  return n;
}

/** Lines that are only a comment, decorator or blank: they may sit between a tag and its test. */
function isPreamble(line: string): boolean {
  return /^\s*(?:$|\/\/|\/\*|\*|#|@|--|"""|''')/.test(line);
}

// Cheap checks that guard the regular expressions above. Each is implied by the
// regex it guards (JS_DECL needs "it", "test", "describe", ... after the leading
// white space and an optional "x" or "f"), so skipping the regex changes nothing.
const CH = { at: 64, hash: 35, slash: 47, star: 42, bracket: 91, a: 97, c: 99, d: 100, f: 102, i: 105, o: 111, p: 112, s: 115, t: 116, x: 120 };
const RUST_FN_FIRST = new Set([CH.p, CH.a, CH.f]);
const JVM_CLASS_FIRST = new Set([CH.p, CH.i, CH.a, CH.o, CH.f, CH.c]);
const JVM_CLASS_WORDS = ['public', 'internal', 'abstract', 'open', 'final', 'class', 'object'];

/** Whether one of `words` starts at `at` in `line`. */
function wordAt(line: string, at: number, words: readonly string[]): boolean {
  for (const w of words) if (line.startsWith(w, at)) return true;
  return false;
}

/** One of JS_DECL's words (it, test, describe, context, suite, specify) starts at `at`. */
function jsWordAt(line: string, at: number): boolean {
  switch (line.charCodeAt(at)) {
    case CH.i:
      return line.startsWith('it', at);
    case CH.t:
      return line.startsWith('test', at);
    case CH.d:
      return line.startsWith('describe', at);
    case CH.c:
      return line.startsWith('context', at);
    case CH.s:
      return line.startsWith('suite', at) || line.startsWith('specify', at);
    default:
      return false;
  }
}

/** `^\s*(x|f)?(it|test|...)` can match: `fns` and `ch` are the first non-space index and its char code. */
function jsDeclStart(line: string, fns: number, ch: number): boolean {
  return jsWordAt(line, fns) || ((ch === CH.x || ch === CH.f) && jsWordAt(line, fns + 1));
}

/** One of RUBY_DECL's words (it, describe, context, specify, scenario, test, feature) starts at `at`. */
function rubyWordAt(line: string, at: number): boolean {
  switch (line.charCodeAt(at)) {
    case CH.i:
      return line.startsWith('it', at);
    case CH.d:
      return line.startsWith('describe', at);
    case CH.c:
      return line.startsWith('context', at);
    case CH.s:
      return line.startsWith('specify', at) || line.startsWith('scenario', at);
    case CH.t:
      return line.startsWith('test', at);
    case CH.f:
      return line.startsWith('feature', at);
    default:
      return false;
  }
}

function rubyDeclStart(line: string, fns: number, ch: number): boolean {
  return rubyWordAt(line, fns) || (ch === CH.x && rubyWordAt(line, fns + 1));
}

/** Finds test declarations, cheaply, one line at a time (no parser). */
export function findTests(lines: readonly string[], language: TestLanguage): TestDecl[] {
  const tests: TestDecl[] = [];
  if (language === 'other') return tests;
  const stack: TestDecl[] = [];
  const push = (name: string, line: number, indent: number, skipped: boolean, suite: boolean): TestDecl => {
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    const d: TestDecl = { name: detach(name), line, indent, skipped: skipped || (parent?.skipped ?? false), suite, parent };
    tests.push(d);
    stack.push(d);
    return d;
  };
  let pendingAttrs: string[] = [];
  let pendingName: string | undefined;
  let current: TestDecl | undefined; // for skip calls inside a body (pytest.skip, Ruby skip/pending)
  for (let i = 0; i < lines.length; i++) {
    if (!(i in lines)) continue; // a sparse array: skip holes, as forEach does
    const line = lines[i];
    // First character after the leading white space (NaN on a blank line).
    const fns = firstNonSpace(line);
    const ch = line.charCodeAt(fns);
    switch (language) {
      case 'js': {
        const m = jsDeclStart(line, fns, ch) ? JS_DECL.exec(line) : null;
        if (m) {
          const mods = m[4] ?? '';
          const skipped = m[2] === 'x' || /\.(skip|todo)\b/.test(mods) || /[{,]\s*(?:skip|todo)\s*:(?!\s*false\b)/.test(line);
          push(m[6], i, indentOf(line), skipped, m[3] === 'describe' || m[3] === 'context' || m[3] === 'suite');
        }
        break;
      }
      case 'ruby': {
        const m = rubyDeclStart(line, fns, ch) ? RUBY_DECL.exec(line) : null;
        if (m) current = push(m[5], i, indentOf(line), m[2] === 'x', m[3] === 'describe' || m[3] === 'context' || m[3] === 'feature');
        else if (current && /^\s*(skip|pending)\b/.test(line) && indentOf(line) > current.indent) current.skipped = true;
        break;
      }
      case 'python': {
        if (ch === CH.at) {
          pendingAttrs.push(line);
          break;
        }
        const d =
          (ch === CH.a && line.startsWith('async', fns)) || (ch === CH.d && line.startsWith('def', fns))
            ? PY_DEF.exec(line)
            : ch === CH.c && line.startsWith('class', fns)
              ? PY_CLASS.exec(line)
              : null;
        if (d) {
          const skipped = pendingAttrs.some((a) => PY_SKIP.test(a));
          current = push(d[2], i, indentOf(line), skipped, line.trimStart().startsWith('class'));
          pendingAttrs = [];
        } else if (fns < line.length) {
          if (pendingAttrs.length) pendingAttrs = [];
          if (current && line.includes('pytest.skip(') && PY_SKIP_CALL.test(line) && indentOf(line) > current.indent) current.skipped = true;
        }
        break;
      }
      case 'go': {
        const f = fns === 0 && line.startsWith('func') ? GO_FUNC.exec(line) : null;
        if (f) current = push(f[1], i, 0, false, false);
        const r = ch === CH.t && line.startsWith('t.Run(', fns) ? GO_RUN.exec(line) : null;
        if (r && current) push(`${current.name}/${r[2]}`, i, indentOf(line), false, false);
        if (line.includes('t.Skip') && GO_SKIP.test(line)) {
          // The skip belongs to the innermost test whose body still holds this line: a
          // subtest that closed above it (its `})` at its own indent) is not it.
          const indent = indentOf(line);
          let owner = stack.length - 1;
          while (owner > 0 && stack[owner].indent >= indent) owner--;
          if (owner >= 0) stack[owner].skipped = true;
        }
        break;
      }
      case 'rust': {
        // RUST_TEST_ATTR and RUST_IGNORE both start with `^\s*#\[`.
        if (ch === CH.hash && line.charCodeAt(fns + 1) === CH.bracket) {
          pendingAttrs.push(line);
          break;
        }
        if (pendingAttrs.length && RUST_FN_FIRST.has(ch)) {
          const f = RUST_FN.exec(line);
          if (f && pendingAttrs.some((a) => RUST_TEST_ATTR.test(a))) {
            push(f[2], i, indentOf(line), pendingAttrs.some((a) => RUST_IGNORE.test(a)), false);
          }
        }
        if (fns < line.length && !(ch === CH.slash && line.charCodeAt(fns + 1) === CH.slash) && pendingAttrs.length) pendingAttrs = [];
        break;
      }
      case 'jvm': {
        if (ch === CH.at) {
          pendingAttrs.push(line);
          const n = JVM_NAME.exec(line);
          if (n) pendingName = n[1];
          break;
        }
        const c = JVM_CLASS_FIRST.has(ch) && wordAt(line, fns, JVM_CLASS_WORDS) ? JVM_CLASS.exec(line) : null;
        const testAttr = pendingAttrs.length > 0 && pendingAttrs.some((a) => JVM_TEST.test(a));
        if (c && !testAttr) {
          push(pendingName ?? c[2], i, indentOf(line), pendingAttrs.some((a) => JVM_SKIP.test(a)), true);
        } else if (testAttr) {
          const m = JVM_METHOD.exec(line);
          if (m) push(pendingName ?? m[2] ?? m[3] ?? m[4] ?? m[5], i, indentOf(line), pendingAttrs.some((a) => JVM_SKIP.test(a)), false);
        }
        const next = line.charCodeAt(fns + 1);
        // Not blank and not a comment line (`//`, `*`, `/*`).
        if (fns < line.length && ch !== CH.star && !(ch === CH.slash && (next === CH.slash || next === CH.star))) {
          if (pendingAttrs.length) pendingAttrs = [];
          pendingName = undefined;
        }
        break;
      }
      default:
        break;
    }
  }
  return tests;
}

/**
 * For each line, the innermost test whose indented body (or declaration) holds
 * it: one pass with a stack, so scanning stays linear in the file's length. The
 * pass runs lazily: `upTo(n)` fills `owners` up to line n and no further (lines
 * after a file's last reference are never looked at).
 */
function ownersByLine(lines: readonly string[], tests: readonly TestDecl[]): { owners: (TestDecl | undefined)[]; upTo(line: number): void } {
  const owners: (TestDecl | undefined)[] = new Array(lines.length);
  const stack: TestDecl[] = [];
  let next = 0;
  let l = 0;
  return {
    owners,
    upTo(line) {
      for (const last = Math.min(line, lines.length - 1); l <= last; l++) {
        const text = lines[l];
        if (stack.length && firstNonSpace(text) < text.length) {
          const indent = indentOf(text);
          while (stack.length && indent <= stack[stack.length - 1].indent) stack.pop();
        }
        while (next < tests.length && tests[next].line === l) stack.push(tests[next++]);
        owners[l] = stack[stack.length - 1];
      }
    },
  };
}

/**
 * The test a line belongs to: a test declared on it, the test right below a
 * comment/tag block (`// @covers FR-001` above `it(...)`), or the innermost
 * test whose indented body holds the line.
 */
function enclosingTest(lines: readonly string[], tests: readonly TestDecl[], owners: (TestDecl | undefined)[], line: number): TestDecl | undefined {
  const owner = owners[line];
  if (owner?.line === line) return owner;
  if (isPreamble(lines[line] ?? '')) {
    for (let l = line + 1; l < lines.length && l <= line + 12; l++) {
      const below = owners[l];
      // A tag block belongs to the test below only when that test is nested in the block's owner:
      // a comment ending one Python test body is not the preamble of the next, sibling, test.
      if (below?.line === l) return owner === undefined || below.indent > owner.indent ? below : owner;
      if (!isPreamble(lines[l] ?? '')) break;
    }
  }
  return owner;
}

/** `text.split(/\r?\n/)`, faster: most files have no "\r" at all. */
function splitLines(text: string): string[] {
  return text.indexOf('\r') < 0 ? text.split('\n') : text.split(/\r?\n/);
}

export function scanTestFile(text: string, path: string, matcher: ReferenceMatcher): ScannedTestFile {
  const lines = splitLines(text);
  const language = languageOf(path);
  const tests = findTests(lines, language);
  const references: TestReference[] = [];
  let owners: ReturnType<typeof ownersByLine> | undefined;
  const scan = (i: number): void => {
    for (const r of matcher.scanLine(lines[i], i)) {
      owners ??= ownersByLine(lines, tests);
      owners.upTo(i + 12); // enclosingTest looks at most 12 lines below
      references.push({ ...r, test: enclosingTest(lines, tests, owners.owners, i) });
    }
  };
  // Only the lines a whole-text pre-filter picks, when the matcher offers one; they
  // include every line scanLine finds a reference in, so the result is the same.
  const candidates = candidateLines(matcher, text, lines);
  if (candidates) for (const i of candidates) scan(i);
  else for (let i = 0; i < lines.length; i++) scan(i);
  return { language, tests, references };
}
