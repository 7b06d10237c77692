import * as vscode from 'vscode';

/**
 * Only the settings the user set explicitly (user, workspace or folder level).
 * Defaults are left out so `.podflow.yaml` can set them for the whole team.
 */
export function explicitSettings(keys: readonly string[]): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('podflow');
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const i = config.inspect(key);
    const value = i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Setting keys under `podflow.` declared in the extension's manifest. */
export function contributedKeys(context: vscode.ExtensionContext): string[] {
  const configuration = (context.extension.packageJSON as { contributes?: { configuration?: { properties?: Record<string, unknown> } } })
    .contributes?.configuration?.properties;
  return Object.keys(configuration ?? {})
    .filter((k) => k.startsWith('podflow.'))
    .map((k) => k.slice('podflow.'.length));
}
