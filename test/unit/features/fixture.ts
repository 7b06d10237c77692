import { Project } from '../../../server/src/project';
import { makeProject, md } from '../helpers';

export const SPEC_A = 'specs/001-export/spec.md';
export const SPEC_B = 'specs/002-import/spec.md';
export const JS_TEST = 'test/export.test.ts';
export const PY_TEST = 'tests/test_export.py';
export const OTHER_TEST = 'test/other.test.ts';

export const FILES: Record<string, string> = {
  [SPEC_A]: md(
    '# Export', // 0
    '', // 1
    '## Requirements', // 2
    '', // 3
    '- **FR-001**: Export MUST write one row per invoice.', // 4
    '- **FR-002**: Export MUST quote fields.', // 5
    '- **FR-003**: Export MUST zip the file.', // 6
    '- **FR-004**: Export SHOULD add a header.', // 7
    '- **FR-005**: Export SHOULD log.', // 8
    '- **FR-006**: Export MUST NOT drop rows.', // 9
    '- **FR-007**: Export MAY compress.', // 10
    '- **FR-008**: Export SHOULD sign the file.', // 11
    '- Export MUST refuse an empty month.', // 12
    '', // 13
    '## Out of scope', // 14
    '', // 15
    '- PDF. Quoting follows FR-002.', // 16
  ),
  [SPEC_B]: md(
    '# Import', // 0
    '', // 1
    '- **FR-001**: Import MUST read rows.', // 2
    '- **SC-001**: Import SHOULD read what FR-002 of the export quotes.', // 3
  ),
  [JS_TEST]: md(
    "describe('export', () => {", // 0
    "  it('001-export/FR-001 writes rows', () => {});", // 1
    '  // @covers FR-002', // 2
    "  it('quotes fields', () => {", // 3
    '    // FR-002 again: one test, cited twice', // 4
    '  });', // 5
    "  it('FR-002 quotes newlines', () => {});", // 6
    "  it.skip('FR-006 keeps rows', () => {});", // 7
    "  it('FR-004 adds a header', () => {});", // 8
    "  it.skip('FR-005 logs', () => {});", // 9
    "  it.skip('FR-008 signs', () => {});", // 10
    '});', // 11
  ),
  [PY_TEST]: md(
    'def test_quotes():', // 0
    '    """FR-002"""', // 1
    '', // 2
    '@pytest.mark.skip(reason="slow")', // 3
    'def test_rows():', // 4
    '    """001-export/FR-001"""', // 5
  ),
  [OTHER_TEST]: md(
    "it('FR-001 round-trips', () => {});", // 0: ambiguous
    "it('FR-099 does not exist', () => {});", // 1: unknown
    '// FR-004 to FR-005', // 2: range
  ),
};

export const uriOf = (path: string): string => `file:///ws/${path}`;

export function project(files: Record<string, string> = FILES): Project {
  return makeProject(files).project;
}

/** Zero-based position of the first `needle` in a file of FILES, plus `offset` characters. */
export function at(path: string, needle: string, offset = 0): { line: number; character: number } {
  const lines = FILES[path].split('\n');
  for (let line = 0; line < lines.length; line++) {
    const i = lines[line].indexOf(needle);
    if (i >= 0) return { line, character: i + offset };
  }
  throw new Error(`${needle} not in ${path}`);
}
