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
