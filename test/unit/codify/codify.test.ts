import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codifyEdit, codifyLimits, planCodify } from '../../../server/src/codify';
import { DEFAULT_CONFIG } from '../../../server/src/config';
import { applyEdits, crlf, lintAll, md } from '../helpers';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
const ROOT = 'AGENTS.md';
const API = 'packages/api/AGENTS.md';

/** The AGENTS.md files of the bundled examples/ workspace. */
function exampleFiles(): Map<string, string> {
  return new Map([ROOT, API].map((p) => [p, fs.readFileSync(path.join(EXAMPLES, ...p.split('/')), 'utf8')]));
}

const LIMITS = codifyLimits(DEFAULT_CONFIG);

describe('codify: plan and edit', () => {
  it('plans targets, sections and duplicates for the active file', () => {
    const plan = planCodify('  - Money is integer cents,\n  never floating point.', 'packages/api/src/csv.ts', exampleFiles());
    assert.equal(plan.learning, 'Money is integer cents, never floating point.');
    assert.deepEqual(
      plan.targets.map((t) => [t.path, t.relation, t.sections[0].title, t.duplicates.map((d) => `${d.kind} ${d.path}:${d.line}`)]),
      [
        // "never" is a boundaries word; the API file has no such section, the root has.
        [API, 'nearest', 'Learnings', [`near ${ROOT}:14`, `near ${API}:11`]],
        [ROOT, 'parent', 'Boundaries', [`near ${ROOT}:14`]],
        ['packages/api/src/AGENTS.md', 'create', 'Learnings', [`near ${ROOT}:14`, `near ${API}:11`]],
      ],
    );
  });

  it('plans nothing for an empty learning, and refuses to write one', () => {
    assert.deepEqual(planCodify(' - ', 'x.ts', exampleFiles()), { learning: '', targets: [] });
    assert.throws(() => codifyEdit({ learning: '\n', target: ROOT, section: { title: 'Learnings', line: undefined } }, exampleFiles(), LIMITS), /empty/);
  });

  it('writes under the chosen section of the nearest file, and the result lints as cleanly as before', () => {
    const files = exampleFiles();
    const plan = planCodify('Run the API tests with `npm test` from `packages/api/`.', 'packages/api/src/csv.ts', files);
    const section = plan.targets[0].sections[0];
    assert.equal(section.title, 'Commands');
    const { edit, budget } = codifyEdit({ learning: plan.learning, target: API, section }, files, LIMITS);
    assert.equal(edit.create, false);
    assert.equal(edit.text, files.get(API)!.replace('- Run the API tests: `npm test`\n', '- Run the API tests: `npm test`\n- Run the API tests with `npm test` from `packages/api/`.\n'));
    assert.equal(applyEdits(files.get(API)!, edit.edits), edit.text);
    assert.deepEqual([budget.lines, budget.overLines, budget.overChain, budget.chainEnd], [14, false, false, API]);
    const before = lintAll(Object.fromEntries(files), API).map((f) => f.ruleId);
    const after = lintAll({ ...Object.fromEntries(files), [API]: edit.text }, API).map((f) => f.ruleId);
    assert.deepEqual(after, before);
  });

  it('replaces a near-duplicate in a parent file when asked', () => {
    const files = exampleFiles();
    const plan = planCodify('Money is integer cents, never floating point.', 'packages/api/src/csv.ts', files);
    const dup = plan.targets[0].duplicates.find((d) => d.path === ROOT)!;
    const { edit } = codifyEdit({ learning: plan.learning, target: API, section: plan.targets[0].sections[0], replace: { path: dup.path, line: dup.line } }, files, LIMITS);
    assert.equal(edit.path, ROOT);
    assert.equal(edit.text, files.get(ROOT)!.replace('- Money is integer cents (`number`), never floating point.', '- Money is integer cents, never floating point.'));
  });

  it('creates a nested AGENTS.md in the line endings of the file above it', () => {
    const files = new Map([[ROOT, crlf(md('# Root', '', '- Build: `npm run build`'))]]);
    const plan = planCodify('Routes live in `routes/`.', 'web/routes/index.ts', files);
    const target = plan.targets.find((t) => t.relation === 'create')!;
    assert.equal(target.path, 'web/routes/AGENTS.md');
    const { edit, budget } = codifyEdit({ learning: plan.learning, target: target.path, section: target.sections[0] }, files, LIMITS);
    assert.deepEqual(edit, {
      path: 'web/routes/AGENTS.md',
      create: true,
      edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: crlf(md('# Agent instructions', '', '## Learnings', '', '- Routes live in `routes/`.')) }],
      text: crlf(md('# Agent instructions', '', '## Learnings', '', '- Routes live in `routes/`.')),
    });
    assert.deepEqual([budget.linesBefore, budget.lines, budget.chainEnd], [0, 5, 'web/routes/AGENTS.md']);
    const findings = lintAll({ ...Object.fromEntries(files), [edit.path]: edit.text }, edit.path);
    assert.deepEqual(findings.filter((f) => f.severity === 'error'), []);
  });

  it('says when the line takes the file over its budget', () => {
    const files = new Map([[ROOT, md('# A', '', '- one', '- two')]]);
    const { budget } = codifyEdit({ learning: 'three', target: ROOT, section: { title: 'A', line: 0 } }, files, { maxLines: 4, maxChainBytes: 1000 });
    assert.deepEqual([budget.linesBefore, budget.lines, budget.pushesOverLines], [4, 5, true]);
  });
});
