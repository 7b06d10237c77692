import assert from 'node:assert/strict';
import { codifyEdit, findLearningLine } from '../../../server/src/codify';
import { crlf, md } from '../helpers';

const LIMITS = { maxLines: 300, maxChainBytes: 32_768 };

/** The line the result names, read from the text after the edit. */
function lineOf(text: string, line: number): string {
  return text.split(/\r?\n/)[line];
}

describe('codify: the line a learning lands on (the preview and the record)', () => {
  const files = new Map([
    [
      'AGENTS.md',
      md('# Project', '', '## Commands', '', '- Build: `npm run build`', '', '## Testing', '', '- Unit tests first.', '', '- Keep fixtures small.', '', '## Boundaries', '', 'Never push.'),
    ],
  ]);
  const cases: { name: string; section: { title: string; line: number | undefined }; line: number; text: string }[] = [
    { name: 'the end of a tight list', section: { title: 'Commands', line: 2 }, line: 5, text: '- Run the tests with node --test.' },
    { name: 'a loose list (blank line before it)', section: { title: 'Testing', line: 6 }, line: 12, text: '- Run the tests with node --test.' },
    { name: 'a section with no list', section: { title: 'Boundaries', line: 12 }, line: 16, text: '- Run the tests with node --test.' },
    { name: 'a Learnings section created at the end', section: { title: 'Learnings', line: undefined }, line: 18, text: '- Run the tests with node --test.' },
  ];
  for (const c of cases) {
    it(`inserting into ${c.name}`, () => {
      const r = codifyEdit({ learning: 'Run the tests with node --test.', target: 'AGENTS.md', section: c.section }, files, LIMITS);
      assert.equal(r.line, c.line);
      assert.equal(r.lineText, c.text);
      assert.equal(lineOf(r.edit.text, r.line), c.text);
      assert.equal(r.section, c.section.title, 'the heading the line ends up under');
    });
  }

  it('replacing a bullet (over two lines), and in a new file with CRLF line endings; a line under no heading has no section', () => {
    const wrapped = new Map([['AGENTS.md', md('# P', '', '- Use jest for', '  the API tests.', '- Other.')]]);
    const r = codifyEdit({ learning: 'Use node --test for the API tests.', target: 'AGENTS.md', section: { title: 'P', line: 0 }, replace: { path: 'AGENTS.md', line: 2 } }, wrapped, LIMITS);
    assert.deepEqual([r.line, r.lineText, r.section], [2, '- Use node --test for the API tests.', 'P']);
    const crlfFiles = new Map([['AGENTS.md', crlf(md('# Root', '', '- A rule.'))]]);
    const created = codifyEdit({ learning: 'Learnings', target: 'api/AGENTS.md', section: { title: 'Learnings', line: undefined } }, crlfFiles, LIMITS);
    const bare = codifyEdit({ learning: 'B.', target: 'AGENTS.md', section: { title: 'P', line: 0 }, replace: { path: 'AGENTS.md', line: 0 } }, new Map([['AGENTS.md', md('- A.', '', '# P')]]), LIMITS);
    assert.deepEqual([bare.line, bare.section], [0, '']);
    assert.deepEqual([created.line, created.lineText, created.section], [4, '- Learnings', 'Learnings'], 'the bullet, not the heading with the same word');
  });
});

describe('codify: finding a codified learning again', () => {
  const text = md('# P', '', '- Run the tests with node --test.', '', '## Later', '', '* Run the tests with node --test.', 'Run the tests with node --test.');

  it('finds the bullet holding it, the one nearest where it was written', () => {
    assert.equal(findLearningLine(text, 'Run the tests with node --test.', 0), 2);
    assert.equal(findLearningLine(text, 'Run the tests with node --test.', 9), 6);
    assert.equal(findLearningLine(crlf(text), 'Run the tests with node --test.', 9), 6);
  });

  it('is undefined when no bullet holds it any more (a plain paragraph does not count)', () => {
    assert.equal(findLearningLine(text, 'Run the tests with jest.', 2), undefined);
    assert.equal(findLearningLine(md('Run the tests with node --test.'), 'Run the tests with node --test.', 0), undefined);
  });
});
