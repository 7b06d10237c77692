/**
 * Reads a few fields of a JSON object straight from bytes, without building
 * the rest: log lines carry large prompt, tool-output and reasoning values
 * that a token reader never needs. Unpicked values are skipped by structure
 * (strings jump from quote to quote with a native search), picked ones go
 * through JSON.parse. Bytes are read as latin1: JSON's structure is ASCII,
 * and callers turn the few strings they keep back into UTF-8.
 */

/** Which keys to read at one level: `true` parses the value, a nested spec descends into an object value. */
export interface PickSpec {
  readonly [key: string]: true | PickSpec;
}

export type Picked = Record<string, unknown>;

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

/** Thrown (and caught in `pickJson`) when the bytes are not the JSON the walk expects. */
class Malformed extends Error {}
const MALFORMED = new Malformed('malformed JSON');

function ws(buf: Buffer, i: number, end: number): number {
  while (i < end) {
    const c = buf[i];
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
    i++;
  }
  return i;
}

/** `buf[i]` is an opening quote; returns the index after the closing one. */
function skipString(buf: Buffer, i: number, end: number): number {
  // Most strings in a log line are short keys and ids: a plain loop beats a native call for them.
  let j = i + 1;
  const near = Math.min(end, j + 48);
  while (j < near) {
    const c = buf[j];
    if (c === QUOTE) return j + 1;
    j += c === BACKSLASH ? 2 : 1;
  }
  // A long value (prompt, tool output): jump from quote to quote; a quote after an odd run of backslashes is escaped.
  for (;;) {
    const k = buf.indexOf(QUOTE, j);
    if (k < 0 || k >= end) throw MALFORMED;
    let b = k - 1;
    while (buf[b] === BACKSLASH) b--;
    if ((k - 1 - b) % 2 === 0) return k + 1;
    j = k + 1;
  }
}

/** Returns the index after the JSON value that starts at `i`. */
function skipValue(buf: Buffer, i: number, end: number): number {
  const c = buf[i];
  if (c === QUOTE) return skipString(buf, i, end);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    let depth = 1;
    let j = i + 1;
    while (j < end) {
      const d = buf[j];
      if (d === QUOTE) {
        j = skipString(buf, j, end);
        continue;
      }
      if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
      else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
        if (--depth === 0) return j + 1;
      }
      j++;
    }
    throw MALFORMED;
  }
  // number, true, false, null
  let j = i;
  while (j < end) {
    const d = buf[j];
    if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || d === 32 || d === 9 || d === 10 || d === 13) break;
    j++;
  }
  if (j === i) throw MALFORMED;
  return j;
}

interface CompiledKey {
  name: string;
  bytes: Buffer;
  sub: Compiled | undefined;
  /** This key's bit in a mask of keys found. */
  bit: number;
}
/** Keys by byte length, so that most keys of a line are dismissed without making a string. */
type Compiled = (CompiledKey[] | undefined)[] & { allKeys?: number };

const compiledSpecs = new WeakMap<PickSpec, Compiled>();

function compile(spec: PickSpec): Compiled {
  let c = compiledSpecs.get(spec);
  if (c) return c;
  c = [];
  const entries = Object.entries(spec);
  if (entries.length > 30) throw new Error('pickJson: at most 30 keys per level');
  entries.forEach(([name, want], n) => {
    const bytes = Buffer.from(name, 'latin1');
    (c![bytes.length] ??= []).push({ name, bytes, sub: want === true ? undefined : compile(want), bit: 1 << n });
  });
  c.allKeys = (1 << entries.length) - 1;
  compiledSpecs.set(spec, c);
  return c;
}

function findKey(buf: Buffer, start: number, len: number, spec: Compiled): CompiledKey | undefined {
  const candidates = spec[len];
  if (!candidates) return undefined;
  for (const k of candidates) {
    const b = k.bytes;
    let j = 0;
    while (j < len && buf[start + j] === b[j]) j++;
    if (j === len) return k;
  }
  return undefined;
}

/**
 * Walks the object at `i`; fills `out` with the picked keys; returns the index
 * after the object, or -1 when `stopEarly` and every key of the spec was found.
 */
function walkObject(buf: Buffer, i: number, end: number, spec: Compiled, out: Picked, stopEarly = false): number {
  let found = 0;
  if (i >= end || buf[i] !== OPEN_BRACE) throw MALFORMED;
  i = ws(buf, i + 1, end);
  if (i < end && buf[i] === CLOSE_BRACE) return i + 1;
  for (;;) {
    if (i >= end || buf[i] !== QUOTE) throw MALFORMED;
    const keyEnd = skipString(buf, i, end);
    const key = findKey(buf, i + 1, keyEnd - i - 2, spec);
    i = ws(buf, keyEnd, end);
    if (i >= end || buf[i] !== COLON) throw MALFORMED;
    i = ws(buf, i + 1, end);
    if (i >= end) throw MALFORMED;
    if (key !== undefined && key.sub === undefined) {
      const valueEnd = skipValue(buf, i, end);
      try {
        out[key.name] = JSON.parse(buf.toString('latin1', i, valueEnd));
      } catch {
        throw MALFORMED;
      }
      i = valueEnd;
    } else if (key?.sub !== undefined && buf[i] === OPEN_BRACE) {
      const sub: Picked = {};
      i = walkObject(buf, i, end, key.sub, sub);
      out[key.name] = sub;
    } else {
      i = skipValue(buf, i, end);
    }
    if (key !== undefined && stopEarly && (found |= key.bit) === spec.allKeys) return -1;
    i = ws(buf, i, end);
    if (i >= end) throw MALFORMED;
    const c = buf[i];
    if (c === COMMA) {
      i = ws(buf, i + 1, end);
      continue;
    }
    if (c === CLOSE_BRACE) return i + 1;
    throw MALFORMED;
  }
}

/**
 * The picked fields of the JSON object in `buf[start, end)`, or undefined when
 * it is not one (torn, truncated, or not an object). Keys escaped with `\u`
 * in the log are not recognised (no agent writes them).
 *
 * With `stopEarly`, the walk ends as soon as every top-level key of the spec
 * has been read: the rest of the line (a large tool result, say) is neither
 * read nor checked, so a line torn after those keys still gives them.
 */
export function pickJson(buf: Buffer, start: number, end: number, spec: PickSpec, stopEarly = false): Picked | undefined {
  try {
    const out: Picked = {};
    const i = walkObject(buf, ws(buf, start, end), end, compile(spec), out, stopEarly);
    return i < 0 || ws(buf, i, end) === end ? out : undefined;
  } catch (e) {
    if (e instanceof Malformed) return undefined;
    throw e;
  }
}
