import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { Severity } from '../config';
import { Finding, Fix } from '../rules/types';

export const DIAGNOSTIC_SOURCE = 'podflow';
export const RULE_DOCS = 'https://github.com/podflow/podflow#';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries for its quick fix. */
export interface DiagnosticData {
  fix?: Fix;
  fixes?: Fix[];
}

export function toDiagnostic(f: Finding, uriOf: (path: string) => string): Diagnostic {
  const data: DiagnosticData = { fix: f.fix, fixes: f.fixes };
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: RULE_DOCS + f.ruleId.toLowerCase() },
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    data,
    relatedInformation: f.related?.map((r) => ({ location: { uri: uriOf(r.path), range: r.range }, message: r.message })),
  };
}
