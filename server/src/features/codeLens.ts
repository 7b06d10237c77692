import { CodeLens, Location } from 'vscode-languageserver';
import { Project } from '../project';
import { requirementRange } from '../trace/traceFindings';
import { citingTests, lensTitle, resultsContext } from './testsOf';

/** Client command that shows the given locations in a peek view. */
export const PEEK_COMMAND = 'podflow.peekTests';

export function codeLenses(project: Project, path: string, uri: string, uriOf: (p: string) => string): CodeLens[] {
  const entry = project.trace.specs.get(path);
  if (!entry) return [];
  const lenses: CodeLens[] = [];
  const results = resultsContext(project);
  for (const r of entry.byId.values()) {
    const tests = citingTests(project, r);
    const range = requirementRange(r);
    const locations: Location[] = tests.map((t) => ({
      uri: uriOf(t.path),
      range: { start: { line: t.line, character: t.start }, end: { line: t.line, character: t.end } },
    }));
    lenses.push({
      range: { start: { line: r.anchor.startLine, character: 0 }, end: { line: r.anchor.startLine, character: 0 } },
      command: { title: lensTitle(r.level, tests, results), command: PEEK_COMMAND, arguments: [uri, range.start, locations] },
    });
  }
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line);
}
