import type { Mode } from './types';

/**
 * What the editor tells the mode clock, as the `podflow/modeSignal` notification carries it.
 * `at` is the client's clock in epoch milliseconds; the accounting never trusts it to be monotonic.
 */
export type ClockSignal =
  | { type: 'editor'; at: number; editor?: EditorInfo }
  | { type: 'activity'; at: number }
  | { type: 'focus'; at: number; focused: boolean }
  | { type: 'debug'; at: number; active: boolean }
  | { type: 'testRun'; at: number; active: boolean }
  | { type: 'agentTerminal'; at: number; active: boolean }
  /** An agent session of this workspace wrote its log within the last minute (from the token meter). */
  | { type: 'agentLog'; at: number; active: boolean }
  | { type: 'codify'; at: number; active: boolean }
  | { type: 'pin'; at: number; mode?: Mode; until?: number }
  | { type: 'pause'; at: number; paused: boolean }
  | { type: 'tick'; at: number };

/** The active editor or view. */
export interface EditorInfo {
  /** The document's URI (file:, git:, untitled:, ...). */
  uri: string;
  /** What kind of editor shows it: a plain text editor, a diff, the merge editor, a pull-request or Testing view. */
  view?: 'text' | 'diff' | 'merge' | 'pullRequest' | 'testing';
}

export const MODE_SIGNAL = 'podflow/modeSignal';
export const MODE_STATUS = 'podflow/modeStatus';
export const MODE_REPORT = 'podflow/modeReport';
