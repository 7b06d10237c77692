import ignore, { type Ignore } from 'ignore';
import { ALWAYS_IGNORED_DIRS, ancestorsRel, dirnameRel, type Workspace } from './workspace';

/**
 * Folders builds and tools write into. A path inside one is expected to be
 * missing from a fresh checkout, so it is no dead link, git-ignored or not.
 */
export const OUTPUT_DIRS = new Set([...ALWAYS_IGNORED_DIRS, 'artifacts', 'tmp', 'temp', '.tmp', 'lib-cov', '.output', '.nuxt', '.svelte-kit', '.vercel', '.wrangler', 'wrangler-dist', 'storybook-static', '.parcel-cache', '.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', 'htmlcov', 'obj']);

/**
 * Answers "would git ignore this path?" from the `.gitignore` files of the
 * workspace root and of every folder above the path (each read once per
 * instance; make one per lint so edits to a .gitignore are seen next time).
 */
export class GitIgnore {
  private readonly byDir = new Map<string, Ignore | null>();

  constructor(private readonly workspace: Workspace) {}

  private rules(dir: string): Ignore | null {
    let rules = this.byDir.get(dir);
    if (rules === undefined) {
      const text = this.workspace.readText(dir === '' ? '.gitignore' : `${dir}/.gitignore`);
      rules = text === undefined ? null : ignore({ allowRelativePaths: true }).add(text);
      this.byDir.set(dir, rules);
    }
    return rules;
  }

  /** True when git would ignore `relPath` (a workspace-relative path, file or folder). */
  ignores(relPath: string): boolean {
    const clean = relPath.replace(/\/+$/, '');
    if (clean === '') return false;
    for (const dir of ancestorsRel(dirnameRel(clean))) {
      const rules = this.rules(dir);
      if (!rules) continue;
      const rel = dir === '' ? clean : clean.slice(dir.length + 1);
      // A missing path may be a file or a folder: `dist/` patterns only match the folder form.
      if (rules.ignores(rel) || rules.ignores(`${rel}/`)) return true;
    }
    return false;
  }
}

/** True when a segment of the path is a build or tool output folder (`dist/cli.js`, `./artifacts/x`). */
export function inOutputDir(relPath: string): boolean {
  return relPath.split('/').some((seg) => OUTPUT_DIRS.has(seg));
}
