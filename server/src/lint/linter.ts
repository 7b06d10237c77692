import { PodflowConfig, Severity } from '../config';
import { compileIdPattern, IdMatcher } from '../documents/ids';
import { DocKind, makeClassifier, KindClassifier, DEFAULT_AGENTS_GLOBS, DEFAULT_PLANS_GLOBS, DEFAULT_SPEC_GLOBS } from '../documents/kinds';
import { parseMarkdown } from '../documents/markdown';
import { extractRequirements } from '../documents/requirements';
import { lineRange } from '../documents/types';
import { RULES, RULES_BY_ID } from '../rules';
import { Finding, LintDocument, Rule, RuleContext } from '../rules/types';
import { Workspace } from '../workspace/workspace';
import picomatch from 'picomatch';
import { suppressionFilter } from './suppression';

const FILE_RULE: Record<DocKind, string> = { spec: 'SPEC000', plans: 'PLANS000', agents: 'AGENTS000' };

export function isBinary(text: string): boolean {
  // NUL bytes never occur in text; U+FFFD in bulk means the bytes were not UTF-8.
  const sample = text.length > 8192 ? text.slice(0, 8192) : text;
  if (sample.includes('\u0000')) return true;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0xfffd) bad++;
  return bad > 8 && bad > sample.length / 100;
}

/**
 * Lints podflow documents. One instance per workspace and configuration; it
 * caches parsed documents by path and text so parent AGENTS.md files and
 * unchanged files are parsed once.
 */
export class Linter {
  readonly ids: IdMatcher;
  readonly classify: KindClassifier;
  private readonly excluded: (path: string) => boolean;
  private readonly cache = new Map<string, { text: string; doc: LintDocument }>();

  constructor(
    readonly workspace: Workspace,
    readonly config: PodflowConfig,
  ) {
    this.ids = compileIdPattern(config.idPattern);
    this.classify = makeClassifier({
      spec: [...DEFAULT_SPEC_GLOBS, ...config.specGlobs],
      plans: [...DEFAULT_PLANS_GLOBS, ...config.plansGlobs],
      agents: [...DEFAULT_AGENTS_GLOBS, ...config.agentsGlobs],
    });
    this.excluded = config.exclude.length ? picomatch(config.exclude, { dot: true }) : () => false;
  }

  /** Kind of a workspace file, or undefined when podflow does not lint it. */
  kindOf(path: string): DocKind | undefined {
    return this.excluded(path) ? undefined : this.classify(path);
  }

  /** Every podflow document in the workspace. */
  documents(): { path: string; kind: DocKind }[] {
    const out: { path: string; kind: DocKind }[] = [];
    for (const path of this.workspace.listFiles()) {
      const kind = this.kindOf(path);
      if (kind) out.push({ path, kind });
    }
    return out;
  }

  /** Parses (or returns the cached parse of) a document's text. */
  parse(path: string, kind: DocKind, text: string): LintDocument {
    const hit = this.cache.get(path);
    if (hit && hit.text === text && hit.doc.kind === kind) return hit.doc;
    const model = parseMarkdown(text);
    const doc: LintDocument = { path, kind, model, requirements: extractRequirements(model, this.ids) };
    this.cache.set(path, { text, doc });
    return doc;
  }

  load(path: string, kind: DocKind): LintDocument | undefined {
    const text = this.workspace.readText(path);
    if (text === undefined || isBinary(text) || Buffer.byteLength(text) > this.config.maxFileBytes) return undefined;
    return this.parse(path, kind, text);
  }

  forget(path: string): void {
    this.cache.delete(path);
  }

  severityOf(rule: Rule): Severity | 'off' {
    return this.config.rules[rule.id] ?? rule.defaultSeverity;
  }

  /** Lints one document; `text` is the live buffer when open in an editor, else read from the workspace. */
  lint(path: string, kind: DocKind, text?: string): Finding[] {
    const source = text ?? this.workspace.readText(path);
    const fileRule = RULES_BY_ID.get(FILE_RULE[kind])!;
    const fileFinding = (message: string): Finding[] => {
      const sev = this.severityOf(fileRule);
      return sev === 'off' ? [] : [{ ruleId: fileRule.id, severity: sev, message, range: lineRange(0, 0, 0) }];
    };
    if (source === undefined) return fileFinding('File could not be read.');
    if (isBinary(source)) return fileFinding('Not linted: the file holds binary data, not Markdown text.');
    const bytes = Buffer.byteLength(source, 'utf8');
    if (bytes > this.config.maxFileBytes) {
      const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
      const out = fileFinding(`Not linted: ${mb(bytes)} is over podflow.maxFileBytes (${mb(this.config.maxFileBytes)}).`);
      if (kind === 'agents') {
        // The size budget still matters most for a huge AGENTS.md: check it on a minimal model.
        const firstLine = source.slice(0, Math.min(source.length, 200)).split(/\r?\n/)[0];
        const light = parseMarkdown(firstLine);
        const doc: LintDocument = { path, kind, model: { ...light, text: source }, requirements: { requirements: [], definitions: [] } };
        out.push(...this.run(doc, RULES.filter((r) => r.id === 'AGENTS001')));
      }
      return out;
    }
    const doc = this.parse(path, kind, source);
    return this.run(doc, RULES.filter((r) => r.appliesTo.includes(kind)));
  }

  private run(doc: LintDocument, rules: readonly Rule[]): Finding[] {
    const findings: Finding[] = [];
    const suppressed = suppressionFilter(doc.model);
    const memo = new Map<string, unknown>();
    for (const rule of rules) {
      const severity = this.severityOf(rule);
      if (severity === 'off') continue;
      const ctx: RuleContext = {
        memo: <T>(key: string, compute: () => T): T => {
          if (!memo.has(key)) memo.set(key, compute());
          return memo.get(key) as T;
        },
        doc,
        config: this.config,
        ids: this.ids,
        workspace: this.workspace,
        load: (p, k) => this.load(p, k),
        report: (range, message, extra) => {
          if (suppressed(rule.id, range.start.line)) return;
          findings.push({ ruleId: rule.id, severity, message, range, ...extra });
        },
      };
      try {
        rule.check(ctx);
      } catch (err) {
        // A rule bug must not take the others (or the server) down with it.
        findings.push({
          ruleId: rule.id,
          severity: 'error',
          message: `Internal error in ${rule.id}: ${err instanceof Error ? err.message : String(err)}`,
          range: lineRange(0, 0, 0),
        });
      }
    }
    return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
}
