/**
 * What a user of the example workspace (examples/) should see. Shared by the
 * code-server suite (test/e2e) and the VS Code desktop API suite (test/vscode),
 * so both check the same stories against the same planted defects.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Repository root, found from this file (test/e2e/helpers/). */
export const REPO = path.resolve(__dirname, '..', '..', '..');

/** examples/AGENTS.md, never opened in the tests: `npm run lint:fix` names a script package.json lacks. */
export const AGENTS_UNKNOWN_SCRIPT = {
  file: 'AGENTS.md',
  rule: 'AGENTS005',
  line: 10,
  message: /"lint:fix"/,
} as const;

/** examples/specs/001-csv-export/spec.md line 20: a lower-case "must" in FR-004. */
export const SPEC_LOWERCASE_MUST = {
  file: 'specs/001-csv-export/spec.md',
  rule: 'SPEC001',
  line: 20,
  column: 23,
  word: 'must',
  fixed: 'MUST',
  lineText: '- **FR-004**: Amounts must be written in cents as integers.',
  fixedLineText: '- **FR-004**: Amounts MUST be written in cents as integers.',
  hover: /"must" is not an RFC 2119 keyword/,
  fixTitle: 'Change "must" to "MUST"',
} as const;

/** A defect the user types into the same spec: a new requirement after FR-006 (line 23), on line 24. */
export const TYPED_DEFECT = {
  file: 'specs/001-csv-export/spec.md',
  line: 24,
  text: '- **FR-009**: The system must log.',
  fixedText: '- **FR-009**: The system MUST log.',
  rule: 'SPEC001',
  word: 'must',
} as const;

/** The channel the language client logs to, and the line the server writes once it is up. */
export const OUTPUT_CHANNEL = 'podflow';
export const SERVER_STARTED = /podflow language server \S+ started/;

export interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

type Manifest = { contributes?: { commands?: ContributedCommand[] } };

/**
 * package.json contributes.commands: what the palette must list, as "<category>: <title>".
 * Inside VS Code pass the extension's packageJSON; elsewhere the repository's package.json is read.
 */
export function contributedCommands(manifest?: Manifest): ContributedCommand[] {
  const pkg = manifest ?? (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Manifest);
  return pkg.contributes?.commands ?? [];
}

export function paletteLabel(c: ContributedCommand): string {
  return c.category ? `${c.category}: ${c.title}` : c.title;
}

/**
 * MUST-to-test traceability in examples/: the code lens above each requirement of the invites
 * spec (server/src/features/testsOf.ts lensTitle). examples/reports/junit.xml is loaded, so a
 * requirement with a running test shows its result and the report's age (its file's mtime:
 * "just now" in a fresh copy of examples/, minutes later at most).
 */
const PASSED_JUST_NOW = /^✓ 1 test · 1 passed · (?:just now|\d+ min ago)$/;
export const INVITES_SPEC = {
  file: 'specs/002-team-invites/spec.md',
  lenses: [
    // test/invites.test.ts cites it, the report says it passed.
    { line: 14, id: 'FR-001', level: 'MUST', title: PASSED_JUST_NOW },
    { line: 15, id: 'FR-002', level: 'MUST', title: PASSED_JUST_NOW },
    // Only a test.skip(...) cites it (TRACE003).
    { line: 16, id: 'FR-003', level: 'MUST NOT', title: '✗ 1 skipped test' },
    // SHOULD and MAY are not flagged. The test naming a bare "FR-004" is ambiguous (TRACE005: two specs define it), so it covers nothing.
    { line: 17, id: 'FR-004', level: 'SHOULD', title: 'no test' },
    { line: 18, id: 'FR-005', level: 'MAY', title: 'no test' },
  ],
} as const;

/** The test FR-001 of the invites spec is peeked at from its lens, and Go to Definition starts from. */
export const INVITES_TEST = {
  file: 'test/invites.test.ts',
  folder: 'test',
  line: 8,
  id: 'FR-001',
  name: '002-team-invites/FR-001: an owner invites a teammate by e-mail',
} as const;

/** What the peek view says when a requirement has no test (client/src/trace/coverage.ts peekTests). */
export const NO_TEST_MESSAGE = /podflow: no test cites this requirement yet/;

/** An uncovered MUST of the CSV spec (TRACE001), and the test line the user types to cover it. */
export const UNCOVERED_MUST = {
  spec: 'specs/001-csv-export/spec.md',
  line: 19,
  id: 'FR-003',
  text: 'The system MUST finish an export of 10,000 invoices quickly.',
  lens: '✗ no test',
  testFile: 'packages/api/test/csv.test.ts',
  typed: "test('001-csv-export/FR-003: exports 10,000 invoices in under 2 seconds', () => {});",
  // A test with no result in the report yet: counted as covering, no ✓ until it has run.
  lensAfter: '1 test · no results',
} as const;

/**
 * The mode clock in examples/ (server/src/modeClock/classifier.ts): a spec counts as plan, a source file
 * as execute, a diff of that source file as review. The status bar item reads "<Mode> · P.. E.. R.. C.."
 * after its icon ($(compass), or $(pin) when pinned), "no time yet" before any time is counted.
 */
export const MODE_CLOCK = {
  plan: { file: 'specs/001-csv-export/spec.md', label: 'Plan' },
  execute: { file: 'src/money.ts', label: 'Execute' },
  /** The source file, changed and compared with its saved version. */
  review: { file: 'src/money.ts', label: 'Review', command: 'File: Compare Active File with Saved' },
  /** Another source file: Execute unless a mode is pinned. */
  otherSource: 'src/invites.ts',
  /** The status bar item's menu (client/src/modeClock/modeStatusBar.ts) and the report command. */
  menu: { switchMode: 'Switch mode now…', unpin: 'Unpin', report: 'Show split report', pause: 'Pause the clock', untilChanged: 'Until I change it' },
  reportCommand: 'podflow: Show mode split report',
} as const;
