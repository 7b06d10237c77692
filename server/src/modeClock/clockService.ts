import * as path from 'node:path';
import type { PodflowConfig } from '../config';
import { uriToPath } from '../workspace/uri';
import type { FileKindLookup } from './classifier';
import { ModeClock, type ModeClockOptions } from './modeClock';
import { compileRules, globMatcher } from './rules';
import type { ClockSignal } from './signals';
import { modeStatus, type ModeStatus } from './status';
import { addDays, dayOf, weekStart } from './timeZone';
import type { Interval, IntervalStore, ModeReport } from './types';

/** A workspace folder as the clock sees it: its root and how the project classifies its files. */
export interface ClockFolder {
  root: string;
  kindOf: FileKindLookup;
}

export interface ClockServiceOptions {
  store: IntervalStore;
  config: PodflowConfig;
  folders: readonly ClockFolder[];
  /** Flush closed intervals to the store once this many are waiting (ticks flush too). */
  flushAt?: number;
  checkpointMs?: number;
}

const FLUSH_AT = 200;
const CHECKPOINT_MS = 60_000;
const MAX_PENDING = 10_000;

/**
 * The mode clock for one language server: signals in, intervals to the store, a status out.
 * Time only ever comes from the callers (`at`), so tests drive it with any clock they like.
 */
export class ClockService {
  private clock: ModeClock;
  private pending: Interval[] = [];
  private opts: ClockServiceOptions;

  constructor(opts: ClockServiceOptions) {
    this.opts = opts;
    this.clock = new ModeClock(this.clockOptions());
  }

  get enabled(): boolean {
    return this.opts.config['modeClock.enabled'];
  }

  /** The mode time is counted in now, if any. */
  get mode(): string | undefined {
    return this.clock.mode;
  }

  get persistent(): boolean {
    return this.opts.store.persistent;
  }

  /** New settings or folders; the open interval carries on. */
  reconfigure(config: PodflowConfig, folders: readonly ClockFolder[]): void {
    this.opts = { ...this.opts, config, folders };
    this.clock.reconfigure(this.clockOptions());
  }

  handle(signal: ClockSignal): void {
    if (!this.enabled && signal.type !== 'tick') return;
    this.keep(this.clock.signal(signal));
  }

  /** Writes what the clock has closed; called on ticks and before reading totals. */
  flush(): void {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    try {
      this.opts.store.add(batch);
    } catch (err) {
      // Kept for the next flush (a busy or briefly unwritable file), up to a day's worth.
      if (batch.length + this.pending.length <= MAX_PENDING) this.pending = [...batch, ...this.pending];
      throw err;
    }
  }

  /** Closes the open interval and writes everything (shutdown). */
  stop(at: number): void {
    this.keep(this.clock.stop(at));
    this.flush();
  }

  status(at: number): ModeStatus {
    this.flush();
    const tz = this.timeZone();
    const today = dayOf(at, tz);
    const monday = weekStart(today);
    const totalsToday = this.opts.store.totals(today, today);
    const totalsWeek = this.opts.store.totals(monday, today);
    const open = this.clock.openPart(at);
    if (open) {
      if (open.day === today) totalsToday[open.mode] += open.ms;
      if (open.day >= monday && open.day <= today) totalsWeek[open.mode] += open.ms;
    }
    return modeStatus({
      today: totalsToday,
      week: totalsWeek,
      mode: this.clock.mode,
      state: this.enabled ? this.clock.state : 'paused',
      pinned: this.clock.pinned,
      window: this.opts.config['modeClock.window'],
      driftPoints: this.opts.config['modeClock.driftPoints'],
      persistent: this.opts.store.persistent,
    });
  }

  /** The split report over the last `days` days up to the day of `at`. */
  report(at: number, days: number, topFiles = 5): ModeReport {
    // The open interval counts up to `at`, as in the status bar: store it so far, then read.
    this.keep(this.clock.checkpoint(at));
    this.flush();
    const to = dayOf(at, this.timeZone());
    return this.opts.store.report({ from: addDays(to, -(Math.max(1, days) - 1)), to, topFiles });
  }

  private keep(intervals: Interval[]): void {
    if (!intervals.length) return;
    this.pending.push(...intervals);
    if (this.pending.length >= (this.opts.flushAt ?? FLUSH_AT)) this.flush();
  }

  private timeZone(): string | undefined {
    return this.opts.config['modeClock.timeZone'] || undefined;
  }

  private clockOptions(): ModeClockOptions {
    const c = this.opts.config;
    const folders = [...this.opts.folders].sort((a, b) => b.root.length - a.root.length);
    return {
      idleMs: c['modeClock.idleMinutes'] * 60_000,
      timeZone: this.timeZone(),
      checkpointMs: this.opts.checkpointMs ?? CHECKPOINT_MS,
      defaultWorkspace: this.opts.folders[0]?.root ?? '',
      classifier: {
        rules: compileRules(c['modeClock.rules']),
        plan: globMatcher(c['modeClock.planGlobs']),
        codify: globMatcher(c['modeClock.codifyGlobs']),
        review: globMatcher(c['modeClock.reviewGlobs']),
      },
      resolve: (uri) => resolveUri(uri, folders, this.opts.folders[0]?.root ?? ''),
    };
  }
}

/** Splits a URI into scheme, workspace folder and folder-relative path. */
/** `folders` longest root first, so nested folders win. */
export function resolveUri(uri: string, folders: readonly ClockFolder[], fallback: string): ReturnType<ModeClockOptions['resolve']> {
  const colon = uri.indexOf(':');
  const scheme = colon > 0 ? uri.slice(0, colon) : 'file';
  let abs: string | undefined;
  if (scheme === 'file') {
    abs = uriToPath(uri);
  } else {
    // git:/gitlens: URIs carry the file's path as their path component.
    try {
      abs = decodeURIComponent(new URL(uri).pathname);
    } catch {
      abs = undefined;
    }
  }
  for (const f of folders) {
    if (abs && (abs === f.root || abs.startsWith(f.root + path.sep))) {
      const rel = path.relative(f.root, abs).split(path.sep).join('/');
      return { editor: { scheme, path: rel, kind: f.kindOf(rel), view: 'text' }, workspace: f.root };
    }
  }
  return { editor: { scheme, view: 'text' }, workspace: fallback };
}
