// Entry bundled on the fly by bench/clock.mjs into .bench/clockEntry.cjs, so the benchmark runs
// podflow's real mode-clock code from server/src (classifier, accounting, SQLite store).
import { ClockService, type ClockFolder } from '../server/src/modeClock/clockService';
import { openIntervalStore } from '../server/src/modeClock/openIntervalStore';
import type { ClockSignal } from '../server/src/modeClock/signals';
import { addDays, dayOf } from '../server/src/modeClock/timeZone';
import { MODES, type Interval, type IntervalStore } from '../server/src/modeClock/types';
import { DEFAULT_CONFIG } from '../server/src/config';

export { openIntervalStore, addDays };

const ROOT = '/home/dev/ledgerly';

function kindOf(rel: string): 'spec' | 'plans' | 'agents' | 'test' | undefined {
  if (rel.endsWith('AGENTS.md')) return 'agents';
  if (rel.endsWith('PLANS.md')) return 'plans';
  if (rel.endsWith('spec.md')) return 'spec';
  if (rel.includes('.test.')) return 'test';
  return undefined;
}

const FILES = [
  ...Array.from({ length: 20 }, (_, i) => `specs/${String(i).padStart(3, '0')}-feature/spec.md`),
  'PLANS.md',
  'AGENTS.md',
  'packages/api/AGENTS.md',
  'docs/adr/0001-storage.md',
  ...Array.from({ length: 60 }, (_, i) => `test/module${i}.test.ts`),
  ...Array.from({ length: 120 }, (_, i) => `src/module${i}.ts`),
];

/** A seeded stream of editor events like a working day: mostly keystrokes, some editor switches. */
export function syntheticEvents(count: number, start: number, seed = 42): ClockSignal[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: ClockSignal[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    // Mostly a keystroke every few hundred ms; now and then a long pause (idle).
    at += next() < 0.001 ? 10 * 60_000 : Math.floor(next() * 800);
    const r = next();
    if (r < 0.05) {
      const file = FILES[Math.floor(next() * FILES.length)];
      out.push({ type: 'editor', at, editor: { uri: `file://${ROOT}/${file}`, view: next() < 0.1 ? 'diff' : 'text' } });
    } else if (r < 0.052) out.push({ type: 'focus', at, focused: next() < 0.6 });
    else if (r < 0.053) out.push({ type: 'tick', at });
    else out.push({ type: 'activity', at });
  }
  return out;
}

export function newService(store: IntervalStore): ClockService {
  const folders: ClockFolder[] = [{ root: ROOT, kindOf }];
  return new ClockService({ store, config: { ...DEFAULT_CONFIG, 'modeClock.timeZone': 'UTC' }, folders });
}

/** The mode a file is mostly worked on in (as the classifier would infer it). */
function modeOfFile(file: string): (typeof MODES)[number] {
  const kind = kindOf(file);
  if (kind === 'agents') return 'codify';
  if (kind === 'spec' || kind === 'plans' || file.startsWith('docs/')) return 'plan';
  if (kind === 'test') return 'review';
  return 'execute';
}

/**
 * About `perDay` intervals a day for a year, ending on `lastDay` (UTC): each day touches about 25
 * files, and a file's time is mostly in its own mode (a tenth of it in review, as diffs).
 */
export function yearOfIntervals(lastDay: string, perDay: number, seed = 7): Interval[] {
  let a = seed >>> 0;
  const next = () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 4294967296;
  };
  const out: Interval[] = [];
  for (let d = 364; d >= 0; d--) {
    const day = addDays(lastDay, -d);
    const todays = Array.from({ length: 25 }, () => FILES[Math.floor(next() * FILES.length)]);
    const workspace = next() < 0.8 ? ROOT : '/home/dev/billing';
    let at = Date.parse(`${day}T08:00:00Z`);
    for (let i = 0; i < perDay; i++) {
      const len = 30_000 + Math.floor(next() * 60_000);
      const file = todays[Math.floor(next() * todays.length)];
      out.push({ start: at, end: at + len, day, mode: next() < 0.1 ? 'review' : modeOfFile(file), workspace, file });
      at += len;
    }
  }
  return out;
}

export { dayOf };
