import assert from 'node:assert/strict';
import { insertLearning, newAgentsFile, replaceWithLearning } from '../../../server/src/codify';
import { applyEdits, crlf, md } from '../helpers';

const LESSON = 'Run `npm run build` before the protocol tests.';

/** Inserts the lesson and checks that the edits, applied to the text, give the returned text. */
function insert(text: string, title: string, line: number | undefined, learning = LESSON): string {
  const r = insertLearning(text, { title, line }, learning);
  assert.equal(applyEdits(text, r.edits), r.text, 'edits and text disagree');
  return r.text;
}

describe('codify: the text edit', () => {
  const base = md(
    '# Project', // 0
    '', // 1
    'Intro.', // 2
    '', // 3
    '## Commands', // 4
    '', // 5
    '- Build: `npm run build`', // 6
    '- Test: `npm test`', // 7
    '', // 8
    '## Testing', // 9
    '', // 10
    '- Tests live in `test/`.', // 11
  );

  it('adds the learning as the last item of the section, before the next heading', () => {
    const r = insertLearning(base, { title: 'Commands', line: 4 }, LESSON);
    assert.deepEqual(r.edits, [{ range: { start: { line: 7, character: 18 }, end: { line: 7, character: 18 } }, newText: `\n- ${LESSON}` }]);
    assert.equal(
      r.text,
      md('# Project', '', 'Intro.', '', '## Commands', '', '- Build: `npm run build`', '- Test: `npm test`', `- ${LESSON}`, '', '## Testing', '', '- Tests live in `test/`.'),
    );
  });

  it('adds to the last section of the file, keeping its final line break', () => {
    assert.equal(insert(base, 'Testing', 9), `${base}- ${LESSON}\n`);
  });

  it('keeps CRLF line endings', () => {
    const text = crlf(base);
    const out = insert(text, 'Commands', 4);
    assert.equal(out, crlf(md('# Project', '', 'Intro.', '', '## Commands', '', '- Build: `npm run build`', '- Test: `npm test`', `- ${LESSON}`, '', '## Testing', '', '- Tests live in `test/`.')));
    assert.ok(!/[^\r]\n/.test(out), 'a bare LF crept in');
  });

  it('keeps a file without a final line break without one', () => {
    const text = '# A\n\n- one\n- two';
    assert.equal(insert(text, 'A', 0), `# A\n\n- one\n- two\n- ${LESSON}`);
    assert.equal(insert('# A\r\n\r\n- one\r\n- two', 'A', 0), `# A\r\n\r\n- one\r\n- two\r\n- ${LESSON}`);
  });

  it('creates "## Learnings" at the end of a file without headings', () => {
    const text = md('Read CLAUDE.md before you start.', '', '- Keep commits small.');
    assert.equal(insert(text, 'Learnings', undefined), md('Read CLAUDE.md before you start.', '', '- Keep commits small.', '', '## Learnings', '', `- ${LESSON}`));
    assert.equal(insert('Plain text, no final break', 'Learnings', undefined), `Plain text, no final break\n\n## Learnings\n\n- ${LESSON}`);
  });

  it('creates "## Learnings" after trailing blank lines without adding more', () => {
    assert.equal(insert('# A\n\n- one\n\n\n', 'Learnings', undefined), `# A\n\n- one\n\n## Learnings\n\n- ${LESSON}\n\n\n`);
  });

  it('writes "## Learnings" into an empty file', () => {
    const r = insertLearning('', { title: 'Learnings', line: undefined }, LESSON);
    assert.deepEqual(r.edits, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `## Learnings\n\n- ${LESSON}\n` }]);
    assert.equal(r.text, `## Learnings\n\n- ${LESSON}\n`);
  });

  it('creates "# Learnings" in a file whose sections are all H1', () => {
    const text = md('# Project', 'A rails app.', '', '# Commands', '- Run `bin/rails t`');
    assert.equal(insert(text, 'Learnings', undefined), md('# Project', 'A rails app.', '', '# Commands', '- Run `bin/rails t`', '', '# Learnings', '', `- ${LESSON}`));
  });

  it('uses an existing Learnings section when asked to create one', () => {
    const text = md('# A', '', '## Learnings', '', '- Old lesson.', '', '## Later', '', 'x');
    assert.equal(insert(text, 'Learnings', undefined), md('# A', '', '## Learnings', '', '- Old lesson.', `- ${LESSON}`, '', '## Later', '', 'x'));
  });

  it('puts the item in the section itself, before its first sub-section (mixed heading levels)', () => {
    const text = md(
      '# Guide', // 0
      '## Testing', // 1
      '- Use mocha.', // 2
      '### Fixtures', // 3
      '- Fixtures live in `test/fixtures`.', // 4
      '#### Deep', // 5
      'Deep text.', // 6
      '## Boundaries', // 7
      '- Never push to main.', // 8
    );
    assert.equal(
      insert(text, 'Testing', 1),
      md('# Guide', '## Testing', '- Use mocha.', `- ${LESSON}`, '### Fixtures', '- Fixtures live in `test/fixtures`.', '#### Deep', 'Deep text.', '## Boundaries', '- Never push to main.'),
    );
    assert.equal(
      insert(text, 'Fixtures', 3),
      md('# Guide', '## Testing', '- Use mocha.', '### Fixtures', '- Fixtures live in `test/fixtures`.', `- ${LESSON}`, '#### Deep', 'Deep text.', '## Boundaries', '- Never push to main.'),
    );
    assert.equal(
      insert(text, 'Deep', 5),
      md('# Guide', '## Testing', '- Use mocha.', '### Fixtures', '- Fixtures live in `test/fixtures`.', '#### Deep', 'Deep text.', '', `- ${LESSON}`, '', '## Boundaries', '- Never push to main.'),
    );
  });

  it('goes after a fenced code block that ends the section, never inside it', () => {
    const text = md('## Commands', '', '- Build with:', '', '```sh', '# not a heading', 'npm run build', '```', '', '## Next', '', 'x');
    assert.equal(insert(text, 'Commands', 0), md('## Commands', '', '- Build with:', '', '```sh', '# not a heading', 'npm run build', '```', '', `- ${LESSON}`, '', '## Next', '', 'x'));
  });

  it('goes after a fenced code block inside the last list item, joining that list', () => {
    const text = md('## Commands', '', '- Build:', '', '  ```sh', '  npm run build', '  ```', '## Next');
    assert.equal(insert(text, 'Commands', 0), md('## Commands', '', '- Build:', '', '  ```sh', '  npm run build', '  ```', `- ${LESSON}`, '## Next'));
  });

  it('goes before a fence that never closes', () => {
    const text = md('## Commands', '', '- Build it.', '', '```sh', 'npm run build', '## swallowed by the fence');
    assert.equal(insert(text, 'Commands', 0), md('## Commands', '', '- Build it.', `- ${LESSON}`, '', '```sh', 'npm run build', '## swallowed by the fence'));
  });

  it('starts a list after a paragraph or a table, with blank lines around it', () => {
    const para = md('## Testing', 'Tests run in CI.', '## Next');
    assert.equal(insert(para, 'Testing', 0), md('## Testing', 'Tests run in CI.', '', `- ${LESSON}`, '', '## Next'));
    const table = md('## Commands', '', '| cmd | what |', '| --- | --- |', '| `npm test` | tests |', '', '## Next');
    assert.equal(insert(table, 'Commands', 0), md('## Commands', '', '| cmd | what |', '| --- | --- |', '| `npm test` | tests |', '', `- ${LESSON}`, '', '## Next'));
  });

  it('starts a list after an ordered list', () => {
    const text = md('## Steps', '', '1. Update the lockfile.', '2. Restart the server.', '', '## Next');
    assert.equal(insert(text, 'Steps', 0), md('## Steps', '', '1. Update the lockfile.', '2. Restart the server.', '', `- ${LESSON}`, '', '## Next'));
  });

  it('fills an empty section', () => {
    assert.equal(insert(md('## Empty', '## Next'), 'Empty', 0), md('## Empty', '', `- ${LESSON}`, '', '## Next'));
    assert.equal(insert(md('## Empty', '', '## Next'), 'Empty', 0), md('## Empty', '', `- ${LESSON}`, '', '## Next'));
    assert.equal(insert('## Last', 'Last', 0), `## Last\n\n- ${LESSON}`);
  });

  it('copies the marker and indentation of the list it joins, after nested items', () => {
    const text = md('## Style', '', '* Prefer TypeScript.', '* Co-locate styles', '  * with components.', '', '## Next');
    assert.equal(insert(text, 'Style', 0), md('## Style', '', '* Prefer TypeScript.', '* Co-locate styles', '  * with components.', `* ${LESSON}`, '', '## Next'));
  });

  it('keeps a loose list loose', () => {
    const text = md('## Rules', '', '- One.', '', '- Two.', '', '## Next');
    assert.equal(insert(text, 'Rules', 0), md('## Rules', '', '- One.', '', '- Two.', '', `- ${LESSON}`, '', '## Next'));
  });

  it('handles a setext heading', () => {
    const text = md('Commands', '--------', '', '- `npm test`', '', 'Other', '-----', '', 'x');
    assert.equal(insert(text, 'Commands', 0), md('Commands', '--------', '', '- `npm test`', `- ${LESSON}`, '', 'Other', '-----', '', 'x'));
  });

  it('finds the section by title when its line moved, and refuses a section that is gone', () => {
    assert.equal(insert(base, 'Testing', 4), `${base}- ${LESSON}\n`);
    assert.throws(() => insertLearning(base, { title: 'Gone', line: 4 }, LESSON), /No section "Gone"/);
  });

  it('replaces a near-duplicate bullet, keeping its marker, and a bullet spanning lines whole', () => {
    const text = crlf(md('# A', '', '- [ ] Run the tests befor pushing.', '* Keep the changelog', '  up to date.', '- Last.'));
    const r = replaceWithLearning(text, 2, 'Run the tests before pushing.');
    assert.deepEqual(r.edits, [{ range: { start: { line: 2, character: 6 }, end: { line: 2, character: 34 } }, newText: 'Run the tests before pushing.' }]);
    assert.equal(r.text, crlf(md('# A', '', '- [ ] Run the tests before pushing.', '* Keep the changelog', '  up to date.', '- Last.')));
    assert.equal(applyEdits(text, r.edits), r.text);
    const multi = replaceWithLearning(text, 3, 'Keep CHANGELOG.md current.');
    assert.equal(multi.text, crlf(md('# A', '', '- [ ] Run the tests befor pushing.', '* Keep CHANGELOG.md current.', '- Last.')));
    assert.equal(applyEdits(text, multi.edits), multi.text);
    assert.throws(() => replaceWithLearning(text, 0, 'x'), /not a list item/);
  });

  it('writes a brand-new AGENTS.md as a minimal skeleton, in the line ending asked for', () => {
    const r = newAgentsFile(LESSON);
    assert.equal(r.text, `# Agent instructions\n\n## Learnings\n\n- ${LESSON}\n`);
    assert.deepEqual(r.edits, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: r.text }]);
    assert.equal(newAgentsFile(LESSON, '\r\n').text, crlf(r.text));
  });
});
