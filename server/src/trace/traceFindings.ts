import { closest } from 'fastest-levenshtein';
import { Severity, SeveritySetting } from '../config';
import { splitId } from '../documents/ids';
import { lineRange, Range } from '../documents/types';
import { suppressionFilter } from '../lint/suppression';
import { RULES_BY_ID } from '../rules';
import { Finding } from '../rules/types';
import { TraceIndex, TracedRequirement } from './traceIndex';

type SeverityOf = (ruleId: string) => SeveritySetting;

export function severityFrom(overrides: Readonly<Record<string, SeveritySetting>>): SeverityOf {
  return (id) => overrides[id] ?? RULES_BY_ID.get(id)?.defaultSeverity ?? 'warning';
}

/** Where a requirement's lens and diagnostics sit: its id if written in the block, else its keyword. */
export function requirementRange(r: TracedRequirement): Range {
  const loc = r.anchor.idLocation;
  if (loc) return lineRange(loc.line, loc.start, loc.end);
  const k = r.anchor.keywords[0];
  return lineRange(k.line, k.start, k.end);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** TRACE001 / TRACE003 / TRACE004 for one spec. */
export function specTraceFindings(index: TraceIndex, specPath: string, severityOf: SeverityOf, failedOnly?: (spec: string, id: string) => boolean): Finding[] {
  const entry = index.specs.get(specPath);
  if (!entry) return [];
  const out: Finding[] = [];
  const suppressed = suppressionFilter(entry.doc.model);
  const push = (ruleId: string, range: Range, message: string): void => {
    const sev = severityOf(ruleId);
    if (sev === 'off' || suppressed(ruleId, range.start.line)) return;
    out.push({ ruleId, severity: sev as Severity, message, range });
  };
  for (const r of entry.byId.values()) {
    if (r.level !== 'must') continue;
    const c = index.coverageOf(specPath, r.id);
    if (!c) continue;
    if (c.covering.length === 0 && c.skipped.length === 0) {
      push('TRACE001', requirementRange(r), `${r.id} (${r.keyword}) is cited by no test: add a test that names ${r.id}.`);
    } else if (c.covering.length === 0) {
      push('TRACE003', requirementRange(r), `${r.id} (${r.keyword}) is cited only by ${plural(c.skipped.length, 'skipped test')}.`);
    } else if (failedOnly?.(specPath, r.id)) {
      push('TRACE004', requirementRange(r), `Every test citing ${r.id} (${r.keyword}) failed in the latest test report.`);
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}


/** TRACE002 / TRACE005 for one test file. */
export function testTraceFindings(index: TraceIndex, testPath: string, severityOf: SeverityOf): Finding[] {
  const scanned = index.tests.get(testPath);
  if (!scanned || scanned.references.length === 0) return [];
  const out: Finding[] = [];
  for (const ref of scanned.references) {
    const res = index.resolve(ref, testPath);
    const range = lineRange(ref.line, ref.start, ref.end);
    for (const id of res.unknown) {
      const sev = severityOf('TRACE002');
      if (sev === 'off') break;
      const prefix = splitId(id).prefix;
      const known = index.idsWithPrefix(prefix);
      // "UTF-8" and "SHA-256" match the id pattern; only ids shaped like the specs' own are checked.
      if (ref.form !== 'kiro' && known.length === 0) continue;
      // A qualified or prefixed id is looked up (and a fix suggested) only in the specs it names.
      const named = ref.qualifier === undefined ? undefined : index.specsForQualifier(ref.qualifier).map((p) => index.specs.get(p)!);
      if (named?.length === 0) {
        const what = ref.form === 'prefixed' ? `No spec matches the prefix "${ref.qualifier}"` : `No spec is named "${ref.qualifier}"`;
        out.push({ ruleId: 'TRACE002', severity: sev as Severity, message: `${what} (in ${ref.text}).`, range });
        continue;
      }
      const candidates = named
        ? [...new Set(named.flatMap((s) => [...s.byId.keys(), ...s.definedIds]))].filter((c) => splitId(c).prefix === prefix)
        : known;
      const suggestion = candidates.length ? closest(id, candidates) : undefined;
      const single = ref.ids.length === 1;
      out.push({
        ruleId: 'TRACE002',
        severity: sev as Severity,
        message: `${id} is not defined in ${named ? named.map((s) => s.scope).join(', ') : 'any spec'}${suggestion ? `; did you mean ${suggestion}?` : '.'}`,
        range,
        fix:
          suggestion && single
            ? { title: `Change to ${suggestion}`, edits: [{ range: idRange(ref.text, ref.line, ref.start, id), newText: suggestion }] }
            : undefined,
      });
    }
    for (const a of res.ambiguous) {
      const sev = severityOf('TRACE005');
      if (sev === 'off') break;
      const scopes = a.specs.map((s) => index.specs.get(s)!.scope);
      const single = ref.ids.length === 1 && ref.form === 'plain';
      out.push({
        ruleId: 'TRACE005',
        severity: sev as Severity,
        message: `${a.id} is defined in ${a.specs.length} specs (${a.specs.join(', ')}): qualify it, e.g. ${scopes[0]}/${a.id}.`,
        range,
        fixes: single
          ? scopes.map((scope) => ({ title: `Qualify as ${scope}/${a.id}`, edits: [{ range, newText: `${scope}/${a.id}` }] }))
          : undefined,
      });
    }
  }
  return out;
}

/** Range of one id inside a reference's text. */
function idRange(text: string, line: number, start: number, id: string): Range {
  const at = text.lastIndexOf(id);
  return lineRange(line, start + Math.max(at, 0), start + Math.max(at, 0) + id.length);
}
