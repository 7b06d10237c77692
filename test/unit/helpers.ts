import { DEFAULT_CONFIG, PodflowConfig } from '../../server/src/config';
import { Range } from '../../server/src/documents/types';
import { Linter } from '../../server/src/lint/linter';
import { Project } from '../../server/src/project';
import { Finding, TextEdit } from '../../server/src/rules/types';
import { MemoryWorkspace } from '../../server/src/workspace/memoryWorkspace';

/** A workspace as a map of relative path to text; a plain string is the one file at `path`. */
export type Files = Record<string, string> | string;

/** DEFAULT_CONFIG with some keys replaced (rules are merged, not replaced). */
export function withConfig(overrides: Partial<PodflowConfig> = {}): PodflowConfig {
  return { ...DEFAULT_CONFIG, ...overrides, rules: { ...DEFAULT_CONFIG.rules, ...overrides.rules } };
}

export function makeLinter(files: Files, path: string, config?: Partial<PodflowConfig>): Linter {
  const map = typeof files === 'string' ? { [path]: files } : files;
  return new Linter(new MemoryWorkspace(map), withConfig(config));
}

/** Every finding for one file, classified by the linter's globs. */
export function lintAll(files: Files, path: string, config?: Partial<PodflowConfig>): Finding[] {
  const linter = makeLinter(files, path, config);
  const kind = linter.kindOf(path);
  if (!kind) throw new Error(`${path} is not a podflow document`);
  return linter.lint(path, kind);
}

/** Findings of one rule for one file. */
export function lintOne(ruleId: string, files: Files, path: string, config?: Partial<PodflowConfig>): Finding[] {
  return lintAll(files, path, config).filter((f) => f.ruleId === ruleId);
}

/** A range as a tuple [startLine, startChar, endLine, endChar], for compact asserts. */
export function rangeOf(f: { range: Range }): [number, number, number, number] {
  return [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character];
}

function offsetAt(text: string, lineStarts: number[], line: number, character: number): number {
  if (line >= lineStarts.length) return text.length;
  return lineStarts[line] + character;
}

/** Applies LSP-style edits (zero-based, UTF-16 columns) to a text; edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const spans = edits
    .map((e) => ({
      start: offsetAt(text, lineStarts, e.range.start.line, e.range.start.character),
      end: offsetAt(text, lineStarts, e.range.end.line, e.range.end.character),
      newText: e.newText,
    }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const s of spans) {
    if (s.end > limit) throw new Error('overlapping edits');
    out = out.slice(0, s.start) + s.newText + out.slice(s.end);
    limit = s.start;
  }
  return out;
}

/** Applies the fix of one finding. */
export function applyFix(text: string, finding: Finding): string {
  if (!finding.fix) throw new Error(`${finding.ruleId} finding has no fix: ${finding.message}`);
  return applyEdits(text, finding.fix.edits);
}

/** Lines joined with "\n" plus a final newline: keeps multi-line fixtures readable. */
export function md(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** The same text with CRLF line ends. */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** A project over an in-memory workspace, every spec and test file indexed. */
export function makeProject(files: Record<string, string>, config?: Partial<PodflowConfig>): { project: Project; ws: MemoryWorkspace } {
  const ws = new MemoryWorkspace(files);
  const project = new Project(ws, withConfig(config));
  project.indexAll();
  return { project, ws };
}

/** Findings of one rule for one file of a project. */
export function findingsOf(project: Project, path: string, ruleId: string): Finding[] {
  return project.findings(path).filter((f) => f.ruleId === ruleId);
}
