import { RULES } from '../rules';
import { Finding } from '../rules/types';

export interface FileFindings {
  /** Path as shown to the user (relative to the current folder). */
  displayPath: string;
  /** Path relative to the SARIF base (the workspace root), forward slashes. */
  uriPath: string;
  findings: Finding[];
}

export function formatText(files: FileFindings[]): string {
  const out: string[] = [];
  for (const f of files) {
    for (const x of f.findings) {
      out.push(`${f.displayPath}:${x.range.start.line + 1}:${x.range.start.character + 1} ${x.severity} ${x.ruleId} ${x.message}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

export function formatJson(files: FileFindings[]): string {
  const rows = files.flatMap((f) =>
    f.findings.map((x) => ({
      path: f.displayPath,
      line: x.range.start.line + 1,
      column: x.range.start.character + 1,
      endLine: x.range.end.line + 1,
      endColumn: x.range.end.character + 1,
      severity: x.severity,
      ruleId: x.ruleId,
      message: x.message,
      fixable: x.fix !== undefined,
    })),
  );
  return `${JSON.stringify(rows, null, 2)}\n`;
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

/** SARIF 2.1.0, as GitHub code scanning reads it. */
export function formatSarif(files: FileFindings[], version: string, rootUri: string): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'podflow',
            version,
            informationUri: 'https://github.com/podflow/podflow#rules',
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              helpUri: `https://github.com/podflow/podflow#${r.id.toLowerCase()}`,
              defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
        results: files.flatMap((f) =>
          f.findings.map((x) => ({
            ruleId: x.ruleId,
            ruleIndex: ruleIndex.get(x.ruleId) ?? -1,
            level: SARIF_LEVEL[x.severity],
            message: { text: x.message },
            locations: [
              {
                physicalLocation: {
                  // Per segment: encodeURI leaves "#" and "?" alone, which would cut the path short.
                  artifactLocation: { uri: f.uriPath.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' },
                  region: {
                    startLine: x.range.start.line + 1,
                    startColumn: x.range.start.character + 1,
                    endLine: x.range.end.line + 1,
                    endColumn: Math.max(x.range.end.character + 1, 1),
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
