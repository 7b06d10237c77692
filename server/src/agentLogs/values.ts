/** Reading loosely typed JSON values from agent logs: anything unexpected becomes undefined or 0. */

/** A JSON object, or undefined for anything else. */
export type Obj = Record<string, unknown>;
export function obj(v: unknown): Obj | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** A non-negative finite count, 0 for anything else. */
export function count(v: unknown): number {
  return typeof v === 'number' && v > 0 && Number.isFinite(v) ? Math.trunc(v) : 0;
}

/** A non-empty string, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * Lines are decoded as latin1 (one byte, one char: fast, and JSON.parse sees
 * the same ASCII structure). The few strings kept (paths, model names) are
 * turned back into proper UTF-8 here.
 */
export function fromLatin1(s: string): string {
  if (!/[^\x00-\x7f]/.test(s)) return s;
  // Characters above U+00FF came from \u escapes, not from raw bytes: keep them.
  if (/[^\x00-\xff]/.test(s)) return s;
  return Buffer.from(s, 'latin1').toString('utf8');
}
