import assert from 'node:assert/strict';
import { applyEdits, applyFix, crlf, lintOne, md, rangeOf } from '../helpers';

const RULE = 'SPEC003';
const PATH = 'specs/001-export/spec.md';
const lint = (text: string): ReturnType<typeof lintOne> => lintOne(RULE, text, PATH);

describe('SPEC003 missing id', () => {
  it('assigns the next free spec-kit id, written like its neighbours (**FR-007**: )', () => {
    const before = [
      '## Requirements',
      '',
      '- **FR-001**: The system MUST export every invoice.',
      '- **FR-002**: The export MUST quote fields.',
      '- **FR-003**: The export MUST finish in 10 s.',
      '- **FR-004**: Amounts MUST be in cents.',
      '- **FR-005**: The export SHOULD include a header row.',
      '- **FR-006**: File names MUST follow `ledgerly-YYYY-MM.csv`.',
    ];
    const text = md(...before, '- The system MUST refuse a month with no closed invoices.');
    const [f, ...rest] = lint(text);
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [8, 13, 8, 17]);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /Requirement has no id; FR-007 is the next free one/);
    assert.equal(f.fix?.title, 'Assign id FR-007');
    assert.equal(applyFix(text, f), md(...before, '- **FR-007**: The system MUST refuse a month with no closed invoices.'));
  });

  it('keeps a bracketed dotted style ([SPEC-01.11] )', () => {
    const text = md('## Parser', '', '- [SPEC-01.10] The parser MUST accept UTF-8.', '- The parser MUST reject NUL bytes.');
    const [f] = lint(text);
    assert.deepEqual(rangeOf(f), [3, 13, 3, 17]);
    assert.match(f.message, /SPEC-01\.11 is the next free one/);
    assert.equal(applyFix(text, f), md('## Parser', '', '- [SPEC-01.10] The parser MUST accept UTF-8.', '- [SPEC-01.11] The parser MUST reject NUL bytes.'));
  });

  it('puts the id after a task box and keeps an acceptance-criterion style ([SPEC-01.AC2])', () => {
    const text = md('- [ ] [SPEC-01.AC1] The parser MUST stream.', '- [x] The parser MUST stop at EOF.');
    const [f] = lint(text);
    assert.deepEqual(rangeOf(f), [1, 17, 1, 21]);
    assert.equal(applyFix(text, f), md('- [ ] [SPEC-01.AC1] The parser MUST stream.', '- [x] [SPEC-01.AC2] The parser MUST stop at EOF.'));
  });

  it('keeps a plain "FR-1.1: " paragraph style', () => {
    const text = md('FR-1.1: Users MUST sign in.', '', 'Users MUST sign out.');
    const [f] = lint(text);
    assert.deepEqual(rangeOf(f), [2, 6, 2, 10]);
    assert.equal(applyFix(text, f), md('FR-1.1: Users MUST sign in.', '', 'FR-1.2: Users MUST sign out.'));
  });

  it('gives successive missing ids successive numbers, and all fixes apply together', () => {
    const text = md('- **FR-001**: A MUST be.', '- B MUST be.', '- C SHALL be.', '- **FR-002**: D MUST be.');
    const found = lint(text);
    assert.deepEqual(found.map((f) => f.message.match(/FR-\d+/)?.[0]), ['FR-003', 'FR-004']);
    assert.deepEqual(found.map(rangeOf), [
      [1, 4, 1, 8],
      [2, 4, 2, 9],
    ]);
    assert.equal(
      applyEdits(text, found.flatMap((f) => f.fix?.edits ?? [])),
      md('- **FR-001**: A MUST be.', '- **FR-003**: B MUST be.', '- **FR-004**: C SHALL be.', '- **FR-002**: D MUST be.'),
    );
  });

  it('does not hand out an id that a requirement already carries in bold later in its text', () => {
    const text = md('- **FR-001**: A MUST be.', '- B MUST be (see **FR-002**).', '- C MUST be.');
    const [f, ...rest] = lint(text);
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [2, 4, 2, 8]);
    assert.match(f.message, /FR-003 is the next free one/);
  });

  it('takes the style of the nearest id above (SC- after FR-)', () => {
    const text = md('- **FR-001**: A MUST be.', '', '## Success criteria', '', '- **SC-001**: 95% of exports MUST finish in 5 s.', '- Errors MUST be shown within 1 s.');
    const [f] = lint(text);
    assert.match(f.message, /SC-002/);
    assert.equal(f.fix?.edits[0].newText, '**SC-002**: ');
  });

  it('uses the first id of the spec when the requirement comes before every id', () => {
    const text = md('The tool MUST run offline.', '', '- **FR-001**: A MUST be.');
    const [f] = lint(text);
    assert.deepEqual(rangeOf(f), [0, 9, 0, 13]);
    assert.equal(applyFix(text, f), md('**FR-002**: The tool MUST run offline.', '', '- **FR-001**: A MUST be.'));
  });

  it('keeps CRLF line ends and exact columns', () => {
    const text = crlf(md('- **FR-001**: A MUST be.', '- B MUST be.'));
    const [f] = lint(text);
    assert.deepEqual(rangeOf(f), [1, 4, 1, 8]);
    assert.equal(applyFix(text, f), crlf(md('- **FR-001**: A MUST be.', '- **FR-002**: B MUST be.')));
  });

  describe('does not fire', () => {
    it('on an OpenSpec-style spec without ids', () => {
      const text = md(
        '## Requirements',
        '',
        '### Requirement: Command Execution',
        '',
        'The CLI SHALL list all changes.',
        '',
        '#### Scenario: no changes',
        '',
        '- **WHEN** there are no changes',
        '- **THEN** the CLI SHALL print "No changes"',
      );
      assert.deepEqual(lint(text), []);
    });

    it('on a Kiro spec whose criteria have implicit ids', () => {
      const text = md('### Requirement 5: Export', '', '#### Acceptance Criteria', '', '1. WHEN the user exports, THE Exporter SHALL write a file.');
      assert.deepEqual(lint(text), []);
    });

    it('on SHOULD and MAY requirements', () => {
      assert.deepEqual(lint(md('- **FR-001**: A MUST be.', '- B SHOULD be.', '- C MAY be.')), []);
    });

    it('on a requirement under a heading that carries the id', () => {
      assert.deepEqual(lint(md('- **FR-001**: A MUST be.', '', '### FR-002: Sign in', '', 'Users MUST sign in.')), []);
    });

    it('on a sub-bullet that inherits its parent id', () => {
      assert.deepEqual(lint(md('- **FR-001**: The import MUST accept:', '  - files that MUST be UTF-8')), []);
    });

    it('when the only ids are in a table of examples', () => {
      const text = md('| Example | Style |', '|---|---|', '| FR-001 | spec-kit |', '', 'The tool MUST run offline.');
      assert.deepEqual(lint(text), []);
    });

    it('on a heading with a keyword, or a keyword in code', () => {
      assert.deepEqual(lint(md('- **FR-001**: A MUST be.', '', '## What MUST hold', '', 'Run `it MUST` here.')), []);
    });
  });

  it('takes a list style, not a table cell, when the nearest id sits in a requirements table', () => {
    const text = md(
      '- **FR-001**: The system MUST log in.',
      '',
      '| Id | Requirement |',
      '|---|---|',
      '| FR-002 | The system MUST log out. |',
      '',
      '- The system MUST lock the account after five failures.',
    );
    const [f] = lint(text);
    assert.equal(f.fix?.title, 'Assign id FR-003');
    assert.equal(applyFix(text, f).split('\n')[6], '- **FR-003**: The system MUST lock the account after five failures.');
  });
});
