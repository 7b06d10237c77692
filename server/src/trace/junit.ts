import { XMLParser } from 'fast-xml-parser';

/**
 * JUnit XML test reports, as written by mocha-junit-reporter, jest-junit,
 * vitest, node:test, pytest `--junitxml`, go-junit-report, cargo-nextest,
 * Maven Surefire and Gradle: `<testsuites>` / `<testsuite>` (nested or not)
 * holding `<testcase name classname file time>` with `<failure>`, `<error>` or
 * `<skipped>` children.
 */

export type CaseStatus = 'passed' | 'failed' | 'skipped';

export interface JUnitCase {
  name: string;
  classname: string;
  /** The `file` attribute of the case or of its nearest suite, as written. */
  file: string | undefined;
  /** Names of the enclosing `<testsuite>` elements, outermost first. */
  suites: string[];
  status: CaseStatus;
  /** First line of the failure, error or skip message. */
  message: string | undefined;
  /** When the case ran (ms since the epoch), or undefined when the report does not say. */
  time: number | undefined;
}

export interface JUnitReport {
  path: string;
  /** When the report was written: its file's modification time, else its newest timestamp. */
  time: number | undefined;
  cases: JUnitCase[];
}

/** Reports larger than this are skipped (a message says so). */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

/** A zoned timestamp later than the file's mtime by more than this is not believed. */
const CLOCK_SLACK_MS = 2000;

type XmlNode = Record<string, unknown>;

const ARRAY_TAGS = new Set(['testsuites', 'testsuite', 'testcase', 'failure', 'error', 'skipped']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
  cdataPropName: false,
  textNodeName: '#text',
  isArray: (tag, _path, _leaf, isAttribute) => !isAttribute && ARRAY_TAGS.has(tag),
});

function attr(node: XmlNode, name: string): string | undefined {
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** Child elements with a tag; an empty element (`<skipped/>`) parses as "", kept as `{}`. */
function children(node: XmlNode, tag: string): XmlNode[] {
  const v = node[tag];
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((c) => (c !== null && typeof c === 'object' ? (c as XmlNode) : { '#text': String(c ?? '') }));
}

function firstLine(s: string | undefined): string | undefined {
  const line = s
    ?.split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '');
  if (!line) return undefined;
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * A report's `timestamp`. Zoned ones (`Z`, `+00:00`) are exact; zone-less ones
 * (jest-junit, mocha-junit-reporter, Surefire) are UTC or local time depending
 * on the tool, so they are used only when the file has no modification time.
 */
function timeOf(timestamp: string | undefined, fileTime: number | undefined): number | undefined {
  if (timestamp === undefined || timestamp.trim() === '') return fileTime;
  const s = timestamp.trim();
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/i.test(s);
  const t = Date.parse(zoned ? s : `${s}Z`);
  if (Number.isNaN(t)) return fileTime;
  if (fileTime === undefined) return t;
  return zoned && t <= fileTime + CLOCK_SLACK_MS ? t : fileTime;
}

function statusOf(tc: XmlNode): { status: CaseStatus; message: string | undefined } {
  for (const tag of ['failure', 'error'] as const) {
    const f = children(tc, tag)[0];
    if (f) return { status: 'failed', message: firstLine(attr(f, 'message')) ?? firstLine(f['#text'] as string | undefined) ?? tag };
  }
  const s = children(tc, 'skipped')[0];
  if (s) return { status: 'skipped', message: firstLine(attr(s, 'message')) ?? firstLine(s['#text'] as string | undefined) };
  const st = attr(tc, 'status')?.toLowerCase();
  if (st === 'skipped' || st === 'disabled' || st === 'notrun') return { status: 'skipped', message: undefined };
  if (st === 'failed' || st === 'error') return { status: 'failed', message: undefined };
  return { status: 'passed', message: undefined };
}

/** Parses one JUnit XML report; a malformed or foreign file gives a one-line reason instead. */
export function parseJUnit(text: string, path: string, fileTime: number | undefined): { report: JUnitReport } | { error: string } {
  if (text.trim() === '') return { error: 'an empty file, not a JUnit XML report' };
  if (/<!ENTITY/i.test(text.slice(0, 4096))) return { error: 'declares XML entities, which JUnit reports never do' };
  let doc: unknown;
  try {
    doc = parser.parse(text, true);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /^(.*?)[.:]*:(\d+):(\d+|undefined)$/s.exec(msg);
    const where = m ? ` (line ${m[2]}${m[3] === 'undefined' ? '' : `, column ${m[3]}`})` : '';
    return { error: `not well-formed XML: ${(m ? m[1] : msg).replace(/\s+/g, ' ')}${where}` };
  }
  if (doc === null || typeof doc !== 'object') return { error: 'not a JUnit XML report (empty)' };
  const root = doc as XmlNode;
  const rootTag = Object.keys(root).find((k) => !k.startsWith('@_') && k !== '#text');
  if (rootTag !== 'testsuites' && rootTag !== 'testsuite') {
    return { error: `not a JUnit XML report (root element is <${rootTag ?? 'none'}>, not <testsuites> or <testsuite>)` };
  }
  const cases: JUnitCase[] = [];
  const visitCases = (node: XmlNode, suites: string[], file: string | undefined, timestamp: string | undefined): void => {
    for (const tc of children(node, 'testcase')) {
      const name = attr(tc, 'name');
      if (name === undefined) continue;
      const { status, message } = statusOf(tc);
      cases.push({
        name,
        classname: attr(tc, 'classname') ?? attr(tc, 'class') ?? '',
        file: attr(tc, 'file') ?? file,
        suites,
        status,
        message,
        time: timeOf(attr(tc, 'timestamp') ?? timestamp, fileTime),
      });
    }
  };
  const visitSuite = (suite: XmlNode, parents: string[], file: string | undefined, timestamp: string | undefined, depth: number): void => {
    if (depth > 64) return; // absurd nesting: stop rather than blow the stack
    const name = attr(suite, 'name');
    const suites = name !== undefined && name !== '' ? [...parents, name] : parents;
    const f = attr(suite, 'file') ?? attr(suite, 'filepath') ?? file;
    const ts = attr(suite, 'timestamp') ?? timestamp;
    visitCases(suite, suites, f, ts);
    for (const child of children(suite, 'testsuite')) visitSuite(child, suites, f, ts, depth + 1);
  };
  for (const top of children(root, rootTag)) {
    if (rootTag === 'testsuite') {
      visitSuite(top, [], undefined, undefined, 0);
    } else {
      // <testsuites> holds suites, and (node:test) cases of top-level tests directly.
      const ts = attr(top, 'timestamp');
      visitCases(top, [], undefined, ts);
      for (const s of children(top, 'testsuite')) visitSuite(s, [], undefined, ts, 0);
    }
  }
  let time = fileTime;
  if (time === undefined) for (const c of cases) if (c.time !== undefined && (time === undefined || c.time > time)) time = c.time;
  return { report: { path, time, cases } };
}
