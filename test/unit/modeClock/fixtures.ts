import type { ClassifierConfig, FileKind } from '../../../server/src/modeClock/classifier';
import { resolveUri, type ClockFolder } from '../../../server/src/modeClock/clockService';
import { ModeClock, type ModeClockOptions } from '../../../server/src/modeClock/modeClock';
import { compileRules, globMatcher, type ClockRule } from '../../../server/src/modeClock/rules';
import { DEFAULT_CONFIG } from '../../../server/src/config';

export const ROOT = '/work/ledgerly';

/** The project's own kinds for the example layout: specs, PLANS.md, AGENTS.md, tests. */
export function kindOf(rel: string): FileKind | undefined {
  if (/(^|\/)AGENTS\.md$/.test(rel)) return 'agents';
  if (/(^|\/)PLANS\.md$/.test(rel)) return 'plans';
  if (/(^|\/)(SPEC\.md|spec\.md)$/.test(rel)) return 'spec';
  if (/\.test\.ts$|(^|\/)test_[^/]*\.py$/.test(rel)) return 'test';
  return undefined;
}

export const FOLDER: ClockFolder = { root: ROOT, kindOf };

export function classifierConfig(rules: ClockRule[] = []): ClassifierConfig {
  return {
    rules: compileRules(rules),
    plan: globMatcher(DEFAULT_CONFIG['modeClock.planGlobs']),
    codify: globMatcher(DEFAULT_CONFIG['modeClock.codifyGlobs']),
    review: globMatcher(DEFAULT_CONFIG['modeClock.reviewGlobs']),
  };
}

export function clockOptions(over: Partial<ModeClockOptions> = {}, rules: ClockRule[] = []): ModeClockOptions {
  return {
    classifier: classifierConfig(rules),
    idleMs: 5 * 60_000,
    timeZone: 'UTC',
    resolve: (uri) => resolveUri(uri, [FOLDER], ROOT),
    defaultWorkspace: ROOT,
    ...over,
  };
}

export function newClock(over: Partial<ModeClockOptions> = {}, rules: ClockRule[] = []): ModeClock {
  return new ModeClock(clockOptions(over, rules));
}

export const fileUri = (rel: string): string => `file://${ROOT}/${rel}`;
export const MIN = 60_000;
/** 2026-11-24T09:00:00Z */
export const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);
