import assert from 'node:assert/strict';
import { concepts, sectionCandidates } from '../../../server/src/codify';
import { md } from '../helpers';

function titles(text: string | undefined, learning: string): string[] {
  return sectionCandidates(text, learning).map((s) => `${s.create ? '+' : ''}${s.title}${s.score ? ` (${s.score})` : ''}`);
}

const AGENTS = md(
  '# Ledgerly', // 0
  '', // 1
  '## Commands', // 2
  '', // 3
  '- Build: `npm run build`', // 4
  '', // 5
  '## Coding standards', // 6
  '', // 7
  '- No `any`.', // 8
  '', // 9
  '## Testing', // 10
  '', // 11
  '- Tests use node:test.', // 12
  '', // 13
  '## Boundaries', // 14
  '', // 15
  '- Never commit secrets.', // 16
);

describe('codify: section candidates', () => {
  it('puts the section sharing words (with synonyms) with a test-runner lesson first', () => {
    assert.deepEqual(titles(AGENTS, 'Mocha needs --no-config to run one test file'), ['Testing (2)', '+Learnings', 'Ledgerly', 'Commands', 'Coding standards', 'Boundaries']);
    assert.deepEqual(titles(AGENTS.replace('## Testing', '## Tests'), 'Put new fixtures beside the spec they serve'), ['Tests (1)', '+Learnings', 'Ledgerly', 'Commands', 'Coding standards', 'Boundaries']);
  });

  it('ranks by overlap, then sections without sub-sections, then document order, never the title first', () => {
    assert.deepEqual(titles(AGENTS, 'Never run eslint --fix on generated files'), ['Coding standards (1)', 'Boundaries (1)', '+Learnings', 'Ledgerly', 'Commands', 'Testing']);
    assert.deepEqual(titles(AGENTS, 'Lint with eslint and prettier before you commit'), ['Coding standards (3)', '+Learnings', 'Ledgerly', 'Commands', 'Testing', 'Boundaries']);
    const titled = md('# Test guide', '', '## Running tests', '', '- `pnpm test`');
    // The document's title is never the best guess.
    assert.deepEqual(titles(titled, 'Run one test with vitest -t'), ['Running tests (3)', '+Learnings', 'Test guide (3)']);
  });

  it('offers "Learnings" after the best matches, or first when nothing matches', () => {
    assert.deepEqual(titles(AGENTS, 'The invoice numbering restarts every January'), ['+Learnings', 'Ledgerly', 'Commands', 'Coding standards', 'Testing', 'Boundaries']);
  });

  it('offers an existing Learnings section (any level, singular or plural) instead of creating one', () => {
    const text = md('# A', '## Testing', '- x', '### Learning', '- y', '## Other');
    assert.deepEqual(
      sectionCandidates(text, 'a flaky test').map((s) => [s.title, s.line, s.level, s.create]),
      [
        ['Testing', 1, 2, false],
        ['Learning', 3, 3, false],
        ['A', 0, 1, false],
        ['Other', 5, 2, false],
      ],
    );
  });

  it('gives a new Learnings section the level the file uses for sections', () => {
    const allH1 = md('# Project', 'x', '# Commands', '- y');
    assert.deepEqual(sectionCandidates(allH1, 'z').find((s) => s.create), { title: 'Learnings', level: 1, line: undefined, score: 0, create: true });
    assert.deepEqual(sectionCandidates('', 'z'), [{ title: 'Learnings', level: 2, line: undefined, score: 0, create: true }]);
    assert.deepEqual(sectionCandidates(undefined, 'z'), [{ title: 'Learnings', level: 2, line: undefined, score: 0, create: true }]);
  });

  it('ignores "# comments" inside fenced code, and numbering in headings', () => {
    const text = md('## 0) Tooling', '', '```bash', '# Testing the build', 'make test', '```', '', '## 1. Testing');
    assert.deepEqual(titles(text, 'tests need the fixtures folder'), ['1. Testing (2)', '+Learnings', '0) Tooling']);
  });

  it('reads words in any script, dropping stop words and numbers', () => {
    assert.deepEqual(concepts('Use the 2 Tests, and the Fixtures'), ['testing', 'testing']);
    assert.deepEqual(concepts('Pruebas unitarias con Jest'), ['prueba', 'unitaria', 'con', 'testing']);
  });
});
