import * as fs from 'node:fs';
import { openDatabase } from '../store/database';
import { MemoryIntervalStore } from './memoryIntervalStore';
import { SqliteIntervalStore } from './sqliteIntervalStore';
import { IntervalStore } from './types';

export interface OpenIntervalStoreOptions {
  /** Clock for naming a damaged file that is moved aside; Date.now by default. */
  now?: () => number;
}

/**
 * The mode clock's store for an editor session: SQLite at `file` when it can be used, otherwise
 * a MemoryIntervalStore and one notice saying why history is not saved and how to fix it.
 * Notices are for the user (the output channel, once); the store always works.
 */
export function openIntervalStore(
  file: string,
  options: OpenIntervalStoreOptions = {},
): { store: IntervalStore; notices: string[] } {
  const opened = openDatabase(file, { now: options.now });
  if (opened.kind === 'sqlite') return { store: new SqliteIntervalStore(opened.db), notices: opened.notices };
  return {
    store: new MemoryIntervalStore(),
    notices: [
      `podflow: history is not being saved (${sentence(opened.reason)}); the mode clock counts in memory for this session. ` +
        'Fix the cause above, then reload the window (Developer: Reload Window) to save history again.',
    ],
  };
}

/**
 * The store for the command-line report: an existing history file only. It never creates the
 * file and never moves a damaged one aside (a running editor may hold it); it migrates an older
 * file to the current schema, as the editor would on its next start. `error` is a sentence for
 * the caller to present, without a "podflow:" prefix.
 */
export function openExistingForReport(
  file: string,
): { ok: true; store: IntervalStore; notices: string[] } | { ok: false; error: string } {
  if (!fs.existsSync(file)) {
    return {
      ok: false,
      error: `there is no mode clock history at ${file} (the editor creates it when the mode clock first records time).`,
    };
  }
  const opened = openDatabase(file, { create: false, repair: false });
  if (opened.kind === 'sqlite') return { ok: true, store: new SqliteIntervalStore(opened.db), notices: opened.notices };
  return { ok: false, error: `cannot read the mode clock history: ${sentence(opened.reason)}.` };
}

/** A reason without its closing period, to be set inside a sentence. */
function sentence(reason: string): string {
  return reason.replace(/\.+$/, '');
}
