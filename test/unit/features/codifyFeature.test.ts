import assert from 'node:assert/strict';
import { agentsFilesOf, codifyEditFor, codifyPlanFor } from '../../../server/src/features/codifyFeature';
import { makeProject, md } from '../helpers';

const FILES = {
  'AGENTS.md': md('# Root', '', '## Testing', '', '- Tests use mocha.'),
  'api/AGENTS.md': md('# API', '', '## Rules', '', '- Validate input with zod.'),
  'api/CLAUDE.md': md('# Claude', '', '- Read AGENTS.md.'),
  'api/src/routes.ts': 'export {};\n',
};
const uriOf = (path: string): string => `file:///ws/${path}`;

describe('codify feature (LSP adapter)', () => {
  it('reads the AGENTS.md files of the project, not other agent files', () => {
    const { project } = makeProject(FILES, { agentsGlobs: ['**/CLAUDE.md'] });
    assert.deepEqual([...agentsFilesOf(project).keys()].sort(), ['AGENTS.md', 'api/AGENTS.md']);
  });

  it('prefers the live text of an open AGENTS.md', () => {
    const { project } = makeProject(FILES);
    const files = agentsFilesOf(project, (p) => (p === 'AGENTS.md' ? '# Live\n' : undefined));
    assert.equal(files.get('AGENTS.md'), '# Live\n');
    assert.equal(files.get('api/AGENTS.md'), FILES['api/AGENTS.md']);
  });

  it('plans for the active file', () => {
    const { project } = makeProject(FILES);
    const plan = codifyPlanFor(project, 'api/src/routes.ts', 'Mock the clock in tests');
    assert.deepEqual(
      plan.targets.map((t) => [t.path, t.sections[0].title]),
      [
        ['api/AGENTS.md', 'Learnings'],
        ['AGENTS.md', 'Testing'],
        ['api/src/AGENTS.md', 'Learnings'],
      ],
    );
  });

  it('answers an edit as a WorkspaceEdit on the file, with its budget', () => {
    const { project } = makeProject(FILES);
    const r = codifyEditFor(project, { learning: 'Mock the clock in tests.', target: 'AGENTS.md', section: { title: 'Testing', line: 2 } }, uriOf);
    assert.deepEqual(r.edit, {
      documentChanges: [
        {
          textDocument: { uri: 'file:///ws/AGENTS.md', version: null },
          edits: [{ range: { start: { line: 4, character: 18 }, end: { line: 4, character: 18 } }, newText: '\n- Mock the clock in tests.' }],
        },
      ],
    });
    assert.deepEqual([r.path, r.uri, r.budget.lines], ['AGENTS.md', 'file:///ws/AGENTS.md', 6]);
  });

  it('creates a new AGENTS.md before writing to it', () => {
    const { project } = makeProject(FILES);
    const r = codifyEditFor(project, { learning: 'Routes are thin.', target: 'api/src/AGENTS.md', section: { title: 'Learnings', line: undefined } }, uriOf);
    const text = md('# Agent instructions', '', '## Learnings', '', '- Routes are thin.');
    assert.deepEqual(r.edit.documentChanges, [
      { kind: 'create', uri: 'file:///ws/api/src/AGENTS.md', options: { ignoreIfExists: true } },
      { textDocument: { uri: 'file:///ws/api/src/AGENTS.md', version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
    ]);
  });

  it('uses the configured budgets', () => {
    const { project } = makeProject(FILES, { 'agents.maxLines': 5 });
    const r = codifyEditFor(project, { learning: 'One more.', target: 'AGENTS.md', section: { title: 'Testing', line: 2 } }, uriOf);
    assert.deepEqual([r.budget.maxLines, r.budget.pushesOverLines], [5, true]);
  });
});
