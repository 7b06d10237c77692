import assert from 'node:assert/strict';
import type { BudgetCheck, PlannedTarget } from '../../../server/src/codify';
import type { CodifyEditResult } from '../../../server/src/features/codifyFeature';
import { ago, learningRow, previewOf, sectionRow, targetRow } from '../../../client/src/commands/codify/present';

const BUDGET: BudgetCheck = {
  linesBefore: 14,
  lines: 15,
  maxLines: 300,
  pushesOverLines: false,
  overLines: false,
  chainBytesBefore: 900,
  chainBytes: 960,
  chainEnd: 'packages/api/AGENTS.md',
  maxChainBytes: 32_768,
  pushesOverChain: false,
  overChain: false,
};

function result(over: Partial<CodifyEditResult> = {}): CodifyEditResult {
  return {
    edit: { documentChanges: [] },
    path: 'packages/api/AGENTS.md',
    uri: 'file:///ws/packages/api/AGENTS.md',
    line: 7,
    lineText: '- Run these tests with node --test, never jest.',
    section: 'Commands',
    budget: BUDGET,
    ...over,
  };
}

const target = (over: Partial<PlannedTarget>): PlannedTarget => ({ path: 'packages/api/AGENTS.md', relation: 'nearest', exists: true, label: '', sections: [], duplicates: [], ...over });

describe('client codify: what the pickers list', () => {
  it('labels targets by path and says what each is', () => {
    assert.deepEqual(targetRow(target({})), { label: 'packages/api/AGENTS.md', description: 'nearest to the active file' });
    assert.deepEqual(targetRow(target({ path: 'AGENTS.md', relation: 'parent' })), { label: 'AGENTS.md', description: 'parent' });
    assert.deepEqual(targetRow(target({ path: 'packages/api/test/AGENTS.md', relation: 'create', exists: false })).description, 'create a nested AGENTS.md in this folder');
    assert.deepEqual(targetRow(target({ path: 'AGENTS.md', relation: 'create', exists: false })).description, 'create AGENTS.md at the workspace root');
    const dup = targetRow(target({ duplicates: [{ path: 'AGENTS.md', line: 13, text: '- x', kind: 'near', similarity: 0.9 }] }));
    assert.equal(dup.detail, 'nearly said in AGENTS.md:14');
  });

  it('marks the best guess (only when it scored) and a section to create', () => {
    assert.deepEqual(sectionRow({ title: 'Testing', level: 2, line: 4, score: 3, create: false }, true), { label: 'Testing', description: 'best guess' });
    assert.deepEqual(sectionRow({ title: 'Learnings', level: 2, line: undefined, score: 0, create: true }, true), { label: 'Learnings', description: 'new section at the end of the file' });
    assert.deepEqual(sectionRow({ title: 'Rules', level: 2, line: 9, score: 2, create: false }, false), { label: 'Rules' });
  });
});

describe('client codify: the preview before anything is written', () => {
  it('shows the line, its place, and one Add button', () => {
    assert.deepEqual(previewOf(result(), undefined, undefined), {
      message: 'Add this line to packages/api/AGENTS.md under "Commands"?',
      detail: 'packages/api/AGENTS.md, line 8:\n- Run these tests with node --test, never jest.',
      buttons: [{ label: 'Add', choice: 'add' }],
      warning: false,
    });
  });

  it('warns when the line takes the file or its chain over the budget, and notes a file already over', () => {
    const over = previewOf(result({ budget: { ...BUDGET, lines: 301, maxLines: 300, pushesOverLines: true, overLines: true, chainEnd: 'packages/api/src/AGENTS.md', chainBytes: 33_000, pushesOverChain: true, overChain: true } }), undefined, undefined);
    assert.equal(over.warning, true);
    assert.deepEqual(over.detail.split('\n').slice(3), [
      'Warning: packages/api/AGENTS.md grows to 301 lines, over the 300-line budget (AGENTS002).',
      'Warning: the AGENTS.md chain ending at packages/api/src/AGENTS.md grows to 33,000 bytes, over the 32,768-byte budget agents read (AGENTS001).',
    ]);
    const already = previewOf(result({ budget: { ...BUDGET, lines: 320, overLines: true } }), undefined, undefined);
    assert.equal(already.warning, false);
    assert.match(already.detail, /Note: packages\/api\/AGENTS\.md is already over the 300-line budget \(320 lines, AGENTS002\)\./);
  });

  it('offers Skip or Add anyway for an exact duplicate', () => {
    const p = previewOf(result(), { path: 'AGENTS.md', line: 13, text: '- Run these tests with node --test, never jest.', kind: 'exact', similarity: 1 }, undefined);
    assert.equal(p.message, 'packages/api/AGENTS.md or a parent already has this learning.');
    assert.deepEqual(p.buttons.map((b) => b.label), ['Skip', 'Add anyway']);
    assert.equal(p.detail.split('\n')[0], 'Already there: AGENTS.md, line 14 says the same:');
    assert.equal(p.warning, true);
  });

  it('offers Skip, Replace or Add anyway for a near duplicate, showing the replacement', () => {
    const dup = { path: 'AGENTS.md', line: 13, text: '- Run these tests with node --test.', kind: 'near' as const, similarity: 0.86 };
    const replace = result({ path: 'AGENTS.md', line: 13, section: 'Testing' });
    const p = previewOf(result(), dup, replace);
    assert.deepEqual(p.buttons, [
      { label: 'Skip', choice: 'skip' },
      { label: 'Replace', choice: 'replace' },
      { label: 'Add anyway', choice: 'add' },
    ]);
    assert.equal(
      p.detail,
      [
        'Nearly the same as AGENTS.md, line 14:',
        '- Run these tests with node --test.',
        '',
        'Add anyway puts it at packages/api/AGENTS.md under "Commands", line 8:',
        '- Run these tests with node --test, never jest.',
        '',
        'Replace changes that line to:',
        '- Run these tests with node --test, never jest.',
      ].join('\n'),
    );
    // Without a replacement (it could not be computed), no Replace button.
    assert.deepEqual(previewOf(result(), dup, undefined).buttons.map((b) => b.label), ['Skip', 'Add anyway']);
  });
});

describe('client codify: the learnings list', () => {
  const now = new Date(2026, 2, 14, 12, 0).getTime();

  it('says how long ago in words, then the date', () => {
    assert.equal(ago(now - 20_000, now), 'just now');
    assert.equal(ago(now - 5 * 60_000, now), '5 min ago');
    assert.equal(ago(now - 3 * 3_600_000, now), '3 h ago');
    assert.equal(ago(now - 30 * 3_600_000, now), 'yesterday');
    assert.equal(ago(new Date(2026, 1, 3, 9).getTime(), now), '2026-02-03');
    assert.equal(ago(now + 60_000, now), 'just now', 'a clock that moved back is not the future');
  });

  it('shows the learning, where it is now, and its provenance', () => {
    const row = learningRow(
      {
        id: 1,
        createdMs: now - 5 * 60_000,
        text: 'Run these tests with node --test, never jest.',
        workspace: '/ws',
        target: 'packages/api/AGENTS.md',
        section: 'Commands',
        line: 7,
        sourceFile: 'packages/api/test/csv.test.ts',
        commitSha: '0123456789abcdef0123456789abcdef01234567',
        requirementId: 'FR-002',
        targetUri: 'file:///ws/packages/api/AGENTS.md',
        currentLine: 9,
        found: true,
      },
      now,
    );
    assert.deepEqual(row, {
      label: 'Run these tests with node --test, never jest.',
      description: 'packages/api/AGENTS.md:10',
      detail: '5 min ago · under "Commands" · from packages/api/test/csv.test.ts · at 0123456 · FR-002',
    });
    const bare = learningRow({ id: 2, createdMs: now, text: 'x', workspace: '/ws', target: 'AGENTS.md', section: '', line: 0, targetUri: '', currentLine: 0, found: false }, now);
    assert.equal(bare.detail, 'just now · no longer in the file');
  });
});
