import assert from 'node:assert/strict';
import { lintOne, md, rangeOf } from '../helpers';

const RULE = 'PLANS001';
const lint = (text: string, config?: Parameters<typeof lintOne>[3]): ReturnType<typeof lintOne> => lintOne(RULE, text, 'PLANS.md', config);

const FULL = md(
  '# ExecPlan: CSV export',
  '',
  '## Progress',
  '## Surprises & Discoveries',
  '## Decision Log',
  '## Outcomes & Retrospective',
  '## Validation and Acceptance',
);

describe('PLANS001 missing living section', () => {
  it('reports each missing living section on the first heading, by its first name', () => {
    const found = lint(md('Notes', '', '# ExecPlan: CSV export', '', '## Progress', '', '- [ ] a', '', '## Decision Log'));
    assert.deepEqual(
      found.map((f) => [rangeOf(f), f.severity, f.message]),
      [
        [[2, 0, 2, 22], 'warning', 'ExecPlan is missing the living section "Surprises & Discoveries".'],
        [[2, 0, 2, 22], 'warning', 'ExecPlan is missing the living section "Outcomes & Retrospective".'],
        [[2, 0, 2, 22], 'warning', 'ExecPlan is missing the living section "Validation and Acceptance".'],
      ],
    );
  });

  it('reports on line 0 when there is no heading', () => {
    const found = lint(md('just some notes'));
    assert.equal(found.length, 5);
    assert.deepEqual(rangeOf(found[0]), [0, 0, 0, 15]);
    assert.equal(found[0].message, 'ExecPlan is missing the living section "Progress".');
  });

  it('uses podflow.plans.livingSections', () => {
    const [f, ...rest] = lint(FULL, { 'plans.livingSections': ['Progress', 'Risks'] });
    assert.equal(rest.length, 0);
    assert.equal(f.message, 'ExecPlan is missing the living section "Risks".');
  });

  describe('does not fire', () => {
    it('when every section is there', () => {
      assert.deepEqual(lint(FULL), []);
    });

    it('on the alternative titles, numbered, in any case and level', () => {
      const text = md('# Plan', '### 1. progress', '### 2. Surprises and Discoveries', '#### Decision log:', '## Outcomes and Retrospective', '## Validation & Acceptance');
      assert.deepEqual(lint(text), []);
    });

    it('on an empty plan', () => {
      assert.deepEqual(lint(''), []);
    });
  });
});
