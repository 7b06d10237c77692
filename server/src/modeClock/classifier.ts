import type { CompiledRule } from './rules';
import type { EditorInfo } from './signals';
import type { Mode } from './types';

/** Everything the mode depends on at one moment. */
export interface ClockContext {
  editor?: ClassifiedEditor;
  debugActive: boolean;
  testRunActive: boolean;
  /** An agent session for this workspace is writing its log, or a terminal runs codex/claude/gemini. */
  agentActive: boolean;
  /** The `Codify learning` command is running. */
  codifyActive: boolean;
}

/** The active editor, resolved against the workspace. */
export interface ClassifiedEditor {
  scheme: string;
  /** Workspace-relative path for files inside a workspace folder. */
  path?: string;
  /** How the project classifies that file, looked up in the folder it belongs to. */
  kind?: FileKind;
  view: NonNullable<EditorInfo['view']>;
}

export type FileKind = 'spec' | 'plans' | 'agents' | 'test';
export type FileKindLookup = (path: string) => FileKind | undefined;

export interface ClassifierConfig {
  rules: readonly CompiledRule[];
  plan: (path: string) => boolean;
  codify: (path: string) => boolean;
  review: (path: string) => boolean;
}

/** URI schemes of diff and review content: git and GitLens revisions, pull-request files. */
export const REVIEW_SCHEMES: ReadonlySet<string> = new Set(['git', 'gitlens', 'gitlens-git', 'gitlens-virtual', 'pr', 'review', 'githubpr', 'merge-conflict.conflict-diff', 'vscode-scm']);

/** Schemes where editing or viewing means working on the product. */
const SOURCE_SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-notebook-cell']);

/**
 * The mode for a moment, or undefined when nothing in it says (an output panel, a settings
 * editor): the caller keeps the mode it had. Pure and cheap: it runs on every editor event.
 */
export function classify(ctx: ClockContext, config: ClassifierConfig, fileCache?: Map<string, Mode | null>): Mode | undefined {
  if (ctx.codifyActive) return 'codify';
  const editor = ctx.editor;
  if (editor) {
    for (const rule of config.rules) {
      if (rule.scheme !== undefined ? rule.scheme === editor.scheme : editor.path !== undefined && rule.glob?.(editor.path)) return rule.mode;
    }
    if (editor.view !== 'text' || REVIEW_SCHEMES.has(editor.scheme)) return 'review';
  }
  if (ctx.debugActive || ctx.testRunActive) return 'review';
  if (editor?.path !== undefined) {
    const byFile = classifyFile(editor.path, editor.kind, config, fileCache);
    if (byFile) return byFile;
  }
  if (ctx.agentActive) return 'execute';
  if (editor && SOURCE_SCHEMES.has(editor.scheme)) return 'execute';
  return undefined;
}

function classifyFile(path: string, kind: FileKind | undefined, config: ClassifierConfig, cache?: Map<string, Mode | null>): Mode | undefined {
  const key = kind ? `${kind}:${path}` : path;
  const hit = cache?.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const mode = fileMode(path, kind, config);
  cache?.set(key, mode ?? null);
  return mode;
}

/** The project's own kinds (specs, ExecPlans, AGENTS.md, test files) first, then the clock's globs. */
function fileMode(path: string, kind: FileKind | undefined, config: ClassifierConfig): Mode | undefined {
  if (kind === 'agents' || config.codify(path)) return 'codify';
  if (kind === 'spec' || kind === 'plans' || config.plan(path)) return 'plan';
  if (kind === 'test' || config.review(path)) return 'review';
  return undefined;
}
