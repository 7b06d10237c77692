import { parseDocument } from 'yaml';

export interface FrontMatter {
  /** Line of the opening `---` (always 0) and of the closing fence. */
  startLine: number;
  endLine: number;
  /** Parsed value, or undefined when the YAML does not parse. */
  data: unknown;
  /** YAML syntax errors with their zero-based line and column in the file. */
  errors: { message: string; line: number; character: number }[];
  /** Zero-based file line of each top-level key, for pointing at a bad value. */
  keyLines: Map<string, number>;
}

/** Finds a leading `---` ... `---` (or `...`) YAML block. */
export function extractFrontMatter(lines: readonly string[]): FrontMatter | undefined {
  if (lines.length === 0 || lines[0].trimEnd() !== '---') return undefined;
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i].trimEnd();
    if (t === '---' || t === '...') {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const source = lines.slice(1, end).join('\n');
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const toLineCol = (offset: number): { line: number; character: number } => {
    let lo = 0;
    while (lo + 1 < lineStarts.length && lineStarts[lo + 1] <= offset) lo++;
    return { line: lo + 1, character: offset - lineStarts[lo] };
  };
  const errors = doc.errors.map((e) => ({ message: e.message.split('\n')[0], ...toLineCol(e.pos[0]) }));
  let data: unknown;
  if (!errors.length) {
    try {
      data = doc.toJS();
    } catch (e) {
      // toJS() throws on an alias bomb ("Excessive alias count ..."): report it, do not crash.
      errors.push({ message: e instanceof Error ? e.message : String(e), line: 1, character: 0 });
    }
  }
  const keyLines = new Map<string, number>();
  const contents = doc.contents as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null;
  for (const item of contents?.items ?? []) {
    const key = item.key;
    if (key && typeof key.value === 'string' && key.range) keyLines.set(key.value, toLineCol(key.range[0]).line);
  }
  return { startLine: 0, endLine: end, data: errors.length ? undefined : data, errors, keyLines };
}
