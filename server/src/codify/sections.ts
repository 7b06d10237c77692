import { Heading, parseMarkdown } from '../documents/markdown';
import { headingTitle } from '../rules/util';
import type { SectionCandidate } from './types';

export const LEARNINGS_TITLE = 'Learnings';

/** Titles that already are the place for learnings. */
const LEARNINGS_HEADING = /^(?:learnings?|lessons(?: learned| learnt)?)$/i;

/**
 * Words that mean the same thing in an AGENTS.md, grouped by topic: a lesson
 * about a test runner names "mocha" or "fixtures", its section says "Testing".
 * A word belongs to one group only.
 */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  testing: [
    'test', 'tests', 'testing', 'tested', 'unit', 'e2e', 'integration', 'mocha', 'jest', 'vitest', 'pytest', 'unittest',
    'junit', 'rspec', 'minitest', 'playwright', 'cypress', 'fixture', 'fixtures', 'assert', 'assertion', 'assertions',
    'coverage', 'mock', 'mocks', 'mocking', 'stub', 'stubs', 'snapshot', 'snapshots', 'tdd', 'flaky', 'qa', 'suite', 'suites',
  ],
  commands: [
    'command', 'commands', 'build', 'builds', 'building', 'script', 'scripts', 'npm', 'npx', 'pnpm', 'yarn', 'bun', 'make',
    'makefile', 'cargo', 'gradle', 'gradlew', 'mvn', 'maven', 'install', 'installing', 'setup', 'cli', 'tooling', 'tool',
    'tools', 'compile', 'compiling', 'dev', 'workflow', 'workflows', 'ci',
  ],
  style: [
    'style', 'styles', 'convention', 'conventions', 'coding', 'standard', 'standards', 'lint', 'linter', 'linting', 'format',
    'formatting', 'formatter', 'eslint', 'prettier', 'ruff', 'black', 'ktlint', 'rubocop', 'naming', 'types', 'typing',
    'typescript', 'idiom', 'idioms', 'guidelines', 'practices',
  ],
  boundaries: [
    'boundary', 'boundaries', 'never', 'not', 'avoid', 'forbidden', 'dont', 'don\'t', 'security', 'secret', 'secrets',
    'danger', 'dangerous', 'restriction', 'restrictions', 'guardrail', 'guardrails', 'prohibited', 'safety', 'permissions',
    'credentials', 'password', 'passwords', 'token', 'tokens',
  ],
  git: ['git', 'commit', 'commits', 'pr', 'prs', 'pull', 'branch', 'branches', 'merge', 'rebase', 'changelog', 'release', 'releases', 'review', 'reviews'],
  structure: [
    'structure', 'layout', 'architecture', 'folder', 'folders', 'directory', 'directories', 'map', 'module', 'modules',
    'overview', 'organisation', 'organization', 'tree', 'monorepo',
  ],
  docs: ['doc', 'docs', 'documentation', 'readme', 'comment', 'comments', 'docstring', 'docstrings', 'jsdoc'],
  dependencies: ['dependency', 'dependencies', 'deps', 'package', 'packages', 'lockfile', 'library', 'libraries', 'upgrade', 'upgrades', 'version', 'versions'],
  learnings: ['learning', 'learnings', 'lesson', 'lessons', 'gotcha', 'gotchas', 'pitfall', 'pitfalls', 'notes', 'tips'],
};

const CONCEPT = new Map<string, string>();
for (const [concept, words] of Object.entries(SYNONYMS)) for (const w of words) CONCEPT.set(w, concept);

// Words too common to say what a lesson or section is about.
const STOP = new Set(
  'a an and are as at be by can do does for from has have how i if in into is it its of on or our so than that the their them then there these this to use used uses using was we when where which while who will with you your always should must may all any each every more most only also just via per about after before run runs running file files'.split(
    ' ',
  ),
);

/** A word with a plural "s" dropped ("tests" -> "test", not "class"). */
function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

interface Term {
  stem: string;
  /** Its topic (synonym group), else the stem. */
  concept: string;
}

/** The words of a text that say what it is about, in order (repeats kept: a lesson naming tests twice is about tests). */
function terms(text: string): Term[] {
  const out: Term[] = [];
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}']+/u)) {
    const word = w.replace(/^'+|'+$/g, '');
    if (word === '' || STOP.has(word) || /^\d+$/.test(word)) continue;
    const s = stem(word);
    out.push({ stem: s, concept: CONCEPT.get(word) ?? CONCEPT.get(s) ?? s });
  }
  return out;
}

/** Topics of the words of a text: synonym groups ("testing") or the words themselves. */
export function concepts(text: string): string[] {
  return terms(text).map((t) => t.concept);
}

/**
 * How well a heading fits a learning: each word of the learning scores 2 when
 * the heading has the same word, 1 when it has a word of the same topic.
 */
export function sectionScore(learning: string, headingText: string): number {
  return score(terms(learning), headingText);
}

function score(learning: readonly Term[], headingText: string): number {
  const heading = terms(headingTitle(headingText));
  const stems = new Set(heading.map((t) => t.stem));
  const topics = new Set(heading.map((t) => t.concept));
  return learning.reduce((n, t) => n + (stems.has(t.stem) ? 2 : topics.has(t.concept) ? 1 : 0), 0);
}

export function isLearningsHeading(text: string): boolean {
  return LEARNINGS_HEADING.test(headingTitle(text));
}

/**
 * Level for a new "Learnings" heading: H1 in a file whose sections are all H1
 * (two or more H1s), else H2.
 */
export function learningsLevel(headings: readonly Heading[]): number {
  return headings.filter((h) => h.level === 1).length >= 2 ? 1 : 2;
}

/**
 * The sections of an AGENTS.md a learning can go under, best guess first: the
 * headings whose words (the same, or synonyms) overlap the learning most, ties to a
 * heading without sub-headings, then in document order (never the document's
 * title: a lone H1 with sections below it); then "Learnings" (an existing one, or one to create at the
 * end of the file); then the other headings in document order. `text` undefined
 * (a file to create) offers "Learnings" only.
 */
export function sectionCandidates(text: string | undefined, learning: string): SectionCandidate[] {
  if (text === undefined) return [{ title: LEARNINGS_TITLE, level: 2, line: undefined, score: 0, create: true }];
  const { headings } = parseMarkdown(text);
  const wanted = terms(learning);
  const scored = headings.map((h, order) => ({ h, order, score: score(wanted, h.text) }));
  // The document's title names the project, not a topic: it is never the best guess.
  const h1s = headings.filter((h) => h.level === 1);
  const title = h1s.length === 1 && h1s[0].children.length > 0 ? h1s[0] : undefined;
  // Ties go to a section without sub-sections, then to the first.
  const best = scored
    .filter((s) => s.score > 0 && s.h !== title && !isLearningsHeading(s.h.text))
    .sort((a, b) => b.score - a.score || Number(a.h.children.length > 0) - Number(b.h.children.length > 0) || a.order - b.order);
  const learnings = scored.filter((s) => isLearningsHeading(s.h.text));
  const rest = scored.filter((s) => !best.includes(s) && !learnings.includes(s));
  const toCandidate = (s: (typeof scored)[number]): SectionCandidate => ({ title: s.h.text, level: s.h.level, line: s.h.line, score: s.score, create: false });
  const out = [...best, ...learnings].map(toCandidate);
  if (learnings.length === 0) out.push({ title: LEARNINGS_TITLE, level: learningsLevel(headings), line: undefined, score: 0, create: true });
  return [...out, ...rest.map(toCandidate)];
}
