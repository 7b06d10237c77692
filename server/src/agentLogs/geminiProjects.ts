import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where a Gemini CLI chat file sits: `<geminiDir>/tmp/<project-id>/chats/[<parentSessionId>/]<file>`. */
export interface GeminiChatPlace {
  /** `<geminiDir>/tmp/<project-id>`. */
  projectDir: string;
  /** The folder name: a slug (current versions) or the SHA-256 hex of the project root (older ones). */
  projectId: string;
  /** The parent session id of a sub-agent chat (`chats/<parentSessionId>/<sessionId>.jsonl`). */
  parentSessionId?: string;
}

export function geminiChatPlace(file: string): GeminiChatPlace | undefined {
  const parts = path.resolve(file).split(path.sep);
  const i = parts.lastIndexOf('chats');
  if (i < 2) return undefined;
  const projectDir = parts.slice(0, i).join(path.sep) || path.sep;
  const place: GeminiChatPlace = { projectDir, projectId: parts[i - 1] };
  if (parts.length - i === 3) place.parentSessionId = parts[i + 1];
  return place;
}

/**
 * The project root a Gemini chat belongs to: the `.project_root` file of its
 * project folder, else the folder's entry in `<geminiDir>/projects.json`.
 * Undefined for older hash-named folders (compare `projectHash` instead).
 */
export function geminiProjectRoot(projectDir: string): string | undefined {
  try {
    const root = fs.readFileSync(path.join(projectDir, '.project_root'), 'utf8').trim();
    if (root) return root;
  } catch {
    // no marker file: try the registry
  }
  try {
    const registry: unknown = JSON.parse(fs.readFileSync(path.join(projectDir, '..', '..', 'projects.json'), 'utf8'));
    const projects = (registry as { projects?: unknown }).projects;
    if (projects && typeof projects === 'object') {
      const slug = path.basename(projectDir);
      for (const [root, id] of Object.entries(projects as Record<string, unknown>)) if (id === slug) return root;
    }
  } catch {
    // no registry
  }
  return undefined;
}
