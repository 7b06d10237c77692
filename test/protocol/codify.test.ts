import assert from 'node:assert/strict';
import { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { CodifyPlan } from '../../server/src/codify';
import { CODIFY_EDIT_REQUEST, CODIFY_PLAN_REQUEST, CodifyEditResult } from '../../server/src/features/codifyFeature';
import { useServer } from './fixture';
import { applyWorkspaceEdit } from './lspClient';

const API_AGENTS = 'packages/api/AGENTS.md';

describe('protocol: codify learning', function () {
  const t = useServer();

  it('plans a learning for the active file, reading unsaved AGENTS.md buffers', async function () {
    const { client, ws } = t;
    await client.waitForNotification('podflow/coverage');
    const unsaved = `${ws.read(API_AGENTS)}- Keep handlers under 50 lines.\n`;
    await client.open(ws.uri(API_AGENTS), unsaved);
    const plan = await client.request<CodifyPlan>(CODIFY_PLAN_REQUEST, { uri: ws.uri('packages/api/src/csv.ts'), learning: '- keep handlers under 50 lines' });
    assert.equal(plan.learning, 'keep handlers under 50 lines');
    assert.deepEqual(
      plan.targets.map((t) => [t.path, t.relation]),
      [
        [API_AGENTS, 'nearest'],
        ['AGENTS.md', 'parent'],
        ['packages/api/src/AGENTS.md', 'create'],
      ],
    );
    assert.deepEqual(plan.targets[0].duplicates.map((d) => [d.kind, d.line]), [['exact', 13]]);
  });

  it('answers the edit for a section as a WorkspaceEdit, with the file\'s budget', async function () {
    const { client, ws } = t;
    await client.waitForNotification('podflow/coverage');
    const learning = 'Return 422 for a body that fails validation.';
    const plan = await client.request<CodifyPlan>(CODIFY_PLAN_REQUEST, { uri: ws.uri('packages/api/src/csv.ts'), learning });
    const section = plan.targets[0].sections.find((s) => s.title === 'Rules')!;
    const r = await client.request<CodifyEditResult>(CODIFY_EDIT_REQUEST, { uri: ws.uri('packages/api/src/csv.ts'), learning, target: API_AGENTS, section });
    assert.equal(r.uri, ws.uri(API_AGENTS));
    assert.equal(applyWorkspaceEdit(ws.read(API_AGENTS), r.edit, r.uri), `${ws.read(API_AGENTS)}- ${learning}\n`);
    assert.deepEqual([r.budget.overLines, r.budget.overChain], [false, false]);
  });

  it('creates a nested AGENTS.md, and refuses an empty learning with a message', async function () {
    const { client, ws } = t;
    await client.waitForNotification('podflow/coverage');
    const r = await client.request<CodifyEditResult>(CODIFY_EDIT_REQUEST, {
      learning: 'CSV rows end in CRLF.',
      target: 'packages/api/src/AGENTS.md',
      section: { title: 'Learnings', line: undefined },
    });
    const changes = r.edit.documentChanges ?? [];
    assert.deepEqual(changes[0], { kind: 'create', uri: ws.uri('packages/api/src/AGENTS.md'), options: { ignoreIfExists: true } });
    const [insert] = (changes[1] as TextDocumentEdit).edits;
    assert.ok('newText' in insert);
    assert.equal(insert.newText, '# Agent instructions\n\n## Learnings\n\n- CSV rows end in CRLF.\n');
    await assert.rejects(client.request<WorkspaceEdit>(CODIFY_EDIT_REQUEST, { learning: ' ', target: 'AGENTS.md', section: { title: 'Learnings' } }), /The learning is empty/);
  });
});
