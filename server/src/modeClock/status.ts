import type { ClockState } from './modeClock';
import { emptyTotals, MODES, TARGET_SPLIT, totalOf, type Mode, type ModeTotals } from './types';

export const MODE_LABELS: Readonly<Record<Mode, string>> = { plan: 'Plan', execute: 'Execute', review: 'Review', codify: 'Codify' };
const LETTERS: Readonly<Record<Mode, string>> = { plan: 'P', execute: 'E', review: 'R', codify: 'C' };

/** What the status bar item shows; computed in the server, rendered as is by the client. */
export interface ModeStatus {
  text: string;
  /** Markdown for the tooltip. */
  tooltip: string;
  /** True when the shown split is more than the allowed points off target. */
  drift: boolean;
  mode?: Mode;
  state: ClockState;
  pinned?: { mode: Mode; until?: number };
  /** False when history is kept in memory only (the SQLite module could not load). */
  persistent: boolean;
}

export interface StatusInput {
  today: ModeTotals;
  week: ModeTotals;
  mode?: Mode;
  state: ClockState;
  pinned?: { mode: Mode; until?: number };
  window: 'today' | 'week';
  driftPoints: number;
  persistent: boolean;
  /** Below this much counted time the split is too young to call drift. */
  minMsForDrift?: number;
}

/** Whole percentages per mode; zeros when there is no time. */
export function percentages(t: ModeTotals): ModeTotals {
  const sum = totalOf(t);
  const out = emptyTotals();
  if (sum > 0) for (const m of MODES) out[m] = Math.round((t[m] * 100) / sum);
  return out;
}

/** Largest distance, in points, of any mode from its target share. */
export function driftOf(t: ModeTotals): number {
  const p = percentages(t);
  return Math.max(...MODES.map((m) => Math.abs(p[m] - TARGET_SPLIT[m])));
}

export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** A difference in points with its sign: +4, -2, 0. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

export function modeStatus(input: StatusInput): ModeStatus {
  const shown = input.window === 'week' ? input.week : input.today;
  const pct = percentages(shown);
  const counted = totalOf(shown);
  const split = counted > 0 ? MODES.map((m) => `${LETTERS[m]}${pct[m]}`).join(' ') : 'no time yet';
  const label =
    input.state === 'paused' ? 'Paused' : input.state === 'idle' ? 'Idle' : input.state === 'unfocused' ? 'Away' : input.mode ? MODE_LABELS[input.mode] : 'Waiting';
  const icon = input.state === 'paused' ? '$(debug-pause)' : input.pinned ? '$(pin)' : '$(compass)';
  const drift = counted >= (input.minMsForDrift ?? 30 * 60_000) && driftOf(shown) > input.driftPoints;

  const todayPct = percentages(input.today);
  const weekPct = percentages(input.week);
  const row = (name: string, cells: string[]) => `| ${name} | ${cells.join(' | ')} |`;
  const lines = [
    `**podflow mode clock** — ${label}${input.pinned ? ` (pinned${input.pinned.until ? ` until ${new Date(input.pinned.until).toTimeString().slice(0, 5)}` : ''})` : ''}`,
    '',
    row('', MODES.map((m) => MODE_LABELS[m])),
    row('---', MODES.map(() => '---:')),
    row('Today', MODES.map((m) => `${todayPct[m]}% (${formatDuration(input.today[m])})`)),
    row('This week', MODES.map((m) => `${weekPct[m]}% (${formatDuration(input.week[m])})`)),
    row('Target', MODES.map((m) => `${TARGET_SPLIT[m]}%`)),
    row(`Difference (${input.window === 'week' ? 'week' : 'today'})`, MODES.map((m) => (counted > 0 ? signed(pct[m] - TARGET_SPLIT[m]) : '–'))),
    '',
    drift ? `$(warning) More than ${input.driftPoints} points off the 40/10/40/10 target.` : `Within ${input.driftPoints} points of target, or too little time to tell.`,
  ];
  if (!input.persistent) lines.push('', '$(warning) History is not being saved: the SQLite module could not load (see the podflow output).');
  lines.push('', 'Click to switch mode, pause the clock or show the report.');
  return {
    text: `${icon} ${label} · ${split}`,
    tooltip: lines.join('\n'),
    drift,
    mode: input.mode,
    state: input.state,
    pinned: input.pinned,
    persistent: input.persistent,
  };
}
