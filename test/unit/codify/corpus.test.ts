import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codifyEdit, CodifyRequest, planCodify } from '../../../server/src/codify';
import { applyEdits, crlf } from '../helpers';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** Real AGENTS.md files, copied verbatim from public repositories (see its MANIFEST.tsv); it sits beside the repository. */
const CORPUS_A = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'A');
const LIMITS = { maxLines: 300, maxChainBytes: 32768 };

function corpus(name: string): string {
  return fs.readFileSync(path.join(CORPUS_A, name), 'utf8');
}

/** `text` with `inserted` put right after the one occurrence of `anchor`. */
function after(text: string, anchor: string, inserted: string): string {
  const at = text.indexOf(anchor);
  assert.ok(at >= 0 && text.indexOf(anchor, at + 1) < 0, `anchor not unique: ${anchor}`);
  return text.slice(0, at + anchor.length) + inserted + text.slice(at + anchor.length);
}

/** Plans the learning, writes it under the best-guess section of the nearest target, checks edits against text. */
function codifyBest(files: Map<string, string>, activePath: string, learning: string): { title: string; text: string; request: CodifyRequest } {
  const plan = planCodify(learning, activePath, files);
  const target = plan.targets[0];
  const section = target.sections[0];
  const request: CodifyRequest = { learning, target: target.path, section };
  const { edit } = codifyEdit(request, files, LIMITS);
  assert.equal(applyEdits(files.get(target.path) ?? '', edit.edits), edit.text, 'edits and text disagree');
  return { title: section.title, text: edit.text, request };
}

describe('codify: real AGENTS.md files (corpus A)', function () {
  before(function () {
    if (!fs.existsSync(CORPUS_A)) {
      console.log(`    (skipped: no corpus at ${CORPUS_A}; it comes with the shared/ folder beside the repository)`);
      this.skip();
    }
  });

  it('a nested file with upper-case sections: a test lesson goes last under TESTING', () => {
    const original = corpus('cloudflare__workers-sdk__packages__create-cloudflare__AGENTS.md');
    const files = new Map([['packages/create-cloudflare/AGENTS.md', original]]);
    const lesson = 'E2E tests need `pnpm test:e2e` with a built dist/ first';
    const { title, text } = codifyBest(files, 'packages/create-cloudflare/src/cli.ts', lesson);
    assert.equal(title, 'TESTING');
    assert.equal(text, `${original}- ${lesson}\n`);
  });

  it('an all-H1 file: a git lesson goes under "# Git", before the next H1', () => {
    const original = corpus('JoeDupuis__summoncircle__AGENTS.md');
    const lesson = 'Never amend a commit that is already pushed.';
    const { title, text } = codifyBest(new Map([['AGENTS.md', original]]), 'app/models/user.rb', lesson);
    assert.equal(title, 'Git');
    assert.equal(text, after(original, '- If you call git commit do it in a separate call. Never chain git add and git commit.\n', `- ${lesson}\n`));
  });

  it('numbered headings and "*" bullets: the item joins the list with its marker, after a wrapped item', () => {
    const original = corpus('openai__agents.md__AGENTS.md');
    const lesson = 'Follow the eslint naming conventions for React hooks.';
    const { title, text } = codifyBest(new Map([['AGENTS.md', original]]), 'app/page.tsx', lesson);
    assert.equal(title, '3. Coding Conventions');
    assert.equal(text, after(original, '* Co-locate component-specific styles in the same folder as the component when\n  practical.\n', `* ${lesson}\n`));
  });

  it('nothing matches: "## Learnings" goes at the end, after a table, a rule and a paragraph', () => {
    const original = corpus('openai__agents.md__AGENTS.md');
    const lesson = 'The invoice service sleeps on weekends.';
    const { title, text } = codifyBest(new Map([['AGENTS.md', original]]), 'app/page.tsx', lesson);
    assert.equal(title, 'Learnings');
    assert.equal(text, `${original.slice(0, -1)}\n\n## Learnings\n\n- ${lesson}\n`);
  });

  it('a section that ends in a fenced code block: the item goes after the fence; budgets already over stay reported', () => {
    const original = corpus('openai__openai-agents-python__AGENTS.md');
    const files = new Map([['AGENTS.md', original]]);
    const lesson = 'Run `make lint` again after `make format` rewrites files.';
    const plan = planCodify(lesson, 'src/agents/run.py', files);
    const section = plan.targets[0].sections.find((s) => s.title === 'Mandatory local run order')!;
    const { edit, budget } = codifyEdit({ learning: lesson, target: 'AGENTS.md', section }, files, LIMITS);
    assert.equal(edit.text, after(original, 'make tests\n```\n', `\n- ${lesson}\n`));
    assert.ok(edit.text.includes(`make tests\n\`\`\`\n\n- ${lesson}\n\n### Utilities & Tips\n`));
    assert.deepEqual(
      [budget.linesBefore, budget.lines, budget.pushesOverLines, budget.overLines, budget.chainBytesBefore, budget.pushesOverChain, budget.overChain],
      [310, 312, false, true, 34566, false, true],
    );
  });

  it('a long file: a snapshot lesson picks the section naming snapshots over other test sections', () => {
    const files = new Map([['AGENTS.md', corpus('openai__openai-agents-python__AGENTS.md')]]);
    const plan = planCodify('Snapshot tests need `make snapshots-fix` after a schema change', 'src/x.py', files);
    assert.deepEqual(
      plan.targets[0].sections.slice(0, 3).map((s) => s.title),
      ['Snapshot tests', 'Unit tests and type checking', 'Coverage'],
    );
  });

  it('a lower-case agents.md: an exact duplicate is found', () => {
    const files = new Map([['agents.md', corpus('michaelbel__Aliases__agents.md')]]);
    const plan = planCodify('* keep commit messages concise and descriptive', 'app/src/Main.kt', files);
    assert.deepEqual(plan.targets.map((t) => t.path), ['agents.md', 'app/src/AGENTS.md']);
    assert.deepEqual(plan.targets[0].duplicates, [
      { path: 'agents.md', line: 3, text: '- Keep commit messages concise and descriptive.', kind: 'exact', similarity: 1 },
    ]);
  });

  it('an empty AGENTS.md gets "## Learnings"', () => {
    const original = corpus('Fission-AI__OpenSpec__AGENTS.md');
    assert.equal(original, '');
    const { title, text } = codifyBest(new Map([['AGENTS.md', original]]), 'src/cli.ts', 'Keep the CLI output stable.');
    assert.equal(title, 'Learnings');
    assert.equal(text, '## Learnings\n\n- Keep the CLI output stable.\n');
  });

  it('the same file saved with CRLF, and without its final line break', () => {
    const original = corpus('Fission-AI__OpenSpec__test__AGENTS.md');
    const lesson = 'Run one vitest file at a time while a test is flaky.';
    const anchor = '- Run `pnpm run build` before focused CLI tests when implementation changes may leave `dist/` stale.\n';
    const expected = after(original, anchor, `- ${lesson}\n`);
    const lf = codifyBest(new Map([['test/AGENTS.md', original]]), 'test/core/list.test.ts', lesson);
    assert.equal(lf.title, 'Running Tests');
    assert.equal(lf.text, expected);
    const crlfText = codifyBest(new Map([['test/AGENTS.md', crlf(original)]]), 'test/core/list.test.ts', lesson);
    assert.equal(crlfText.text, crlf(expected));
    const samples = corpus('Ulviar__iCLI__samples__AGENTS.md');
    const bare = samples.slice(0, -1);
    const lessonDocs = 'Update the README docs when a scenario changes.';
    const noBreak = codifyBest(new Map([['samples/AGENTS.md', bare]]), 'samples/src/Main.java', lessonDocs);
    assert.equal(noBreak.title, 'Documentation');
    assert.equal(noBreak.text, `${bare}\n- ${lessonDocs}`);
  });
});
