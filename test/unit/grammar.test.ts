import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { IGrammar, INITIAL, IRawGrammar, parseRawGrammar, Registry } from 'vscode-textmate';
import { compileIdPattern, DEFAULT_ID_PATTERN } from '../../server/src/documents/ids';
import { KEYWORD_LEVEL } from '../../server/src/documents/keywords';
import { STAND_INS } from './fixtures/standInGrammars';

/**
 * Tokenizes sample lines with vscode-textmate and vscode-oniguruma (the engine
 * VS Code uses) and podflow's injection grammar. The base grammars are small
 * stand-ins (test/unit/fixtures/standInGrammars.ts): VS Code's own Markdown and
 * language grammars are not on npm, so these reproduce only the scopes the
 * injection selector names.
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const GRAMMAR_PATH = path.join(REPO_ROOT, 'syntaxes', 'podflow-rfc2119.tmLanguage.json');
const SCOPE = 'podflow.rfc2119.injection';
/** The base grammars the package.json `contributes.grammars` entry injects into (`injectTo`). */
const INJECT_TO = ['text.html.markdown', 'source.ts', 'source.tsx', 'source.js', 'source.js.jsx', 'source.python', 'source.go', 'source.rust'];

const MUST = 'keyword.other.rfc2119.must.podflow';
const SHOULD = 'keyword.other.rfc2119.should.podflow';
const MAY = 'keyword.other.rfc2119.may.podflow';
const ID = 'constant.other.requirement-id.podflow';

let wasm: Promise<void> | undefined;

function loadOniguruma(): Promise<void> {
  // The WASM module may be loaded once per process.
  wasm ??= oniguruma.loadWASM(fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm')));
  return wasm;
}

function injectionGrammar(): IRawGrammar {
  return parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
}

async function grammarFor(scopeName: string): Promise<IGrammar> {
  await loadOniguruma();
  const byScope = new Map<string, IRawGrammar>(STAND_INS.map((g) => [g.scopeName, g]));
  byScope.set(SCOPE, injectionGrammar());
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (name) => byScope.get(name) ?? null,
    getInjections: (name) => (INJECT_TO.includes(name) ? [SCOPE] : undefined),
  });
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar for ${scopeName}`);
  return grammar;
}

/** Every token with a podflow scope, as "text=kind" (must, should, may, requirement-id), line by line. */
async function podflowTokens(scopeName: string, text: string): Promise<string[]> {
  const grammar = await grammarFor(scopeName);
  const out: string[] = [];
  let state = INITIAL;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const scope = t.scopes.find((s) => s.endsWith('.podflow'));
      if (scope) out.push(`${line.slice(t.startIndex, t.endIndex)}=${scope.replace(/\.podflow$/, '').split('.').pop()}`);
    }
    state = r.ruleStack;
  }
  return out;
}

describe('grammar: RFC 2119 keywords and requirement ids', function () {
  this.timeout(10_000);

  it('is valid JSON whose id pattern and keywords are the server\'s', () => {
    const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as { scopeName: string; repository: Record<string, { match: string; name: string }> };
    assert.equal(raw.scopeName, SCOPE);
    assert.equal(raw.repository['requirement-id'].match, compileIdPattern(DEFAULT_ID_PATTERN).global.source);
    assert.deepEqual(
      Object.fromEntries(Object.keys(raw.repository).filter((k) => k !== 'requirement-id').map((k) => [k, raw.repository[k].name])),
      { must: MUST, should: SHOULD, may: MAY },
    );
  });

  it('gives each keyword the scope of its level, as the server reads it', async () => {
    for (const [keyword, level] of Object.entries(KEYWORD_LEVEL)) {
      assert.deepEqual(await podflowTokens('text.html.markdown', `The API ${keyword} do it.`), [`${keyword}=${level}`], keyword);
    }
  });

  it('scopes keywords and ids in Markdown prose, bold text and headings', async () => {
    const text = [
      '### FR-1.1: Login',
      '- **FR-001**: The export MUST NOT drop rows; it SHOULD log and MAY retry.',
      'SC-12, AUTH-3, SPEC-01.10 and REQ-d00004 are REQUIRED; NOT RECOMMENDED is a level, OPTIONAL too.',
    ].join('\n');
    assert.deepEqual(await podflowTokens('text.html.markdown', text), [
      'FR-1.1=requirement-id',
      'FR-001=requirement-id',
      'MUST NOT=must',
      'SHOULD=should',
      'MAY=may',
      'SC-12=requirement-id',
      'AUTH-3=requirement-id',
      'SPEC-01.10=requirement-id',
      'REQ-d00004=requirement-id',
      'REQUIRED=must',
      'NOT RECOMMENDED=should',
      'OPTIONAL=may',
    ]);
  });

  it('leaves lower- and mixed-case keywords and longer words alone (RFC 8174)', async () => {
    assert.deepEqual(await podflowTokens('text.html.markdown', 'It must work, it Must work, it should, it may; MUSTARD, REQUIRED_FIELD, NON-REQUIRED, fr-001, FR-001-2.'), []);
  });

  it('leaves front matter, code spans, fenced and indented code and HTML comments alone', async () => {
    assert.deepEqual(await podflowTokens('text.html.markdown', '---\nstatus: MUST FR-001\n---\n# FR-002'), ['FR-002=requirement-id']);
    const text = [
      'Inline `MUST` and ``a SHOULD FR-001 b`` are code.', // 0
      '```sh', // 1
      '# MUST FR-002 inside a fence', // 2
      '```', // 3
      '~~~', // 4
      'MAY FR-003', // 5
      '~~~', // 6
      '```ts', // 7
      '// MUST FR-004 in a TypeScript comment inside Markdown', // 8
      '```', // 9
      '', // 10
      '    SHALL FR-005 indented', // 11
      '<!-- MUST FR-006 -->', // 12
      'After the code, SHALL FR-007.', // 13
    ].join('\n');
    assert.deepEqual(await podflowTokens('text.html.markdown', text), ['SHALL=must', 'FR-007=requirement-id']);
  });

  it('scopes keywords and ids in comments of test files, not in their code or strings', async () => {
    const ts = ["// @covers FR-002: the export MUST quote fields", "const MUST = 'FR-003';", '/* SHOULD log SC-1 */ it("MAY", () => {});'].join('\n');
    assert.deepEqual(await podflowTokens('source.ts', ts), ['FR-002=requirement-id', 'MUST=must', 'SHOULD=should', 'SC-1=requirement-id']);
    assert.deepEqual(await podflowTokens('source.js', '// covers FR-009 x = MUST'), ['FR-009=requirement-id', 'MUST=must']);
    assert.deepEqual(await podflowTokens('source.go', 'func TestX(t *testing.T) { // FR-010 MUST NOT panic\n  s := "FR-011"'), ['FR-010=requirement-id', 'MUST NOT=must']);
    // Rust line comments are single-match rules in VS Code's Rust grammar: no injection reaches them, block comments it does.
    assert.deepEqual(await podflowTokens('source.rust', '// REQUIRED by FR-012\nlet MAY = "MAY";\n/* FR-013 MUST hold */'), ['FR-013=requirement-id', 'MUST=must']);
    const py = ['def test_rows():', '    """FR-014: rows MUST load."""', '    x = "FR-015 MUST"  # SHOULD FR-016'].join('\n');
    assert.deepEqual(await podflowTokens('source.python', py), ['FR-014=requirement-id', 'MUST=must', 'SHOULD=should', 'FR-016=requirement-id']);
  });

  it('matches the contributes.grammars entry of package.json, once it has one', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes?: { grammars?: { scopeName: string; path: string; injectTo?: string[] }[] };
    };
    const entry = manifest.contributes?.grammars?.find((g) => g.scopeName === SCOPE);
    if (!entry) return; // not wired yet: the expected entry is in this file's INJECT_TO and syntaxes/
    assert.equal(path.resolve(REPO_ROOT, entry.path), GRAMMAR_PATH);
    assert.deepEqual(entry.injectTo, INJECT_TO);
  });
});
