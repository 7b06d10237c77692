import assert from 'node:assert/strict';
import { compileIdPattern, DEFAULT_ID_PATTERN } from '../../../server/src/documents/ids';
import { parseMarkdown } from '../../../server/src/documents/markdown';
import { extractRequirements, leadingId, RequirementIndex } from '../../../server/src/documents/requirements';
import { crlf, md } from '../helpers';

const ids = compileIdPattern(DEFAULT_ID_PATTERN);
const extract = (text: string): RequirementIndex => extractRequirements(parseMarkdown(text), ids);
/** [line, level, id, idSource] per requirement. */
const summary = (text: string): [number, string, string | undefined, string | undefined][] =>
  extract(text).requirements.map((r) => [r.startLine, r.level, r.id, r.idSource]);

describe('documents/requirements', () => {
  describe('what is a requirement', () => {
    it('is a list item, paragraph, heading or table row with a capital keyword', () => {
      const text = md('# Spec', '', '## The tool MUST run offline', '', 'It SHOULD start fast.', '', '- It MAY cache.', '', '| Id | Text |', '|----|------|', '| FR-001 | It MUST log |');
      assert.deepEqual(summary(text), [
        [2, 'must', undefined, undefined],
        [4, 'should', undefined, undefined],
        [6, 'may', undefined, undefined],
        [10, 'must', 'FR-001', 'leading'],
      ]);
    });

    it('takes the strongest level and keeps every keyword', () => {
      const [r] = extract(md('- **FR-001**: It MAY cache and MUST NOT leak, and SHOULD log.')).requirements;
      assert.equal(r.level, 'must');
      assert.deepEqual(r.keywords.map((k) => [k.keyword, k.line, k.start, k.end]), [
        ['MAY', 0, 17, 20],
        ['MUST NOT', 0, 31, 39],
        ['SHOULD', 0, 50, 56],
      ]);
    });

    it('normalises the text and owns nested sub-items', () => {
      const [r] = extract(md('- **FR-001**: The import MUST', '  accept:', '  - CSV', '  - TSV', '', 'After.')).requirements;
      assert.equal(r.text, '**FR-001**: The import MUST accept:');
      assert.deepEqual([r.startLine, r.endLine, r.extentEnd], [0, 2, 5]); // the item runs to its trailing blank line
    });

    it('excludes keywords in code, comments and front matter', () => {
      const text = md('---', 'title: It MUST not count', '---', 'Use `MUST` here <!-- SHALL -->.', '', '```', 'x MUST y', '```', '', '    indented SHALL');
      assert.deepEqual(extract(text).requirements, []);
    });

    it('excludes the RFC 2119 boilerplate and quoted keywords', () => {
      const text = md(
        'The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT", "SHOULD", "SHOULD NOT",',
        '"RECOMMENDED", "NOT RECOMMENDED", "MAY", and "OPTIONAL" in this document are to be',
        'interpreted as described in BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in all',
        'capitals, as shown here.',
      );
      assert.deepEqual(extract(text).requirements, []);
    });

    it('excludes a conventions list that defines the keywords, but not a requirement that emphasises one', () => {
      const text = md(
        '### Document Conventions',
        '',
        '- **SHALL**: Indicates a mandatory requirement',
        '- **SHOULD** \u2014 a recommended one',
        '- MAY: an optional one',
        '',
        '- The system **MUST** log every export.',
      );
      assert.deepEqual(summary(text), [[6, 'must', undefined, undefined]]);
    });

    it('excludes tables of examples, header rows and rows without ids', () => {
      const text = md(
        '| Keyword | Example |',
        '|---------|---------|',
        '| MUST | FR-001: The system MUST log |',
        '',
        '| Level | Meaning |',
        '|-------|---------|',
        '| MUST | required |',
      );
      assert.deepEqual(extract(text), { requirements: [], definitions: [] });
    });

    it('reads EARS requirements (WHEN ..., THE X SHALL ...)', () => {
      const [r] = extract(md('WHEN the user saves, THE Editor SHALL write the file within 1 s.')).requirements;
      assert.equal(r.level, 'must');
      assert.deepEqual(r.keywords.map((k) => [k.keyword, k.start]), [['SHALL', 32]]);
      assert.equal(r.id, undefined);
    });
  });

  describe('ids', () => {
    it('reads a leading id in bold, brackets, code, plain text, after a task box or in a heading', () => {
      const text = md(
        '- **FR-001**: A MUST be.',
        '- [SPEC-01.10] B MUST be.',
        '- [ ] [SPEC-01.AC1] C MUST be.',
        '- `AUTH-3` D MUST be.',
        '',
        'FR-1.1: E MUST be.',
        '',
        '1. __REQ-d00004__ F MUST be.',
        '',
        '### FR-2: G MUST be',
      );
      const { requirements, definitions } = extract(text);
      assert.deepEqual(
        requirements.map((r) => [r.id, r.idSource, r.idLocation && [r.idLocation.line, r.idLocation.start, r.idLocation.end]]),
        [
          ['FR-001', 'leading', [0, 4, 10]],
          ['SPEC-01.10', 'leading', [1, 3, 13]],
          ['SPEC-01.AC1', 'leading', [2, 7, 18]],
          ['AUTH-3', 'leading', [3, 3, 9]],
          ['FR-1.1', 'leading', [5, 0, 6]],
          ['REQ-d00004', 'leading', [7, 5, 15]],
          ['FR-2', 'leading', [9, 4, 8]],
        ],
      );
      assert.deepEqual(definitions.map((d) => d.id), ['FR-001', 'SPEC-01.10', 'SPEC-01.AC1', 'AUTH-3', 'FR-1.1', 'REQ-d00004', 'FR-2']);
    });

    it('reads an id in bold or brackets later in the text, but not a plain mention', () => {
      const text = md('- The export MUST quote fields (**FR-002**).', '- The export MUST be UTF-8 [FR-003].', '- Unlike FR-001, it MUST log.');
      assert.deepEqual(
        extract(text).requirements.map((r) => [r.id, r.idSource, r.idLocation && [r.idLocation.line, r.idLocation.start, r.idLocation.end]]),
        [
          ['FR-002', 'emphasis', [0, 34, 40]],
          ['FR-003', 'emphasis', [1, 28, 34]],
          [undefined, undefined, undefined],
        ],
      );
      assert.deepEqual(extract(text).definitions, []);
    });

    it('inherits the id of a heading, a parent item, or an enclosing blockquote marker', () => {
      const text = md(
        '### FR-1: Objects',
        '',
        'Users MUST create objects.',
        '',
        '- **FR-002**: The import MUST accept:',
        '  - files that MUST be UTF-8',
        '',
        '> r[auth.logout+2]',
        '> Users MAY log out.',
        '>',
        '> Sessions MUST expire.',
      );
      assert.deepEqual(summary(text), [
        [2, 'must', 'FR-1', 'heading'],
        [4, 'must', 'FR-002', 'leading'],
        [5, 'must', 'FR-002', 'parent'],
        [7, 'may', 'auth.logout+2', 'marker'],
        [10, 'must', 'auth.logout+2', 'marker'],
      ]);
    });

    it('reads tracey r[x.y] markers on their own line, including versioned ones', () => {
      const text = md('r[ref.syntax.brackets+2]', 'A reference MUST be written as `PREFIX[VERB REQ]`.', '', 'r[ref.comments.line]', 'References MUST be found in line comments.', '', 'Untagged text MUST have no id.');
      const { requirements, definitions } = extract(text);
      assert.deepEqual(requirements.map((r) => [r.startLine, r.id, r.idSource]), [
        [0, 'ref.syntax.brackets+2', 'marker'],
        [3, 'ref.comments.line', 'marker'],
        [6, undefined, undefined],
      ]);
      assert.deepEqual(definitions.map((d) => [d.id, d.line, d.start, d.end]), [
        ['ref.syntax.brackets+2', 0, 2, 23],
        ['ref.comments.line', 3, 2, 19],
      ]);
    });

    it('gives Kiro acceptance criteria implicit ids (### Requirement 5 + criterion 3 -> 5.3)', () => {
      const text = md(
        '## Requirements',
        '',
        '### Requirement 5: Export',
        '',
        '**User Story:** As a user, I want exports.',
        '',
        '#### Acceptance Criteria',
        '',
        '1. WHEN the user clicks export, THE Exporter SHALL write a file.',
        '2. THE Exporter SHALL NOT block the UI.',
        '3. IF the disk is full, THEN THE Exporter SHALL report an error.',
        '   - WHERE logging is on, THE Exporter SHALL log it.',
        '',
        '### Requirement 6: Import',
        '',
        '1. THE Importer SHALL accept CSV.',
        '',
        '## Glossary',
        '',
        '1. THE System SHALL mean the app.',
      );
      assert.deepEqual(summary(text), [
        [8, 'must', '5.1', 'kiro'],
        [9, 'must', '5.2', 'kiro'],
        [10, 'must', '5.3', 'kiro'],
        [11, 'must', undefined, undefined],
        [15, 'must', '6.1', 'kiro'],
        [19, 'must', undefined, undefined],
      ]);
      assert.deepEqual(extract(text).definitions, []);
    });

    it('reads Kiro criteria written as numbered paragraphs ("5.3. WHEN ...") with their own number', () => {
      const text = md(
        '### Requirement 5: Pull Request Creation',
        '',
        '#### Acceptance Criteria',
        '',
        '5.1. WHEN a branch is pushed, THE System SHALL open a pull request',
        '',
        '5.2. WHEN opening it, THE System SHALL set the title',
        '',
        '7.1. THE System SHALL not be confused by another number',
      );
      assert.deepEqual(summary(text), [
        [4, 'must', '5.1', 'kiro'],
        [6, 'must', '5.2', 'kiro'],
        [8, 'must', undefined, undefined],
      ]);
      const [first] = extract(text).requirements;
      assert.deepEqual(first.idLocation, { line: 4, start: 0, end: 3 });
    });

    it('uses the number as written for Kiro criteria', () => {
      assert.deepEqual(summary(md('### Requirement 2', '', '4. THE X SHALL y.', '5. THE X SHALL z.')).map((r) => r[2]), ['2.4', '2.5']);
    });

    it('records ids in requirement tables but not in tables of examples', () => {
      const text = md('| Id | Text |', '|----|------|', '| **FR-001** | It MUST log |', '', '| Example | Style |', '|---|---|', '| FR-002 | spec-kit |');
      assert.deepEqual(extract(text).definitions.map((d) => [d.id, d.line, d.start, d.end]), [['FR-001', 2, 4, 10]]);
    });

    it('records ids of blocks without keywords as definitions too', () => {
      const text = md('- **FR-004**: Amounts must be in cents.', '', '### FR-5: Title');
      const { requirements, definitions } = extract(text);
      assert.deepEqual(requirements, []);
      assert.deepEqual(definitions.map((d) => [d.id, d.block.kind]), [
        ['FR-004', 'paragraph'],
        ['FR-5', 'heading'],
      ]);
    });

    it('uses a custom id pattern', () => {
      const custom = compileIdPattern('US\\d+');
      const { requirements } = extractRequirements(parseMarkdown(md('- **US12**: It MUST be.')), custom);
      assert.equal(requirements[0].id, 'US12');
    });

    it('keeps exact columns with CRLF', () => {
      const [r] = extract(crlf(md('# S', '', '- **FR-001**: It MUST be.'))).requirements;
      assert.deepEqual(r.idLocation, { line: 2, start: 4, end: 10 });
      assert.deepEqual(r.keywords.map((k) => [k.line, k.start, k.end]), [[2, 17, 21]]);
    });
  });

  describe('leadingId', () => {
    it('skips list markers, task boxes, heading hashes, blockquotes and emphasis', () => {
      assert.deepEqual(leadingId('  * [x] **FR-001**: x', ids), { id: 'FR-001', start: 10, end: 16 });
      assert.deepEqual(leadingId('> ## FR-2 x', ids), { id: 'FR-2', start: 5, end: 9 });
      assert.deepEqual(leadingId('12) SC-3 x', ids), { id: 'SC-3', start: 4, end: 8 });
      assert.deepEqual(leadingId('- _FR-001_: x', ids), { id: 'FR-001', start: 3, end: 9 });
      assert.equal(leadingId('The FR-001 x', ids), undefined);
    });
  });
});
