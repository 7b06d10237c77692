import type { PodflowConfig, Severity } from '../config';
import type { IdMatcher } from '../documents/ids';
import type { DocKind } from '../documents/kinds';
import type { MarkdownModel } from '../documents/markdown';
import type { RequirementIndex } from '../documents/requirements';
import type { Range } from '../documents/types';
import type { Workspace } from '../workspace/workspace';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface RelatedLocation {
  path: string;
  range: Range;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fix?: Fix;
  /** Alternative fixes the user chooses between (never applied by fix-all). */
  fixes?: Fix[];
  related?: RelatedLocation[];
}

/** A parsed podflow document: what every rule looks at. */
export interface LintDocument {
  path: string;
  kind: DocKind;
  model: MarkdownModel;
  requirements: RequirementIndex;
}

export interface RuleContext {
  doc: LintDocument;
  config: PodflowConfig;
  ids: IdMatcher;
  workspace: Workspace;
  /** Parses another workspace file (cached), e.g. a parent AGENTS.md. */
  load(path: string, kind: DocKind): LintDocument | undefined;
  report(range: Range, message: string, extra?: { fix?: Fix; related?: RelatedLocation[] }): void;
  /** A value computed once per lint of this document and shared by every rule (e.g. the AGENTS.md chain). */
  memo<T>(key: string, compute: () => T): T;
}

export interface Rule {
  /** Stable id: SPEC0xx, PLANS0xx, AGENTS0xx. */
  id: string;
  /** Short kebab-case name shown next to the id. */
  name: string;
  /** One line, shown in docs, SARIF and hovers. */
  description: string;
  defaultSeverity: Severity;
  appliesTo: readonly DocKind[];
  fixable: boolean;
  check(ctx: RuleContext): void;
}
