import assert from 'node:assert/strict';
import { lintOne, md, rangeOf } from '../helpers';

const RULE = 'SPEC008';
const lint = (text: string, config?: Parameters<typeof lintOne>[3]): ReturnType<typeof lintOne> => lintOne(RULE, text, 'SPEC.md', config);

describe('SPEC008 missing section', () => {
  it('reports each missing section on the first heading', () => {
    const found = lint(md('Draft notes', '', '# CSV export', '', '## Requirements', '', '- **FR-001**: A MUST be.'));
    assert.deepEqual(found.map(rangeOf), [
      [2, 0, 2, 12],
      [2, 0, 2, 12],
    ]);
    assert.deepEqual(
      found.map((f) => f.message),
      ['Missing section: Summary / Overview / Context.', 'Missing section: Out of Scope / Non-Goals / Non Goals.'],
    );
    assert.ok(found.every((f) => f.severity === 'information'));
  });

  it('reports on line 0 when the spec has no heading at all', () => {
    const found = lint(md('The system MUST export.'));
    assert.equal(found.length, 3);
    assert.deepEqual(rangeOf(found[0]), [0, 0, 0, 23]);
    assert.equal(found[1].message, 'Missing section: Requirements / Functional Requirements / Acceptance Criteria.');
  });

  it('uses podflow.spec.requiredSections', () => {
    const text = md('# Spec', '', '## Summary');
    const [f, ...rest] = lint(text, { 'spec.requiredSections': ['Summary', 'Risks|Threats'] });
    assert.equal(rest.length, 0);
    assert.equal(f.message, 'Missing section: Risks / Threats.');
  });

  it('does not count a `## Summary` inside a code block', () => {
    const text = md('# Spec', '', '```md', '## Summary', '```', '', '## Requirements', '## Out of scope');
    assert.deepEqual(lint(text).map((f) => f.message), ['Missing section: Summary / Overview / Context.']);
  });

  describe('does not fire', () => {
    it('when each section is there under any accepted title, numbered or in any case', () => {
      const text = md('# Spec', '', '## 1. Overview', '', '## 2) Functional requirements:', '', '### Non-Goals');
      assert.deepEqual(lint(text), []);
      assert.deepEqual(lint(md('# Spec', '## Goals', '## Acceptance Criteria', '## **Out of scope**')), []);
    });

    it('on an empty spec', () => {
      assert.deepEqual(lint(''), []);
      assert.deepEqual(lint('\n\n'), []);
    });

    it('when the rule is off', () => {
      assert.deepEqual(lint(md('# Spec'), { rules: { SPEC008: 'off' } }), []);
    });
  });
});
