/**
 * Requirement ids: `FR-001`, `SC-12`, `AUTH-3`, `FR-1.1`, `SPEC-01.10`, `REQ-d00004`, `SPEC-01.AC1`.
 * The pattern is a setting; this is its default source.
 */
export const DEFAULT_ID_PATTERN = '[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-[a-z]?\\d+(?:\\.[A-Za-z0-9]+)*[a-z]?';

export interface IdMatcher {
  source: string;
  /** Matches an id anywhere (global). */
  global: RegExp;
  /** Matches an id at the start of a string. */
  anchored: RegExp;
}

export function compileIdPattern(source: string): IdMatcher {
  const body = `(?<![A-Za-z0-9_\\-])(?:${source})(?![A-Za-z0-9_]|-[A-Za-z0-9])`;
  return { source, global: new RegExp(body, 'g'), anchored: new RegExp(`^${body}`) };
}

export interface IdParts {
  /** Everything before the first numeric component: "FR-", "REQ-d", "SPEC-". */
  prefix: string;
  /** Numeric components, as written: ["001"], ["1", "1"], ["01", "AC1"]. */
  parts: string[];
}

export function splitId(id: string): IdParts {
  const m = /^(.*?-[a-z]?)(\d.*)$/.exec(id);
  if (!m) return { prefix: id, parts: [] };
  return { prefix: m[1], parts: m[2].split('.') };
}

/** Zero-padded width of the first numeric component, or 0 when it is not padded. */
export function paddedWidth(id: string): number {
  const first = splitId(id).parts[0] ?? '';
  return /^0\d/.test(first) ? first.length : 0;
}

/**
 * The next free id after `base` in the same style: the last numeric component
 * increments (keeping its zero padding) until the id is not in `taken`.
 */
export function nextFreeId(base: string, taken: ReadonlySet<string>): string {
  const m = /^(.*?)(\d+)([a-z]?)$/.exec(base);
  if (!m) return `${base}-1`;
  const [, head, digits] = m;
  let n = Number(digits);
  for (;;) {
    n++;
    const candidate = head + String(n).padStart(digits.length, '0');
    if (!taken.has(candidate)) return candidate;
  }
}
