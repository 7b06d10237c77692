/** A command-line mistake: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

/**
 * Walks command-line arguments: `handle(flag, arg, value)` per argument, where
 * `--flag=v` and `--flag v` both give `value()` = "v" (consuming the next one).
 */
export function eachArg(argv: string[], handle: (flag: string, arg: string, value: () => string) => void): void {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq >= 0 ? a.slice(0, eq) : a;
    const inline = eq >= 0 ? a.slice(eq + 1) : undefined;
    handle(flag, a, () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    });
  }
}

/** `7d`, `2w` or a date (YYYY-MM-DD): the first day of a period ending on `to`. */
export function parseSince(value: string, to: string, addDays: (day: string, n: number) => string): string {
  const rel = /^(\d+)([dw])$/.exec(value);
  if (rel) {
    const days = Number(rel[1]) * (rel[2] === 'w' ? 7 : 1);
    if (days < 1) throw new UsageError(`--since must be at least 1d, not "${value}"`);
    return addDays(to, -(days - 1));
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw new UsageError(`--since takes a number of days or weeks (7d, 2w) or a date (2026-11-01), not "${value}"`);
}

/** A value that must be one of `allowed`, for options such as --format and --by. */
export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}` : allowed[0];
  throw new UsageError(`${flag} must be ${list}, not "${value}"`);
}

/** An IANA time zone for --tz. */
export function timeZoneArg(value: string, check: (tz: string) => void): string {
  try {
    check(value);
  } catch {
    throw new UsageError(`--tz must be an IANA time zone such as Europe/Berlin, not "${value}"`);
  }
  return value;
}
