import assert from 'node:assert/strict';
import { CompletionItem, CompletionList, CompletionRequest, TextEdit } from 'vscode-languageserver-protocol';
import { useServer } from './fixture';

const SPEC = 'specs/001-csv-export/spec.md';
const TEST = 'test/invites.test.ts';

/** Items of a completion answer (an array or a list). */
function itemsOf(answer: CompletionItem[] | CompletionList | null): CompletionItem[] {
  if (!answer) return [];
  return Array.isArray(answer) ? answer : answer.items;
}

function editOf(item: CompletionItem): TextEdit {
  const e = item.textEdit;
  assert.ok(e && 'range' in e, `${item.label} has no text edit`);
  return e;
}

describe('protocol: completion', function () {
  const t = useServer();

  async function complete(rel: string, text: string, line: number, character: number, languageId = 'markdown'): Promise<CompletionItem[]> {
    const uri = t.ws.uri(rel);
    await t.client.open(uri, text, languageId);
    const answer = await t.client.request<CompletionItem[] | CompletionList | null>(CompletionRequest.method, {
      textDocument: { uri },
      position: { line, character },
      context: { triggerKind: 2, triggerCharacter: ' ' },
    });
    return itemsOf(answer);
  }

  it('announces completion with its trigger characters', async function () {
    const provider = t.client.initializeResult.capabilities.completionProvider;
    assert.ok(provider, 'no completionProvider');
    for (const c of [' ', '*', '-', '[', ':']) assert.ok(provider.triggerCharacters?.includes(c), `trigger character "${c}" missing`);
  });

  it('offers the next free id on a new requirement line of an open spec (its unsaved text)', async function () {
    await t.client.waitForNotification('podflow/coverage');
    const lines = t.ws.read(SPEC).split('\n');
    const at = lines.findIndex((l) => l.startsWith('- **FR-006**'));
    lines.splice(at + 1, 0, '- **');
    const items = await complete(SPEC, lines.join('\n'), at + 1, 4);
    assert.deepEqual(
      items.map((i) => i.label),
      ['FR-007'],
    );
    assert.deepEqual(editOf(items[0]), { range: { start: { line: at + 1, character: 4 }, end: { line: at + 1, character: 4 } }, newText: 'FR-007**: ' });
  });

  it('offers requirement ids after "@covers " in a test file, qualified where two specs define them', async function () {
    await t.client.waitForNotification('podflow/coverage');
    const text = `// @covers \n${t.ws.read(TEST)}`;
    const items = await complete(TEST, text, 0, 11, 'typescript');
    const labels = items.map((i) => i.label);
    assert.equal(labels[0], 'FR-006');
    assert.ok(labels.includes('002-team-invites/FR-002'), labels.join(', '));
    const fr002 = items.find((i) => i.label === '002-team-invites/FR-002')!;
    assert.equal(fr002.detail, 'MUST · specs/002-team-invites/spec.md:15');
    assert.deepEqual(editOf(fr002).range, { start: { line: 0, character: 11 }, end: { line: 0, character: 11 } });
  });

  it('offers the missing AGENTS.md sections after "## "', async function () {
    const text = `${t.ws.read('AGENTS.md')}\n## `;
    const last = text.split('\n').length - 1;
    const items = await complete('AGENTS.md', text, last, 3);
    assert.deepEqual(
      items.map((i) => i.label),
      ['Project context', 'Learnings'],
    );
  });

  it('answers with nothing where there is nothing to complete', async function () {
    assert.deepEqual(await complete('README.md', '## ', 0, 3), []);
    assert.deepEqual(await complete(SPEC, t.ws.read(SPEC), 0, 0), []);
  });
});
