import { applyConfig, ConfigProblem, DEFAULT_CONFIG, parseConfigFile, PodflowConfig } from '../config';
import { Workspace } from '../workspace/workspace';

export const CONFIG_FILE = '.podflow.yaml';

export interface LoadedConfig {
  config: PodflowConfig;
  /** Problems in `.podflow.yaml`, with lines. */
  fileProblems: ConfigProblem[];
  /** Problems in editor settings. */
  settingsProblems: ConfigProblem[];
}

/**
 * Defaults, then `.podflow.yaml` (the team's, also read by CI), then the
 * settings the user set explicitly in the editor.
 */
export function loadWorkspaceConfig(workspace: Workspace, explicitSettings: unknown): LoadedConfig {
  const text = workspace.readText(CONFIG_FILE);
  const fromFile = text === undefined ? { config: DEFAULT_CONFIG, problems: [] } : parseConfigFile(text, DEFAULT_CONFIG, CONFIG_FILE);
  const fromSettings = applyConfig(fromFile.config, explicitSettings, 'settings');
  return { config: fromSettings.config, fileProblems: fromFile.problems, settingsProblems: fromSettings.problems };
}
