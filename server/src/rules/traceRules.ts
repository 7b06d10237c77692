import { Rule } from './types';

/**
 * Traceability rules. Their findings come from the workspace-wide trace index
 * (trace/traceFindings.ts), not from one document, so `check` does nothing here;
 * they are registered for their ids, severities, docs and SARIF metadata.
 */
function traceRule(id: string, name: string, description: string, defaultSeverity: Rule['defaultSeverity'], fixable = false): Rule {
  return { id, name, description, defaultSeverity, appliesTo: [], fixable, check() {} };
}

export const trace001 = traceRule('TRACE001', 'uncovered-must', 'A MUST/SHALL/REQUIRED requirement is cited by no test.', 'warning');
export const trace002 = traceRule('TRACE002', 'unknown-id', 'A test cites a requirement id that no spec defines.', 'warning', true);
export const trace003 = traceRule('TRACE003', 'only-skipped', 'A MUST is cited only by skipped tests.', 'warning');
export const trace004 = traceRule('TRACE004', 'all-failed', 'Every test citing a MUST failed in the latest test report.', 'error');
export const trace005 = traceRule('TRACE005', 'ambiguous-reference', 'A test cites an id that two or more specs define: qualify it.', 'warning', true);
