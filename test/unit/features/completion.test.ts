import assert from 'node:assert/strict';
import { CompletionItem } from 'vscode-languageserver';
import { completionsAt } from '../../../server/src/features/completion';
import { applyEdits, makeProject, md } from '../helpers';

const SPEC = 'specs/001-export/spec.md';
const OTHER_SPEC = 'specs/002-import/spec.md';
const CURSOR = '¦';

const SPEC_TEXT = md(
  '---', // 0
  'status: draft', // 1
  '---', // 2
  '# Export', // 3
  '', // 4
  '## Requirements', // 5
  '', // 6
  '- **FR-001**: Export MUST write one row per invoice.', // 7
  '- **FR-002**: Export MUST quote fields.', // 8
  '- **FR-006**: Export MUST NOT drop rows.', // 9
  '', // 10
  '## Success criteria', // 11
  '', // 12
  '- **SC-001**: Nine of ten exports SHOULD finish in a minute.', // 13
  '', // 14
  '## Out of scope', // 15
  '', // 16
  '- PDF.', // 17
);

const FILES: Record<string, string> = {
  [SPEC]: SPEC_TEXT,
  [OTHER_SPEC]: md('# Import', '', '- **FR-001**: Import MUST read rows.', '- **FR-002**: Import SHOULD skip blank rows.', '- **FR-010**: Import MUST NOT guess encodings.'),
  'test/export.test.ts': md("it('writes', () => {});"),
};

/** Completions where `¦` stands in `text` (the live text of `path`), with the text each item's edit gives. */
function complete(path: string, text: string, files: Record<string, string> = FILES): { items: CompletionItem[]; results: string[] } {
  const offset = text.indexOf(CURSOR);
  assert.ok(offset >= 0, 'no cursor');
  const live = text.replace(CURSOR, '');
  const lines = text.slice(0, offset).split('\n');
  const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
  const { project } = makeProject(files);
  const items = completionsAt(project, path, live, position);
  const results = items.map((i) => {
    const e = i.textEdit;
    assert.ok(e && 'range' in e, 'every item carries a text edit');
    return applyEdits(live, [e]).split('\n')[position.line];
  });
  return { items, results };
}

/** The spec's text with line `line` replaced by `content` (holding the cursor). */
function specWith(line: number, content: string, insert = false): string {
  const lines = SPEC_TEXT.split('\n');
  lines.splice(line, insert ? 0 : 1, content);
  return lines.join('\n');
}

describe('completion', () => {
  describe('in a spec: the next free requirement id', () => {
    it('after "- **" at the end of a list: the next id of the scheme above, keeping its padding, then the other schemes', () => {
      const { items, results } = complete(SPEC, specWith(10, `- **${CURSOR}`, true));
      assert.deepEqual(
        items.map((i) => [i.label, i.detail, i.preselect]),
        [
          ['FR-007', 'next free id after FR-006', true],
          ['SC-002', 'next free id after SC-001', false],
        ],
      );
      assert.deepEqual(results, ['- **FR-007**: ', '- **SC-002**: ']);
    });

    it('after "- " in a section with ids: the id with the spec\'s decoration', () => {
      assert.deepEqual(complete(SPEC, specWith(10, `- ${CURSOR}`, true)).results, ['- **FR-007**: ', '- **SC-002**: ']);
      assert.deepEqual(complete(SPEC, specWith(14, `- ${CURSOR}`, true)).results, ['- **SC-002**: ', '- **FR-007**: ']);
    });

    it('nothing after "- " where no requirement has an id, nor in code or front matter', () => {
      assert.deepEqual(complete(SPEC, specWith(18, `- ${CURSOR}`, true)).items, []);
      assert.deepEqual(complete(SPEC, specWith(1, `- ${CURSOR}`, true)).items, []);
      assert.deepEqual(complete(SPEC, specWith(16, ['```md', `- **${CURSOR}`, '```'].join('\n'), true)).items, []);
      assert.deepEqual(complete(SPEC, specWith(17, `- PDF, not \`**${CURSOR}\``)).items, []);
    });

    it('after "**FR-" typed anywhere: the id, closing the bold', () => {
      const { results } = complete(SPEC, specWith(17, `- PDF; see **FR-${CURSOR}`));
      assert.deepEqual(results, ['- PDF; see **FR-007**']);
      const partial = complete(SPEC, specWith(10, `- **SC${CURSOR}`, true));
      assert.deepEqual(partial.results, ['- **SC-002**: ']);
      const closed = complete(SPEC, specWith(10, `- **FR-${CURSOR}**: Export MUST zip.`, true));
      assert.deepEqual(closed.results, ['- **FR-007**: Export MUST zip.']);
    });

    it('skips ids already taken and copies other id styles', () => {
      const files = { ...FILES, [SPEC]: md('# S', '', '- [AUTH-3] Login MUST work.', '- [AUTH-4] Logout MUST work.', '', '- **FR-1.1**: Rows MUST load.', '- **FR-1.2**: Rows MUST save.') };
      const text = md('# S', '', '- [AUTH-3] Login MUST work.', `- ${CURSOR}`, '- [AUTH-4] Logout MUST work.', '', '- **FR-1.1**: Rows MUST load.', '- **FR-1.2**: Rows MUST save.');
      assert.deepEqual(complete(SPEC, text, files).results, ['- [AUTH-5] ', '- **FR-1.3**: ']);
    });

    it('offers FR-001 in a spec without ids after "- **", and nothing after a bare "- "', () => {
      const files = { ...FILES, [SPEC]: md('# S', '', '## Requirements', '') };
      assert.deepEqual(complete(SPEC, md('# S', '', '## Requirements', '', `- **${CURSOR}`), files).results, ['- **FR-001**: ']);
      assert.deepEqual(complete(SPEC, md('# S', '', '## Requirements', '', `- ${CURSOR}`), files).items, []);
    });
  });

  describe('in a test file: requirement ids after a covers tag', () => {
    const TEST = 'test/export.test.ts';

    it('after "@covers ": every id, qualified where the bare id is ambiguous, with the requirement as documentation', () => {
      const { items, results } = complete(TEST, `// @covers ${CURSOR}\nit('x', () => {});\n`);
      assert.deepEqual(results, [
        '// @covers FR-006',
        '// @covers SC-001',
        '// @covers FR-010',
        '// @covers 001-export/FR-001',
        '// @covers 001-export/FR-002',
        '// @covers 002-import/FR-001',
        '// @covers 002-import/FR-002',
      ]);
      assert.equal(items[0].detail, `MUST NOT · ${SPEC}:10`);
      assert.deepEqual(items[0].documentation, { kind: 'markdown', value: '**FR-006**: Export MUST NOT drop rows.' });
      assert.deepEqual(items[0].labelDetails, { description: SPEC });
    });

    it('prefers the bare ids of the spec in the test\'s own feature folder', () => {
      const path = 'specs/001-export/tests/export.test.ts';
      const { results } = complete(path, `// @covers FR-0${CURSOR}\n`, { ...FILES, [path]: '' });
      assert.deepEqual(results.slice(0, 3), ['// @covers FR-001', '// @covers FR-002', '// @covers FR-006']);
    });

    it('after "covers:", a second id of a list, a tag list and a pytest marker', () => {
      const first = (path: string, line: string): string | undefined => complete(path, `${line}\n`).results[0];
      assert.equal(first('tests/test_export.py', `    """covers: ${CURSOR}`), '    """covers: FR-006');
      // The editor filters by what was typed; the edit replaces it.
      assert.ok(complete(TEST, ` * @covers FR-006, FR${CURSOR}\n`).results.includes(' * @covers FR-006, FR-010'));
      assert.equal(first(TEST, `// @covers [FR-006, ${CURSOR}`), '// @covers [FR-006, FR-006');
      assert.equal(first(TEST, `test('x', { tag: ['@FR-006', '@${CURSOR}`), "test('x', { tag: ['@FR-006', '@FR-006");
      assert.equal(first('tests/test_export.py', `@pytest.mark.requirement("${CURSOR}`), '@pytest.mark.requirement("FR-006');
    });

    it('nothing elsewhere in a test file', () => {
      assert.deepEqual(complete(TEST, `it('covers ${CURSOR}', () => {});\n`).items, []);
      assert.deepEqual(complete(TEST, `const x = ${CURSOR}\n`).items, []);
      assert.deepEqual(complete(TEST, `// email@covers ${CURSOR}\n`).items, []);
    });
  });

  describe('in an AGENTS.md: section names after "## "', () => {
    const AGENTS = md('# Ledgerly', '', '## Commands', '', '- `npm test`', '', '## 3. Code style', '', '## Tests', '');

    it('offers the common sections the file does not have, in their usual order', () => {
      const { items, results } = complete('AGENTS.md', `${AGENTS}## ${CURSOR}\n`);
      assert.deepEqual(items.map((i) => i.label), ['Project context', 'Boundaries', 'Learnings']);
      assert.deepEqual(results, ['## Project context', '## Boundaries', '## Learnings']);
    });

    it('replaces what was typed, and counts the line being typed as absent', () => {
      assert.deepEqual(complete('AGENTS.md', `${AGENTS}## Le${CURSOR}\n`).results, ['## Project context', '## Boundaries', '## Learnings']);
      assert.deepEqual(complete('AGENTS.md', md('# A', '', `## Testing${CURSOR}`)).items.map((i) => i.label), ['Project context', 'Commands', 'Coding standards', 'Testing', 'Boundaries', 'Learnings']);
    });

    it('nothing after "# " or "### ", in code, or in other files', () => {
      assert.deepEqual(complete('AGENTS.md', `# ${CURSOR}\n`).items, []);
      assert.deepEqual(complete('AGENTS.md', `### ${CURSOR}\n`).items, []);
      assert.deepEqual(complete('AGENTS.md', `\`\`\`sh\n## ${CURSOR}\n\`\`\`\n`).items, []);
      assert.deepEqual(complete('PLANS.md', `## ${CURSOR}\n`).items, []);
      assert.deepEqual(complete('README.md', `## ${CURSOR}\n`).items, []);
    });
  });
});
