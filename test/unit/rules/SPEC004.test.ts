import assert from 'node:assert/strict';
import { Linter } from '../../../server/src/lint/linter';
import { MemoryWorkspace } from '../../../server/src/workspace/memoryWorkspace';
import { DEFAULT_CONFIG } from '../../../server/src/config';
import { crlf, lintOne, md, rangeOf } from '../helpers';

const RULE = 'SPEC004';
const PATH = 'specs/001-export/spec.md';
const lint = (text: string): ReturnType<typeof lintOne> => lintOne(RULE, text, PATH);

describe('SPEC004 duplicate id', () => {
  it('flags the second definition and points back at the first', () => {
    const text = md('## Requirements', '', '- **FR-001**: A MUST be.', '- **FR-002**: B MUST be.', '- **FR-002**: C MUST be.');
    const [f, ...rest] = lint(text);
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [4, 4, 4, 10]);
    assert.equal(f.severity, 'error');
    assert.equal(f.message, 'Duplicate id FR-002: already defined on line 4.');
    assert.deepEqual(f.related?.map((r) => [r.path, rangeOf(r), r.message]), [[PATH, [3, 4, 3, 10], 'first definition of FR-002']]);
  });

  it('flags every repeat, each against the first definition', () => {
    const found = lint(md('FR-1: A MUST be.', '', 'FR-1: B MUST be.', '', '### FR-1: C'));
    assert.deepEqual(found.map(rangeOf), [
      [2, 0, 2, 4],
      [4, 4, 4, 8],
    ]);
    assert.ok(found.every((f) => /already defined on line 1\./.test(f.message)));
  });

  it('flags a repeated tracey marker and a repeated bracketed id', () => {
    const found = lint(md('r[auth.login]', 'Users MUST log in.', '', 'r[auth.login]', 'Users MUST log out.', '', '- [SPEC-01.10] X MUST be.', '- [SPEC-01.10] Y MUST be.'));
    assert.deepEqual(found.map(rangeOf), [
      [3, 2, 3, 12],
      [7, 3, 7, 13],
    ]);
    assert.match(found[0].message, /Duplicate id auth\.login/);
  });

  it('flags ids in requirement table rows', () => {
    const [f] = lint(md('| Id | Requirement |', '|----|----|', '| FR-001 | A MUST be |', '| FR-001 | B MUST be |'));
    assert.deepEqual(rangeOf(f), [3, 2, 3, 8]);
  });

  it('keeps exact columns with CRLF', () => {
    const [f] = lint(crlf(md('- **FR-001**: A MUST be.', '- **FR-001**: B MUST be.')));
    assert.deepEqual(rangeOf(f), [1, 4, 1, 10]);
  });

  describe('does not fire', () => {
    it('on the same id in two different specs (ids are scoped by spec)', () => {
      const a = 'specs/001-export/spec.md';
      const b = 'specs/002-invites/spec.md';
      const linter = new Linter(
        new MemoryWorkspace({ [a]: md('- **FR-001**: Export MUST work.'), [b]: md('- **FR-001**: Invites MUST work.') }),
        DEFAULT_CONFIG,
      );
      assert.deepEqual(linter.lint(a, 'spec').filter((f) => f.ruleId === RULE), []);
      assert.deepEqual(linter.lint(b, 'spec').filter((f) => f.ruleId === RULE), []);
    });

    it('on an id mentioned (not defined) in another requirement', () => {
      assert.deepEqual(lint(md('- **FR-001**: A MUST be.', '- **FR-002**: Unlike FR-001, B MUST be.', '', 'See FR-001 and FR-002.')), []);
    });

    it('on ids repeated in a table of examples', () => {
      const text = md('- **FR-001**: A MUST be.', '', '| Example | Style |', '|---|---|', '| FR-001 | spec-kit |');
      assert.deepEqual(lint(text), []);
    });

    it('on ids in code', () => {
      assert.deepEqual(lint(md('- **FR-001**: A MUST be.', '', '```', 'FR-001: copy', '```')), []);
    });
  });
});
