import { type Connection } from 'vscode-languageserver/node';
import { now } from '../clock';
import type { PodflowConfig } from '../config';
import { serverDatabasePath } from '../store/defaultPath';
import { openTokenHistory } from '../agentLogs/history';
import { tokenStatus, type TokenStatus } from '../agentLogs/status';
import { TokenService } from '../agentLogs/tokenService';
import { usageMarkdown } from '../agentLogs/usageReport';

/** How often the current sessions' logs are checked (a stat each); PODFLOW_TOKENS_POLL_MS changes it. */
const POLL_MS = Number(process.env.PODFLOW_TOKENS_POLL_MS) > 0 ? Number(process.env.PODFLOW_TOKENS_POLL_MS) : 500;
/** How often the agents' log folders are searched for new sessions. */
const RESCAN_MS = 10_000;

export const TOKEN_STATUS = 'podflow/tokenStatus';
export const BUDGET_MESSAGE = 'podflow/budgetMessage';
export const TOKEN_USAGE = 'podflow/tokenUsage';
export const RESET_TOKEN_SESSION = 'podflow/resetTokenSession';

export interface TokenHost {
  config(): PodflowConfig;
  folders(): string[];
  /** The mode clock's current mode. */
  mode(): string | undefined;
  /** Tells the mode clock whether an agent is writing its log. */
  agentActive(active: boolean): void;
}

/**
 * Wires the token meter into the language server: polls the agents' logs, sends
 * `podflow/tokenStatus` and `podflow/budgetMessage`, answers usage and reset requests.
 */
export class TokenFeature {
  private service: TokenService | undefined;
  private poller: NodeJS.Timeout | undefined;
  private lastRescan = 0;
  private lastSent = '';
  private lastActive = false;
  private lastError = '';

  constructor(
    private readonly connection: Connection,
    private readonly host: TokenHost,
  ) {
    connection.onRequest(TOKEN_USAGE, (p: { days?: number } | undefined) => {
      const s = this.service;
      if (!s) return null;
      const { from, to } = s.range(now(), Math.max(1, p?.days ?? 30));
      return { markdown: usageMarkdown(s.history, from, to, this.host.folders()) };
    });
    connection.onRequest(RESET_TOKEN_SESSION, () => {
      this.service?.resetSessionView();
      this.refresh(now(), true);
      return null;
    });
  }

  start(storageDir: string | undefined): void {
    this.service = new TokenService({ history: openTokenHistory(serverDatabasePath(storageDir)), config: this.host.config(), folders: this.host.folders(), mode: () => this.host.mode() });
    this.poller = setInterval(() => this.tick(), POLL_MS);
    this.poller.unref();
  }

  reconfigure(): void {
    this.service?.reconfigure(this.host.config(), this.host.folders());
    this.lastRescan = 0;
    // New budgets (or prices, locations) change the status and its messages even when no log did.
    this.tick(true);
  }

  stop(): void {
    if (this.poller) clearInterval(this.poller);
    try {
      this.service?.history.close();
    } catch {
      // Closing at shutdown: nothing left to tell.
    }
    this.service = undefined;
  }

  private tick(force = false): void {
    const at = now();
    try {
      const s = this.service;
      if (!s || !s.enabled) return this.send({ visible: false, text: '', tooltip: '', tokens: 0 });
      let changed = false;
      if (at - this.lastRescan >= RESCAN_MS) {
        this.lastRescan = at;
        changed = s.rescan(at);
      } else {
        changed = s.poll(at);
      }
      this.refresh(at, changed || force);
      const active = s.agentActive(at);
      if (active !== this.lastActive) {
        this.lastActive = active;
        this.host.agentActive(active);
      }
    } catch (err) {
      // Unreadable logs or a failing store must never take the language server down.
      const message = `podflow: token meter: ${err instanceof Error ? err.message : String(err)}`;
      if (message !== this.lastError) this.connection.console.error(message);
      this.lastError = message;
    }
  }

  private refresh(now: number, changed: boolean): void {
    const s = this.service;
    if (!s) return;
    if (changed || !this.lastSent) {
      // One snapshot of the session, day and month use serves the status and the budget messages.
      const usage = s.periodUsage(now);
      const budgets = s.budgets(usage);
      this.send(tokenStatus(s, usage, budgets, now));
      for (const m of s.takeBudgetMessages(now, budgets)) void this.connection.sendNotification(BUDGET_MESSAGE, m);
    }
  }

  private send(status: TokenStatus): void {
    const key = JSON.stringify({ ...status, tooltip: status.tooltip.replace(/last write [^·\n]*/g, '') });
    if (key === this.lastSent) return;
    this.lastSent = key;
    void this.connection.sendNotification(TOKEN_STATUS, status);
  }
}
