/**
 * The files the "New spec", "New ExecPlan" and "New AGENTS.md" commands create, each from a snippet
 * of snippets/markdown.json (the same text the `spec`, `execplan` and `agents` prefixes insert).
 * No `vscode` import: tested in plain Node.
 */

export interface NewFileKind {
  /** Name of the snippet in snippets/markdown.json. */
  snippet: string;
  /** The file it becomes in the chosen folder. */
  fileName: string;
  /** Other names that mean the same file: their presence refuses the command too. */
  sameAs: readonly string[];
  /** For messages: "spec", "ExecPlan", "AGENTS.md". */
  what: string;
}

export const NEW_FILES = {
  'podflow.newSpec': { snippet: 'SPEC.md', fileName: 'SPEC.md', sameAs: [], what: 'spec' },
  'podflow.newExecPlan': { snippet: 'PLANS.md ExecPlan', fileName: 'PLANS.md', sameAs: [], what: 'ExecPlan' },
  // Agents read AGENTS.md, or agents.md where there is none (server/src/codify/chain.ts).
  'podflow.newAgentsMd': { snippet: 'AGENTS.md', fileName: 'AGENTS.md', sameAs: ['agents.md'], what: 'AGENTS.md' },
} as const satisfies Record<string, NewFileKind>;

export type NewFileCommand = keyof typeof NEW_FILES;

/**
 * The body of snippet `name` in a snippets file's parsed JSON, lines joined with "\n", ready for
 * a SnippetString. Throws with the snippet's name when it is missing or malformed.
 */
export function snippetBody(snippets: unknown, name: string): string {
  const entry = typeof snippets === 'object' && snippets !== null ? (snippets as Record<string, unknown>)[name] : undefined;
  const body = typeof entry === 'object' && entry !== null ? (entry as { body?: unknown }).body : undefined;
  if (typeof body === 'string') return body;
  if (Array.isArray(body) && body.every((l): l is string => typeof l === 'string')) return body.join('\n');
  throw new Error(`the snippet "${name}" is missing from snippets/markdown.json or has no body`);
}
