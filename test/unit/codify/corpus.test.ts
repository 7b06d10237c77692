import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codifyEdit, planCodify } from '../../../server/src/codify';
import { applyEdits, crlf } from '../helpers';

/** Real AGENTS.md and CLAUDE.md files from public repositories, kept in the repository (test/corpus/MANIFEST.tsv). */
const REPOS = path.resolve(__dirname, '..', '..', 'corpus', 'repos');
const LIMITS = { maxLines: 300, maxChainBytes: 32768 };

function corpus(file: string): string {
  return fs.readFileSync(path.join(REPOS, file), 'utf8');
}

/** `text` with `inserted` put right after the one occurrence of `anchor`. */
function after(text: string, anchor: string, inserted: string): string {
  const at = text.indexOf(anchor);
  assert.ok(at >= 0 && text.indexOf(anchor, at + 1) < 0, `anchor not unique: ${anchor}`);
  return text.slice(0, at + anchor.length) + inserted + text.slice(at + anchor.length);
}

/** Plans the learning, writes it under the best-guess section of the nearest target, checks edits against text. */
function codifyBest(files: Map<string, string>, activePath: string, learning: string): { target: string; title: string; text: string } {
  const plan = planCodify(learning, activePath, files);
  const target = plan.targets[0];
  const section = target.sections[0];
  const { edit } = codifyEdit({ learning, target: target.path, section }, files, LIMITS);
  assert.equal(applyEdits(files.get(target.path) ?? '', edit.edits), edit.text, 'edits and text disagree');
  return { target: target.path, title: section.title, text: edit.text };
}

describe('codify: real AGENTS.md files (test/corpus)', () => {
  const STOW = 'aigotowork__stow/AGENTS.md';
  const AIIDA = 'aiidateam__aiida-core/AGENTS.md';

  it('sections of one long paragraph each: a test-command lesson goes under the commands section, after its paragraph', () => {
    const original = corpus(STOW);
    const lesson = 'Integration tests need `go test -race ./tests/...` before a release.';
    const { title, text } = codifyBest(new Map([['AGENTS.md', original]]), 'store_test.go', lesson);
    assert.equal(title, 'Build, Test, and Development Commands');
    assert.equal(text, after(original, 'before opening a PR when modifying concurrency, caching, or blob routing.\n', `- ${lesson}\n`));
  });

  it('a prohibition about code changes goes under the best-practices list, as its last item', () => {
    const original = corpus(AIIDA);
    const lesson = "Don't rename public API functions without a deprecation.";
    const { title, text } = codifyBest(new Map([['AGENTS.md', original]]), 'src/aiida/engine/processes/process.py', lesson);
    assert.equal(title, 'Best practices (not enforced)');
    assert.equal(text, after(original, 'the principle of least surprise, and separation of concerns\n', `- ${lesson}\n`));
  });

  it('nothing matches: "## Learnings" goes at the end, after the last paragraph', () => {
    const original = corpus(AIIDA);
    const lesson = 'The invoice service sleeps on weekends.';
    const { title, text } = codifyBest(new Map([['AGENTS.md', original]]), 'src/aiida/x.py', lesson);
    assert.equal(title, 'Learnings');
    assert.equal(text, `${original}\n## Learnings\n\n- ${lesson}\n`);
  });

  it('the same file saved with CRLF keeps CRLF', () => {
    const original = crlf(corpus(AIIDA));
    const lesson = 'The invoice service sleeps on weekends.';
    const { text } = codifyBest(new Map([['AGENTS.md', original]]), 'src/aiida/x.py', lesson);
    assert.equal(text, `${original}\r\n## Learnings\r\n\r\n- ${lesson}\r\n`);
  });

  it('an exact duplicate of a bold-led bullet is found on its line', () => {
    const files = new Map([['AGENTS.md', corpus(AIIDA)]]);
    const bullet = '- **Match existing style**: Follow patterns you see in surrounding code.';
    const plan = planCodify(bullet, 'src/aiida/x.py', files);
    assert.deepEqual(plan.targets[0].duplicates, [{ path: 'AGENTS.md', line: 78, text: bullet, kind: 'exact', similarity: 1 }]);
  });

  it('a CLAUDE.md that only imports AGENTS.md: the lesson goes into AGENTS.md', () => {
    const files = new Map([
      ['CLAUDE.md', corpus('aiidateam__aiida-core/CLAUDE.md')],
      ['AGENTS.md', corpus(AIIDA)],
    ]);
    const { target, title } = codifyBest(files, 'src/aiida/x.py', 'The invoice service sleeps on weekends.');
    assert.equal(target, 'AGENTS.md');
    assert.equal(title, 'Learnings');
  });
});
