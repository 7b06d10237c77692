import { parseDocument } from 'yaml';
import { z } from 'zod';
import { clockRuleSchema, type ClockRule } from './modeClock/rules';
import { checkTimeZone } from './modeClock/timeZone';
import { DEFAULT_ID_PATTERN } from './documents/ids';
import { budgetLimitSchema, type Budgets } from './agentLogs/budgets';
import { priceOverrideSchema, type PriceOverride } from './agentLogs/priceOverrides';

/** Severity a rule can be set to, as written in settings and `.podflow.yaml`. */
export const severitySchema = z.enum(['error', 'warning', 'information', 'hint', 'off']);
export type SeveritySetting = z.infer<typeof severitySchema>;
export type Severity = Exclude<SeveritySetting, 'off'>;

const globList = z.array(z.string().min(1, 'a glob cannot be empty'));
const regexSource = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

const ruleIdSchema = z.string().regex(/^[A-Z]+\d{3}$/, 'rule ids look like SPEC001');

/**
 * One schema for VS Code settings (`podflow.*`) and `.podflow.yaml`. Every leaf
 * is validated on its own so that one bad value drops only that key.
 */
export const configShape = {
  specGlobs: globList,
  plansGlobs: globList,
  agentsGlobs: globList,
  exclude: globList,
  idPattern: regexSource,
  maxFileBytes: z.number().int().positive(),
  rules: z.record(ruleIdSchema, severitySchema),
  'spec.requiredSections': z.array(z.string().min(1)),
  'spec.vagueWords': z.array(z.string().min(1)),
  'agents.maxChainBytes': z.number().int().positive(),
  'agents.maxLines': z.number().int().positive(),
  'agents.vaguePhrases': z.array(z.string().min(1)),
  'plans.livingSections': z.array(z.string().min(1)),
  testGlobs: globList,
  junitGlobs: globList,
  'trace.specPrefixes': z.record(z.string().regex(/^\d+[A-Za-z]+$/, 'a prefix is digits then letters, like 2B'), z.string().min(1)),
  'modeClock.enabled': z.boolean(),
  'modeClock.idleMinutes': z.number().positive().max(24 * 60),
  'modeClock.rules': z.array(clockRuleSchema),
  'modeClock.planGlobs': globList,
  'modeClock.codifyGlobs': globList,
  'modeClock.reviewGlobs': globList,
  'modeClock.driftPoints': z.number().min(0).max(100),
  'modeClock.window': z.enum(['today', 'week']),
  'modeClock.timeZone': z.string().refine(
    (tz) => {
      if (tz === '') return true;
      try {
        checkTimeZone(tz);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not an IANA time zone such as Europe/Berlin' },
  ),
  'tokens.enabled': z.boolean(),
  'tokens.codexHome': z.string(),
  'tokens.claudeDirs': z.array(z.string().min(1, 'a folder cannot be empty')),
  'tokens.geminiDir': z.string(),
  'tokens.prices': z.record(z.string().min(1, 'a model name cannot be empty'), priceOverrideSchema),
  'tokens.budgets': z.strictObject({ session: budgetLimitSchema.optional(), day: budgetLimitSchema.optional(), month: budgetLimitSchema.optional() }),
} as const;

export type ConfigKey = keyof typeof configShape;

export interface PodflowConfig {
  specGlobs: string[];
  plansGlobs: string[];
  agentsGlobs: string[];
  exclude: string[];
  idPattern: string;
  maxFileBytes: number;
  rules: Record<string, SeveritySetting>;
  'spec.requiredSections': string[];
  'spec.vagueWords': string[];
  'agents.maxChainBytes': number;
  'agents.maxLines': number;
  'agents.vaguePhrases': string[];
  'plans.livingSections': string[];
  /** Extra test file globs, on top of the built-in layouts. */
  testGlobs: string[];
  /** Extra JUnit XML report globs. */
  junitGlobs: string[];
  /** Per-spec prefixes used in tests: "2B" -> "specs/2b-compilation-pipeline". */
  'trace.specPrefixes': Record<string, string>;
  /** Mode clock: counts time per mode when true. */
  'modeClock.enabled': boolean;
  /** Minutes without activity after which the clock stops. */
  'modeClock.idleMinutes': number;
  /** User rules, first match wins, before the defaults. */
  'modeClock.rules': ClockRule[];
  /** Design documents and ADRs (plan), on top of specs and PLANS.md. */
  'modeClock.planGlobs': string[];
  /** Agent instruction files (codify), on top of the AGENTS.md globs. */
  'modeClock.codifyGlobs': string[];
  /** Files that mean review, on top of test files. */
  'modeClock.reviewGlobs': string[];
  /** Points off target at which the status bar item turns to the warning colour. */
  'modeClock.driftPoints': number;
  /** Which split the status bar shows. */
  'modeClock.window': 'today' | 'week';
  /** IANA time zone for day boundaries; empty for the system's. */
  'modeClock.timeZone': string;
  /** Token meter: reads agent logs when true. */
  'tokens.enabled': boolean;
  /** Codex CLI home; empty for $CODEX_HOME or ~/.codex. */
  'tokens.codexHome': string;
  /** Claude Code config folders; empty for $CLAUDE_CONFIG_DIR or ~/.config/claude and ~/.claude. */
  'tokens.claudeDirs': string[];
  /** Gemini CLI folder; empty for ~/.gemini. */
  'tokens.geminiDir': string;
  /** Price overrides per model, USD per million tokens. */
  'tokens.prices': Record<string, PriceOverride>;
  /** Budgets per session, day and month, in tokens and/or USD. */
  'tokens.budgets': Budgets;
}

export const DEFAULT_VAGUE_WORDS = [
  'fast',
  'quickly',
  'quick',
  'user-friendly',
  'user friendly',
  'intuitive',
  'intuitively',
  'robust',
  'easy',
  'easily',
  'simple',
  'seamless',
  'seamlessly',
  'efficient',
  'efficiently',
  'appropriate',
  'appropriately',
  'as appropriate',
  'adequate',
  'sufficient',
  'reasonable',
  'flexible',
  'etc',
  'and/or',
  'if possible',
  'where possible',
  'as needed',
  'as much as possible',
  'state-of-the-art',
];

export const DEFAULT_VAGUE_PHRASES = [
  'be careful',
  'try to',
  'as needed',
  'write clean code',
  'clean code',
  'follow best practices',
  'best practices',
  'use common sense',
  'when appropriate',
  'where appropriate',
  'if necessary',
  'be mindful',
];

export const DEFAULT_CONFIG: PodflowConfig = {
  specGlobs: [],
  plansGlobs: [],
  agentsGlobs: [],
  exclude: [],
  idPattern: DEFAULT_ID_PATTERN,
  maxFileBytes: 2 * 1024 * 1024,
  rules: {},
  'spec.requiredSections': [
    'Summary|Overview|Context|Introduction|Purpose|Background|Abstract|Goals?|Problem',
    'Requirements|Functional Requirements|Acceptance Criteria',
    'Out of Scope|Non-Goals|Non Goals|Nongoals|Not in Scope',
  ],
  'spec.vagueWords': DEFAULT_VAGUE_WORDS,
  'agents.maxChainBytes': 32 * 1024,
  'agents.maxLines': 300,
  'agents.vaguePhrases': DEFAULT_VAGUE_PHRASES,
  'plans.livingSections': [
    'Progress',
    'Surprises & Discoveries|Surprises and Discoveries',
    'Decision Log',
    'Outcomes & Retrospective|Outcomes and Retrospective',
    'Validation and Acceptance|Validation & Acceptance',
  ],
  testGlobs: [],
  junitGlobs: [],
  'trace.specPrefixes': {},
  'modeClock.enabled': true,
  'modeClock.idleMinutes': 5,
  'modeClock.rules': [],
  'modeClock.planGlobs': ['**/DESIGN.md', '**/design/**/*.md', '**/docs/design*/**', '**/*design*.md', '**/adr/**', '**/adrs/**', '**/ADR-*.md', '**/rfcs/**'],
  'modeClock.codifyGlobs': ['**/AGENTS.md', '**/agents.md', '**/CLAUDE.md', '**/GEMINI.md', '**/.github/copilot-instructions.md', '**/.cursorrules'],
  'modeClock.reviewGlobs': [],
  'modeClock.driftPoints': 15,
  'modeClock.window': 'today',
  'modeClock.timeZone': '',
  'tokens.enabled': true,
  'tokens.codexHome': '',
  'tokens.claudeDirs': [],
  'tokens.geminiDir': '',
  'tokens.prices': {},
  'tokens.budgets': {},
};

export interface ConfigProblem {
  /** Dotted key as the user wrote it: "rules.SPEC001", "agents.maxLines". */
  key: string;
  message: string;
  /** Zero-based line in `.podflow.yaml`, when the problem is there. */
  line?: number;
}

/** Reads a nested (`agents: { maxLines: 300 }`) or dotted (`agents.maxLines`) object. */
function lookup(raw: Record<string, unknown>, key: string): unknown {
  if (key in raw) return raw[key];
  let cur: unknown = raw;
  for (const part of key.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(part in (cur as object))) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Groups of dotted keys: `agents` for `agents.maxLines`, which YAML may nest. */
const GROUPS = new Set(Object.keys(configShape).filter((k) => k.includes('.')).map((k) => k.split('.')[0]));

/** Keys of a raw settings object that no setting reads, dotted ("agents.maxLine"), nested ones included. */
function keyProblems(raw: Record<string, unknown>, origin: string): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  for (const [top, value] of Object.entries(raw)) {
    if (top in configShape) continue;
    if (!GROUPS.has(top)) {
      out.push({ key: top, message: `${origin}: unknown setting "${top}"` });
    } else if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      out.push({ key: top, message: `${origin}: "${top}" must be a mapping of settings` });
    } else {
      for (const sub of Object.keys(value)) {
        const key = `${top}.${sub}`;
        if (!(key in configShape)) out.push({ key, message: `${origin}: unknown setting "${key}"` });
      }
    }
  }
  return out;
}

/**
 * Validates a raw settings object and lays it over `base`. Bad keys are reported
 * and skipped; everything valid still applies.
 */
export function applyConfig(
  base: PodflowConfig,
  raw: unknown,
  origin: string,
): { config: PodflowConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: PodflowConfig = { ...base, rules: { ...base.rules } };
  if (raw === undefined || raw === null) return { config, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ key: '(root)', message: `${origin}: expected a mapping of settings` });
    return { config, problems };
  }
  const obj = raw as Record<string, unknown>;
  problems.push(...keyProblems(obj, origin));
  for (const key of Object.keys(configShape) as ConfigKey[]) {
    const value = lookup(obj, key);
    if (value === undefined) continue;
    if (key === 'rules') {
      // Validate each rule entry separately so one typo does not drop the others.
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({ key, message: `${origin}: "rules" must map rule ids to a severity` });
        continue;
      }
      for (const [id, sev] of Object.entries(value as Record<string, unknown>)) {
        // Id and severity apart: zod reports a bad record key only as "Invalid key in record".
        const idCheck = ruleIdSchema.safeParse(id);
        const sevCheck = severitySchema.safeParse(sev);
        if (!idCheck.success) problems.push({ key: `rules.${id}`, message: `${origin}: rules.${id}: ${describe(idCheck.error)}` });
        else if (!sevCheck.success) problems.push({ key: `rules.${id}`, message: `${origin}: rules.${id}: ${describe(sevCheck.error)}` });
        else config.rules[id] = sevCheck.data;
      }
      continue;
    }
    const r = configShape[key].safeParse(value);
    if (r.success) (config as unknown as Record<string, unknown>)[key] = r.data;
    else problems.push({ key, message: `${origin}: ${key}: ${describe(r.error)}` });
  }
  return { config, problems };
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** Parses `.podflow.yaml` text; YAML errors and bad keys come back as problems with lines. */
export function parseConfigFile(
  text: string,
  base: PodflowConfig = DEFAULT_CONFIG,
  origin = '.podflow.yaml',
): { config: PodflowConfig; problems: ConfigProblem[] } {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = text.slice(0, e.pos[0]).split('\n').length - 1;
    return { config: base, problems: [{ key: '(file)', message: `${origin}: ${e.message.split('\n')[0]}`, line }] };
  }
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (e) {
    // toJS() throws on an alias bomb ("Excessive alias count ..."): a problem, not a crash.
    return { config: base, problems: [{ key: '(file)', message: `${origin}: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  const { config, problems } = applyConfig(base, raw, origin);
  const lines = text.split(/\r?\n/);
  for (const p of problems) {
    const leaf = p.key.split('.').pop() ?? p.key;
    const i = lines.findIndex((l) => new RegExp(`^\\s*["']?${escapeRegExp(leaf)}["']?\\s*:`).test(l));
    if (i >= 0) p.line = i;
  }
  return { config, problems };
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
