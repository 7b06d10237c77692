import { type Connection, MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import { ClockService, type ClockFolder } from '../modeClock/clockService';
import { MemoryIntervalStore } from '../modeClock/memoryIntervalStore';
import { openIntervalStore } from '../modeClock/openIntervalStore';
import { MODE_REPORT, MODE_SIGNAL, MODE_STATUS, type ClockSignal } from '../modeClock/signals';
import type { ModeStatus } from '../modeClock/status';
import { TARGET_SPLIT, type IntervalStore } from '../modeClock/types';
import { DEFAULT_CONFIG, type PodflowConfig } from '../config';
import { serverDatabasePath } from '../store/defaultPath';

/** How often the clock looks for idle time and refreshes the status; PODFLOW_CLOCK_TICK_MS lets tests change it. */
const TICK_MS = Number(process.env.PODFLOW_CLOCK_TICK_MS) > 0 ? Number(process.env.PODFLOW_CLOCK_TICK_MS) : 15_000;

export interface ModeClockHost {
  /** The first workspace folder's settings (the clock is one per window). */
  config(): PodflowConfig;
  folders(): ClockFolder[];
}

/**
 * Wires the mode clock into the language server: `podflow/modeSignal` notifications in,
 * `podflow/modeStatus` out after every change and on a timer, `podflow/modeReport` requests.
 */
export class ModeClockFeature {
  private service: ClockService | undefined;
  private store: IntervalStore | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastSent = '';
  private lastError = '';
  /** Signals that arrive while the workspace is still being indexed wait here (see `reconfigure`). */
  private early: ClockSignal[] | undefined = [];

  constructor(
    private readonly connection: Connection,
    private readonly host: ModeClockHost,
  ) {
    connection.onNotification(MODE_SIGNAL, (s: ClockSignal) => this.onSignal(s));
    connection.onRequest(MODE_REPORT, (p: { days?: number; topFiles?: number } | undefined) => {
      const service = this.service;
      if (!service) return null;
      return { report: service.report(Date.now(), p?.days ?? 7, p?.topFiles ?? 5), target: TARGET_SPLIT, persistent: service.persistent };
    });
  }

  /**
   * Opens the store: `PODFLOW_DB`, else `podflow.db` in the folder the client passes (its global
   * storage). Without either, history is kept in memory.
   */
  start(storageDir: string | undefined): void {
    const file = serverDatabasePath(storageDir);
    if (file) {
      const opened = openIntervalStore(file);
      this.store = opened.store;
      for (const notice of opened.notices) {
        this.connection.console.warn(notice);
        void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: notice });
      }
      if (opened.store.persistent) this.connection.console.info(`podflow: mode clock history in ${file}`);
    } else {
      this.store = new MemoryIntervalStore();
      this.connection.console.info('podflow: no storage folder given; the mode clock keeps its history in memory');
    }
    this.service = new ClockService({ store: this.store, config: this.host.config() ?? DEFAULT_CONFIG, folders: this.host.folders() });
    this.timer = setInterval(() => this.onSignal({ type: 'tick', at: Date.now() }), TICK_MS);
    this.timer.unref();
    this.sendStatus(Date.now());
  }

  /** The mode being counted now (the token meter splits tokens by it). */
  get mode(): string | undefined {
    return this.service?.mode;
  }

  /** Tells the clock whether an agent session is writing its log (execute while nothing else says). */
  agentLog(active: boolean): void {
    this.onSignal({ type: 'agentLog', at: Date.now(), active });
  }

  /** Settings or folders changed; the first call also means the folders are indexed. */
  reconfigure(): void {
    this.service?.reconfigure(this.host.config(), this.host.folders());
    const early = this.early;
    this.early = undefined;
    // Replayed now that files resolve to their folders and kinds (a spec opened at start is plan).
    for (const s of early ?? []) this.onSignal(s);
    // A tick re-infers the mode with the new rules and sends the status.
    this.onSignal({ type: 'tick', at: Date.now() });
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    try {
      this.service?.stop(Date.now());
      this.store?.close();
    } catch (err) {
      this.reportError(err);
    }
    this.service = undefined;
  }

  private onSignal(raw: ClockSignal): void {
    const service = this.service;
    if (!service || typeof raw?.at !== 'number' || !Number.isFinite(raw.at)) return;
    // Whole milliseconds: the store keeps integers, and a client may send fractions.
    const s = { ...raw, at: Math.round(raw.at) } as ClockSignal;
    if (this.early) {
      this.early.push(s);
      return;
    }
    try {
      service.handle(s);
      if (s.type === 'tick') service.flush();
    } catch (err) {
      // A store that fails (disk full, file removed) must not take the language server down.
      this.reportError(err);
    }
    // Keystrokes ("activity") only move the status at ticks; everything else may change the mode now.
    if (s.type !== 'activity') this.sendStatus(s.at);
  }

  private reportError(err: unknown): void {
    const message = `podflow: mode clock: ${err instanceof Error ? err.message : String(err)}`;
    if (message === this.lastError) return;
    this.lastError = message;
    this.connection.console.error(message);
  }

  private sendStatus(at: number): void {
    if (!this.service) return;
    let status: ModeStatus;
    try {
      status = this.service.status(at);
    } catch (err) {
      this.reportError(err);
      return;
    }
    const key = JSON.stringify(status);
    if (key === this.lastSent) return;
    this.lastSent = key;
    void this.connection.sendNotification(MODE_STATUS, status);
  }
}
