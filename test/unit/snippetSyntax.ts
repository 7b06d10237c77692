/**
 * A parser for VS Code's snippet syntax (tab stops `$1` / `${1}`, placeholders
 * `${1:default}`, choices `${1|a,b|}`, variables `$NAME` / `${NAME:default}`,
 * `\$` `\}` `\\` escapes), strict where VS Code is lenient: a `$` that starts
 * nothing is an error here, so a typo cannot slip into a snippet as text.
 */

/** Variables VS Code resolves in snippets (the ones podflow's snippets may use), with the values tests expand them to. */
export const KNOWN_VARIABLES: Readonly<Record<string, string>> = {
  CURRENT_YEAR: '2026',
  CURRENT_MONTH: '03',
  CURRENT_DATE: '14',
  TM_FILENAME: 'SPEC.md',
  TM_FILENAME_BASE: 'SPEC',
  TM_DIRECTORY: '/work',
  RELATIVE_FILEPATH: 'SPEC.md',
  WORKSPACE_NAME: 'work',
};

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children: Node[] | undefined }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children: Node[] | undefined };

export interface ParsedSnippet {
  /** The body with every placeholder at its default, choices at their first option, mirrors filled in, $0 empty. */
  expanded: string;
  /** Tab stop numbers used (0 included when present). */
  tabstops: number[];
  /** How many times $0 occurs. */
  finalCount: number;
  variables: string[];
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parse(): Node[] {
    const nodes = this.sequence(false);
    if (this.pos < this.src.length) throw this.error('unexpected "}"');
    return nodes;
  }

  private error(message: string): Error {
    return new Error(`${message} at offset ${this.pos} of ${JSON.stringify(this.src)}`);
  }

  /** Nodes up to the end (top level) or up to an unescaped "}" (inside a placeholder). */
  private sequence(nested: boolean): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = (): void => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && /[$}\\]/.test(this.src[this.pos + 1] ?? '')) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === '$') {
        flush();
        out.push(this.dollar());
      } else if (c === '}' && nested) {
        break;
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return out;
  }

  private dollar(): Node {
    const rest = this.src.slice(this.pos + 1);
    let m = /^\d+/.exec(rest);
    if (m) {
      this.pos += 1 + m[0].length;
      return { kind: 'tabstop', index: Number(m[0]), children: undefined };
    }
    m = /^[_A-Za-z][_A-Za-z0-9]*/.exec(rest);
    if (m) {
      this.pos += 1 + m[0].length;
      return this.variable(m[0], undefined);
    }
    if (!rest.startsWith('{')) throw this.error('"$" starts no tab stop or variable (escape it as "\\$")');
    this.pos += 2;
    m = /^(\d+)([:|}])/.exec(this.src.slice(this.pos));
    if (m) {
      const index = Number(m[1]);
      this.pos += m[0].length;
      if (m[2] === '}') return { kind: 'tabstop', index, children: undefined };
      if (m[2] === ':') return { kind: 'tabstop', index, children: this.closed() };
      return { kind: 'choice', index, options: this.choice() };
    }
    m = /^([_A-Za-z][_A-Za-z0-9]*)([:}])/.exec(this.src.slice(this.pos));
    if (m) {
      this.pos += m[0].length;
      return this.variable(m[1], m[2] === ':' ? this.closed() : undefined);
    }
    throw this.error('"${" must be followed by a number or a variable name, then ":", "|" or "}"');
  }

  private variable(name: string, children: Node[] | undefined): Node {
    if (!(name in KNOWN_VARIABLES)) throw this.error(`unknown variable ${name}`);
    return { kind: 'variable', name, children };
  }

  /** A placeholder's content and its closing "}". */
  private closed(): Node[] {
    const children = this.sequence(true);
    if (this.src[this.pos] !== '}') throw this.error('placeholder not closed with "}"');
    this.pos++;
    return children;
  }

  /** `a,b|}` after `${1|`. */
  private choice(): string[] {
    const options: string[] = [];
    let cur = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && /[,|\\$}]/.test(this.src[this.pos + 1] ?? '')) {
        cur += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === ',') {
        options.push(cur);
        cur = '';
        this.pos++;
      } else if (c === '|' && this.src[this.pos + 1] === '}') {
        options.push(cur);
        this.pos += 2;
        if (options.some((o) => o === '')) throw this.error('empty choice');
        return options;
      } else {
        cur += c;
        this.pos++;
      }
    }
    throw this.error('choice not closed with "|}"');
  }
}

export function parseSnippet(body: string): ParsedSnippet {
  const nodes = new Parser(body).parse();
  const defaults = new Map<number, Node[] | string>();
  const tabstops = new Set<number>();
  const variables: string[] = [];
  let finalCount = 0;
  const collect = (list: Node[]): void => {
    for (const n of list) {
      if (n.kind === 'tabstop' || n.kind === 'choice') {
        tabstops.add(n.index);
        if (n.index === 0) finalCount++;
      }
      if (n.kind === 'tabstop' && n.children) {
        if (!defaults.has(n.index)) defaults.set(n.index, n.children);
        collect(n.children);
      }
      if (n.kind === 'choice' && !defaults.has(n.index)) defaults.set(n.index, n.options[0]);
      if (n.kind === 'variable') {
        variables.push(n.name);
        if (n.children) collect(n.children);
      }
    }
  };
  collect(nodes);
  const expand = (list: Node[], depth: number): string => {
    if (depth > 20) throw new Error('placeholders nest too deep (a placeholder mirrors itself?)');
    return list
      .map((n) => {
        if (n.kind === 'text') return n.value;
        if (n.kind === 'variable') return KNOWN_VARIABLES[n.name];
        if (n.kind === 'choice') return n.options[0];
        if (n.index === 0) return n.children ? expand(n.children, depth + 1) : '';
        const d = n.children ?? defaults.get(n.index);
        return d === undefined ? '' : typeof d === 'string' ? d : expand(d, depth + 1);
      })
      .join('');
  };
  return { expanded: expand(nodes, 0), tabstops: [...tabstops].sort((a, b) => a - b), finalCount, variables };
}
