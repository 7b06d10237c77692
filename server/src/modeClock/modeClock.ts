import { classify, type ClassifiedEditor, type ClassifierConfig, type ClockContext } from './classifier';
import type { ClockSignal, EditorInfo } from './signals';
import { dayOf, nextMidnight } from './timeZone';
import type { Interval, Mode } from './types';

export interface ModeClockOptions {
  classifier: ClassifierConfig;
  /** No activity for this long stops the clock; the gap is not counted. */
  idleMs: number;
  /** IANA zone for day boundaries; the system's when undefined. */
  timeZone?: string;
  /** An interval open this long is closed and reopened, so a crash loses little. */
  checkpointMs?: number;
  /** Resolves an editor's URI to its scheme, workspace folder and relative path. */
  resolve: (uri: string) => { editor: ClassifiedEditor; workspace: string };
  /** Workspace for time with no editor (the first folder). */
  defaultWorkspace: string;
}

/** Why the clock is not counting right now, if it is not. */
export type ClockState = 'counting' | 'idle' | 'unfocused' | 'paused' | 'unknown';

interface OpenInterval {
  start: number;
  mode: Mode;
  workspace: string;
  file: string;
}

/**
 * Turns editor signals into closed intervals of counted time. Time is only what the signals
 * carry (`at`), so the whole of it is testable without a clock. Each call returns the intervals
 * it closed; the open one is closed by later signals, `tick`, or `stop`.
 */
export class ModeClock {
  private ctx: ClockContext = { debugActive: false, testRunActive: false, agentActive: false, codifyActive: false };
  private workspace: string;
  private file = '';
  private open: OpenInterval | undefined;
  private lastActivity: number | undefined;
  private lastSeen: number | undefined;
  private focused = true;
  private paused = false;
  private idle = false;
  private pin: { mode: Mode; until?: number } | undefined;
  /** The mode the classifier last named; kept when a moment names none. */
  private inferred: Mode | undefined;
  private readonly fileModes = new Map<string, Mode | null>();
  private readonly debugSessions = { count: 0 };
  private editorInfo: EditorInfo | undefined;
  private agentTerminal = false;
  private agentLog = false;

  constructor(private options: ModeClockOptions) {
    this.workspace = options.defaultWorkspace;
  }

  /** New rules or globs: forget cached file classifications. */
  reconfigure(options: ModeClockOptions): void {
    this.options = options;
    this.fileModes.clear();
    // The active editor may now belong to a folder (or kind) it did not before.
    this.setEditor(this.editorInfo);
  }

  get state(): ClockState {
    if (this.paused) return 'paused';
    if (!this.focused) return 'unfocused';
    if (this.idle) return 'idle';
    return this.currentMode() ? 'counting' : 'unknown';
  }

  /** The mode time is counted in now, if any. */
  get mode(): Mode | undefined {
    return this.open?.mode;
  }

  get pinned(): { mode: Mode; until?: number } | undefined {
    return this.pin;
  }

  /** Milliseconds of the open interval up to `at` (for live totals), with its mode and day. */
  openPart(at: number): { mode: Mode; ms: number; day: string } | undefined {
    if (!this.open) return undefined;
    return { mode: this.open.mode, ms: Math.max(0, at - this.open.start), day: dayOf(this.open.start, this.options.timeZone) };
  }

  signal(s: ClockSignal): Interval[] {
    const out: Interval[] = [];
    let at = s.at;
    if (this.lastSeen !== undefined && at < this.lastSeen) {
      // The wall clock went backwards: count up to the last time seen, then start again from now.
      if (this.open) this.close(this.lastSeen, out);
      if (this.lastActivity !== undefined && this.lastActivity > at) this.lastActivity = at;
    }
    this.lastSeen = at;
    // Idle is judged before the signal: the time since the last activity decides.
    if (!this.idle && this.lastActivity !== undefined && at - this.lastActivity >= this.options.idleMs && at >= this.lastActivity) {
      this.idle = true;
      // The idle gap is not counted: the interval ends at the last activity.
      this.close(Math.max(this.lastActivity, this.open?.start ?? this.lastActivity), out);
    }
    if (this.pin?.until !== undefined && at >= this.pin.until) {
      const until = this.pin.until;
      this.pin = undefined;
      if (this.open && until > this.open.start && until <= at) {
        this.close(until, out);
        this.reopen(until, out);
      }
    }
    if (this.apply(s, at)) {
      this.lastActivity = at;
      this.idle = false;
    }
    at = Math.max(at, this.open?.start ?? at);
    this.reopen(at, out);
    const every = this.options.checkpointMs;
    if (every && this.open && at - this.open.start >= every) {
      this.close(at, out);
      this.reopen(at, out);
    }
    return out;
  }

  /**
   * Makes the closed intervals cover the time up to `at` (the report reads only what is stored):
   * a tick (idle, pin expiry), then the open interval is closed at `at` and carries on from there.
   */
  checkpoint(at: number): Interval[] {
    const out = this.signal({ type: 'tick', at });
    if (this.open && at > this.open.start) {
      this.close(at, out);
      this.reopen(at, out);
    }
    return out;
  }

  /** Closes the open interval (window closing, server shutting down). */
  stop(at: number): Interval[] {
    const out: Interval[] = [];
    if (this.open) this.close(Math.max(at, this.open.start), out);
    return out;
  }

  /** Applies a signal to the state; true when it is activity (the person is there). */
  private apply(s: ClockSignal, at: number): boolean {
    switch (s.type) {
      case 'editor':
        this.setEditor(s.editor);
        return true;
      case 'activity':
        return true;
      case 'focus':
        this.focused = s.focused;
        return s.focused;
      case 'debug':
        this.debugSessions.count = Math.max(0, this.debugSessions.count + (s.active ? 1 : -1));
        this.ctx.debugActive = this.debugSessions.count > 0;
        return true;
      case 'testRun':
        this.ctx.testRunActive = s.active;
        return true;
      case 'agentTerminal':
        this.agentTerminal = s.active;
        this.ctx.agentActive = this.agentTerminal || this.agentLog;
        return false;
      case 'agentLog':
        this.agentLog = s.active;
        this.ctx.agentActive = this.agentTerminal || this.agentLog;
        return false;
      case 'codify':
        this.ctx.codifyActive = s.active;
        return true;
      case 'pin':
        this.pin = s.mode ? { mode: s.mode, until: s.until !== undefined && s.until > at ? s.until : undefined } : undefined;
        return true;
      case 'pause':
        this.paused = s.paused;
        return !s.paused;
      case 'tick':
        return false;
    }
  }

  private setEditor(editor: EditorInfo | undefined): void {
    this.editorInfo = editor;
    if (editor) {
      const r = this.options.resolve(editor.uri);
      this.ctx.editor = { ...r.editor, view: editor.view ?? r.editor.view };
      this.workspace = r.workspace;
      this.file = r.editor.path ?? (r.editor.scheme === 'file' ? '' : editor.uri);
    } else {
      this.ctx.editor = undefined;
      this.file = '';
    }
  }

  private currentMode(): Mode | undefined {
    if (this.pin) return this.pin.mode;
    const m = classify(this.ctx, this.options.classifier, this.fileModes);
    if (m) this.inferred = m;
    return this.inferred;
  }

  /** Makes the open interval match the state at `at`: closes it if it no longer does, opens one if needed. */
  private reopen(at: number, out: Interval[]): void {
    const counting = !this.paused && this.focused && !this.idle && this.lastActivity !== undefined;
    const mode = counting ? this.currentMode() : undefined;
    const o = this.open;
    if (o && (o.mode !== mode || o.workspace !== this.workspace || o.file !== this.file)) this.close(at, out);
    if (mode && !this.open) this.open = { start: at, mode, workspace: this.workspace, file: this.file };
  }

  /** Ends the open interval at `end`, split at local midnights. */
  private close(end: number, out: Interval[]): void {
    const o = this.open;
    this.open = undefined;
    if (!o || end <= o.start) return;
    let start = o.start;
    while (start < end) {
      const midnight = nextMidnight(start, this.options.timeZone);
      const stop = Math.min(end, midnight);
      out.push({ start, end: stop, day: dayOf(start, this.options.timeZone), mode: o.mode, workspace: o.workspace, file: o.file });
      start = stop;
    }
  }
}
