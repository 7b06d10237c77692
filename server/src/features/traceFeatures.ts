import * as nodePath from 'node:path';
import { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Project } from '../project';
import { coverageMarkdown } from '../trace/coverageReport';
import { codeLenses } from './codeLens';
import { hover } from './hover';
import { definition, references } from './navigation';
import { prepareRename, rename } from './rename';
import { documentSymbols, workspaceSymbols } from './symbols';

export interface Located {
  project: Project;
  path: string;
  uriOf: (path: string) => string;
}

export const COVERAGE_REPORT_REQUEST = 'podflow/coverageReport';

/**
 * A link from the report file to a spec line. The markdown preview opens
 * relative file links (with `#L12` for the line) but refuses `file:` URIs, so
 * the link is relative to the folder the report is written to.
 */
export function reportLink(root: string, specPath: string, line: number, reportDir: string | undefined): string {
  const abs = nodePath.join(root, ...specPath.split('/'));
  const target = reportDir ? nodePath.relative(reportDir, abs).split(nodePath.sep).join('/') : abs;
  return `${encodeURI(target)}#L${line + 1}`;
}

/** Wires the traceability features to LSP; each handler is a thin call into features/*. */
export function registerTraceFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  at: (uri: string) => Located | undefined,
  all: () => Located[],
): void {
  connection.onCodeLens((p) => {
    const l = at(p.textDocument.uri);
    return l ? codeLenses(l.project, l.path, p.textDocument.uri, l.uriOf) : [];
  });
  connection.onHover((p) => {
    const l = at(p.textDocument.uri);
    return l ? hover(l.project, l.path, p.position) : null;
  });
  connection.onDefinition((p) => {
    const l = at(p.textDocument.uri);
    return l ? definition(l.project, l.path, p.position, l.uriOf) : [];
  });
  connection.onReferences((p) => {
    const l = at(p.textDocument.uri);
    return l ? references(l.project, l.path, p.position, p.context.includeDeclaration, l.uriOf) : [];
  });
  connection.onPrepareRename((p) => {
    const l = at(p.textDocument.uri);
    return l ? prepareRename(l.project, l.path, p.position) : null;
  });
  connection.onRenameRequest((p) => {
    const l = at(p.textDocument.uri);
    return l ? rename(l.project, l.path, p.position, p.newName, l.uriOf) : null;
  });
  connection.onDocumentSymbol((p) => {
    const l = at(p.textDocument.uri);
    const doc = documents.get(p.textDocument.uri);
    return l && doc ? documentSymbols(l.project, l.path, doc.getText()) : [];
  });
  connection.onWorkspaceSymbol((p) => workspaceSymbols(all(), p.query));
  connection.onRequest(COVERAGE_REPORT_REQUEST, (params: { reportDir?: string } | undefined) => {
    const parts = all().map((l) =>
      coverageMarkdown(l.project.coverageSummary(), (path, line) => reportLink(l.project.workspace.root, path, line, params?.reportDir)),
    );
    return { markdown: parts.join('\n') || 'No workspace folder is open.' };
  });
}
