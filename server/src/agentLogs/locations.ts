import * as os from 'node:os';
import * as path from 'node:path';

/** Settings-like inputs; anything left out (or empty) takes the agent's own default. */
export interface LogLocationSettings {
  /** Codex home; default `$CODEX_HOME`, else `~/.codex`. */
  codexHome?: string;
  /** Claude Code config dirs; default `$CLAUDE_CONFIG_DIR` (comma-separated), else `~/.config/claude` and `~/.claude`. */
  claudeDirs?: readonly string[];
  /** Gemini CLI dir; default `~/.gemini`. */
  geminiDir?: string;
}

export interface LogLocations {
  codexHome: string;
  claudeDirs: string[];
  geminiDir: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

function expand(p: string, home: string): string {
  const t = p.trim();
  if (t === '~') return home;
  if (t.startsWith('~/') || t.startsWith('~\\')) return path.join(home, t.slice(2));
  return path.resolve(t);
}

/** Where each agent keeps its logs, from settings, else environment, else defaults under `home`. */
export function resolveLocations(settings: LogLocationSettings = {}, env: Env = process.env, home: string = os.homedir()): LogLocations {
  const codex = settings.codexHome?.trim() || env.CODEX_HOME?.trim() || path.join(home, '.codex');
  let claude = (settings.claudeDirs ?? []).map((d) => d.trim()).filter(Boolean);
  if (!claude.length) claude = (env.CLAUDE_CONFIG_DIR ?? '').split(',').map((d) => d.trim()).filter(Boolean);
  if (!claude.length) claude = [path.join(home, '.config', 'claude'), path.join(home, '.claude')];
  const gemini = settings.geminiDir?.trim() || path.join(home, '.gemini');
  return {
    codexHome: expand(codex, home),
    claudeDirs: [...new Set(claude.map((d) => expand(d, home)))],
    geminiDir: expand(gemini, home),
  };
}
