import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, parseConfigFile, type PodflowConfig } from '../config';
import { UsageError } from './args';

/** `.podflow.yaml` of a workspace root (or the file given); a bad file is a usage error (exit 2). */
export function loadConfig(root: string, configPath: string | undefined): PodflowConfig {
  const file = configPath ?? path.join(root, '.podflow.yaml');
  if (!fs.existsSync(file)) {
    if (configPath) throw new UsageError(`config file not found: ${configPath}`);
    return DEFAULT_CONFIG;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    // A folder or an unreadable file: bad configuration (exit 2), not a crash.
    throw new UsageError(`cannot read config file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const { config, problems } = parseConfigFile(text, DEFAULT_CONFIG, path.relative(process.cwd(), file) || file);
  if (problems.length) {
    const lines = problems.map((p) => `  ${p.line !== undefined ? `line ${p.line + 1}: ` : ''}${p.message}`);
    throw new UsageError(`bad configuration:\n${lines.join('\n')}`);
  }
  return config;
}
