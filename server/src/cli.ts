import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { eachArg, UsageError } from './cli/args';
import { loadConfig } from './cli/loadConfig';
import { runTokens, TOKENS_USAGE } from './cli/tokensCommand';
import { runReport, REPORT_USAGE } from './cli/reportCommand';
import { DocKind } from './documents/kinds';
import { FileFindings, formatJson, formatSarif, formatText } from './lint/format';
import { FileKind, Project } from './project';
import { RULES } from './rules';
import { coverageJson, coverageMarkdown, coveragePercent, coverageText } from './trace/coverageReport';
import { DiskWorkspace } from './workspace/diskWorkspace';

declare const PODFLOW_VERSION: string | undefined;
const VERSION = typeof PODFLOW_VERSION === 'string' ? PODFLOW_VERSION : '0.0.0-dev';

const USAGE = `Usage: podflow <command> [options]

Commands:
  lint [paths...]     Lint AGENTS.md, specs and PLANS.md files (default: the current folder)
  coverage            MUST-to-test coverage per spec, with the uncovered MUSTs
  rules               List every rule with its id, default severity and description
  tokens              Tokens and cost of the agent sessions (Codex CLI, Claude Code, Gemini CLI) in this folder
  report              Time per mode (plan / execute / review / codify) against the 40/10/40/10 target

Options for lint:
  --format text|json|sarif   Output format (default: text)
  --config FILE              Settings file (default: .podflow.yaml in the workspace root)
  --root DIR                 Workspace root (default: the one folder given, else the current folder)
  --kind spec|plans|agents   Treat the given files as this kind (default: from their names)
  -h, --help                 Show this help
  -v, --version              Show the version

Options for coverage:
  --min PCT                        Fail (exit 1) when MUST coverage is below PCT percent (0-100)
  --format text|json|markdown      Output format (default: text); markdown suits a PR comment
  --spec GLOB                      Only specs matching GLOB (workspace-relative; repeatable)
  --config FILE                    Settings file (default: .podflow.yaml in the workspace root)
  --root DIR                       Workspace root (default: the current folder)

${REPORT_USAGE}
${TOKENS_USAGE}
Exit codes:
  lint       0 no error-level findings, 1 at least one error-level finding
  coverage   0 at or above --min (or no --min), 1 below it
  rules      0
  tokens     0, also when no session is found
  report     0, also when no time has been recorded yet
  every command: 2 bad usage, a bad configuration file, or (report) a --db file that is
  missing or unreadable
`;

interface LintArgs {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  config: string | undefined;
  root: string | undefined;
  kind: DocKind | undefined;
}

function parseLintArgs(argv: string[]): LintArgs {
  const args: LintArgs = { paths: [], format: 'text', config: undefined, root: undefined, kind: undefined };
  eachArg(argv, (flag, a, value) => {
    switch (flag) {
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${v}"`);
        args.format = v;
        break;
      }
      case '--config':
        args.config = value();
        break;
      case '--root':
        args.root = value();
        break;
      case '--kind': {
        const v = value();
        if (v !== 'spec' && v !== 'plans' && v !== 'agents') throw new UsageError(`--kind must be spec, plans or agents, not "${v}"`);
        args.kind = v;
        break;
      }
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        args.paths.push(a);
    }
  });
  return args;
}

/** Kind of an explicitly named file whose name the globs do not know (e.g. "team__AGENTS.md"). */
function guessKind(file: string): DocKind | undefined {
  const base = path.basename(file).toLowerCase();
  if (/agents\.md$|claude\.md$|gemini\.md$|copilot-instructions\.md$/.test(base)) return 'agents';
  if (/plans?\.md$/.test(base)) return 'plans';
  if (/(spec|requirements)\.md$/.test(base)) return 'spec';
  return undefined;
}

export function runLint(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const args = parseLintArgs(argv);
  const cwd = process.cwd();
  const given = args.paths.length ? args.paths : ['.'];
  for (const p of given) if (!fs.existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
  if (args.root !== undefined && !fs.statSync(args.root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--root must be an existing folder: ${args.root}`);
  }
  const singleDir = given.length === 1 && fs.statSync(given[0]).isDirectory() ? given[0] : undefined;
  const root = path.resolve(args.root ?? singleDir ?? cwd);
  const config = loadConfig(root, args.config);
  const workspace = new DiskWorkspace(root);
  const project = new Project(workspace, config);
  // Traceability findings need every spec and test file, whichever paths were asked for.
  project.indexAll();
  for (const m of project.reportMessages()) err(`${m}\n`);

  // A path's kind, and whether it is linted as the project sees it (with trace findings) or forced.
  const targets = new Map<string, { kind: FileKind; forced: boolean }>();
  for (const p of given) {
    const abs = path.resolve(p);
    const rel = workspace.rel(abs);
    if (rel === undefined) throw new UsageError(`${p} is outside the workspace root ${root} (use --root)`);
    if (fs.statSync(abs).isDirectory()) {
      for (const [file, kind] of project.fileList()) {
        if (!(rel === '' || file === rel || file.startsWith(`${rel}/`))) continue;
        if (args.kind && kind !== 'test') targets.set(file, { kind: args.kind, forced: true });
        else if (!args.kind) targets.set(file, { kind, forced: false });
      }
    } else {
      const own = project.kindOf(rel);
      if (own && !args.kind) {
        targets.set(rel, { kind: own, forced: false });
        continue;
      }
      const kind = args.kind ?? guessKind(rel);
      if (!kind) {
        err(`podflow: skipping ${p}: not an AGENTS.md, spec or PLANS.md (use --kind)\n`);
        continue;
      }
      targets.set(rel, { kind, forced: true });
    }
  }

  const files: FileFindings[] = [];
  let errors = 0;
  let total = 0;
  for (const [rel, { kind, forced }] of [...targets].sort(([a], [b]) => a.localeCompare(b))) {
    const findings = forced && kind !== 'test' ? project.linter.lint(rel, kind) : project.findings(rel);
    if (kind === 'test' && findings.length === 0) continue; // test files are listed only when they have findings
    total += findings.length;
    errors += findings.filter((f) => f.severity === 'error').length;
    files.push({ displayPath: path.relative(cwd, workspace.abs(rel)) || rel, uriPath: rel, findings });
  }
  if (args.format === 'json') out(formatJson(files));
  else if (args.format === 'sarif') out(formatSarif(files, VERSION, pathToFileURL(root).href));
  else {
    out(formatText(files));
    err(`podflow: ${targets.size} file${targets.size === 1 ? '' : 's'} linted, ${total} finding${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'})\n`);
  }
  return errors > 0 ? 1 : 0;
}

interface CoverageArgs {
  min: number | undefined;
  format: 'text' | 'json' | 'markdown';
  specs: string[];
  config: string | undefined;
  root: string | undefined;
}

function parseCoverageArgs(argv: string[]): CoverageArgs {
  const args: CoverageArgs = { min: undefined, format: 'text', specs: [], config: undefined, root: undefined };
  eachArg(argv, (flag, a, value) => {
    switch (flag) {
      case '--min': {
        const v = value();
        const n = /^\d+(?:\.\d+)?%?$/.test(v) ? Number(v.replace(/%$/, '')) : NaN;
        if (!(n >= 0 && n <= 100)) throw new UsageError(`--min must be a percentage from 0 to 100, not "${v}"`);
        args.min = n;
        break;
      }
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'markdown') throw new UsageError(`--format must be text, json or markdown, not "${v}"`);
        args.format = v;
        break;
      }
      case '--spec':
        args.specs.push(value());
        break;
      case '--config':
        args.config = value();
        break;
      case '--root':
        args.root = value();
        break;
      default:
        throw new UsageError(a.startsWith('-') ? `unknown option ${a}` : `coverage takes no paths (got "${a}"; use --root DIR or --spec GLOB)`);
    }
  });
  return args;
}

function formatPercent(p: number): string {
  return `${Math.floor(p * 10) / 10}%`;
}

export function runCoverage(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const args = parseCoverageArgs(argv);
  if (args.root !== undefined && !fs.statSync(args.root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--root must be an existing folder: ${args.root}`);
  }
  const root = path.resolve(args.root ?? process.cwd());
  const config = loadConfig(root, args.config);
  const project = new Project(new DiskWorkspace(root), config);
  project.indexAll();
  for (const m of project.reportMessages()) err(`${m}\n`);
  const wanted = args.specs.length ? picomatch(args.specs.map((g) => g.replace(/^\.\//, '')), { dot: true }) : undefined;
  const summary = project.coverageSummary(wanted);
  if (wanted && summary.specs.length === 0) throw new UsageError(`no spec matches --spec ${args.specs.join(', ')}`);
  if (args.format === 'json') out(coverageJson(summary));
  else if (args.format === 'markdown') out(coverageMarkdown(summary));
  else out(coverageText(summary));
  const percent = coveragePercent(summary);
  if (args.min !== undefined && percent < args.min) {
    err(`podflow: MUST coverage ${formatPercent(percent)} is below --min ${args.min}%\n`);
    return 1;
  }
  return 0;
}

function listRules(out: (s: string) => void): number {
  for (const r of RULES) out(`${r.id.padEnd(10)} ${r.defaultSeverity.padEnd(11)} ${r.fixable ? 'fix ' : '    '} ${r.description}\n`);
  return 0;
}

export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      out(`${VERSION}\n`);
      return 0;
    }
    if (rest.includes('-h') || rest.includes('--help')) {
      out(USAGE);
      return 0;
    }
    if (command === 'lint') return runLint(rest, out, err);
    if (command === 'coverage') return runCoverage(rest, out, err);
    if (command === 'report') return runReport(rest, out, err);
    if (command === 'tokens') return runTokens(rest, out, err);
    if (command === 'rules') {
      if (rest.length) throw new UsageError(`rules takes no arguments (got ${rest[0]})`);
      return listRules(out);
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`podflow: ${e.message}\n${e.message.startsWith('bad configuration') ? '' : 'Run "podflow --help" for usage.\n'}`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  const code = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
  process.exitCode = code;
}
