/**
 * The time the token meter (language server) and `podflow tokens` (CLI) go by: what "today" and
 * "this month" are, and when growth of a session was read.
 *
 * Test hook: `PODFLOW_NOW=<ISO 8601 timestamp>` in the environment sets the clock to that
 * instant at its first reading in the process; it runs on from there at the normal rate (so
 * intervals such as the rescan period still pass). Without it, or with a value that does not
 * parse, this is `Date.now()`. It exists so tests of day and month totals do not depend on the
 * date they run on; nothing else sets it.
 */
let offsetMs: number | undefined;

export function now(): number {
  if (offsetMs === undefined) {
    const fixed = process.env.PODFLOW_NOW ? Date.parse(process.env.PODFLOW_NOW) : NaN;
    offsetMs = Number.isFinite(fixed) ? fixed - Date.now() : 0;
  }
  return Date.now() + offsetMs;
}
