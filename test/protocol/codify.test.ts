import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { learningFromSelection, type CodifyPlan } from '../../server/src/codify';
import { CODIFY_EDIT_REQUEST, CODIFY_PLAN_REQUEST, CodifyEditResult, CodifyPlanResult } from '../../server/src/features/codifyFeature';
import { LIST_LEARNINGS_REQUEST, ListedLearning, RECORD_LEARNING_REQUEST, RecordLearningResult } from '../../server/src/features/learningsFeature';
import { commitAll, git, HAS_GIT } from '../unit/codify/gitHelpers';
import { useServer } from './fixture';
import { applyWorkspaceEdit, ensureServerBuilt, LspClient, TempWorkspace } from './lspClient';

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
    assert.equal((plan as CodifyPlanResult).targets[0].duplicates[0].uri, ws.uri(API_AGENTS));
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

describe('protocol: codify learning, the whole flow into the history database', function () {
  this.timeout(30_000);
  let ws: TempWorkspace;
  let storage: string;
  let client: LspClient | undefined;
  const savedDb = process.env.PODFLOW_DB;

  before(() => ensureServerBuilt());
  beforeEach(() => {
    ws = new TempWorkspace();
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'podflow-learnings-'));
    // The server must open podflow.db in the storage folder it is given, as in the editor.
    delete process.env.PODFLOW_DB;
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    ws.dispose();
    fs.rmSync(storage, { recursive: true, force: true });
    if (savedDb !== undefined) process.env.PODFLOW_DB = savedDb;
  });

  async function start(): Promise<LspClient> {
    client = await LspClient.start({ root: ws.root, initializationOptions: { storageDir: storage } });
    await client.waitForNotification('podflow/coverage');
    return client;
  }

  /** The learnings table as written, read after the server has shut down (its connection closed). */
  async function storedRows(): Promise<Record<string, unknown>[]> {
    await client?.stop();
    client = undefined;
    const db = new BetterSqlite3(path.join(storage, 'podflow.db'), { readonly: true });
    try {
      return db.prepare('SELECT * FROM learnings ORDER BY id').all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }

  it('plan, edit, apply, save, record: the file byte for byte and the stored row with its provenance', async function () {
    if (!HAS_GIT) this.skip();
    git(ws.root, 'init', '-q');
    const head = commitAll(ws.root);
    const c = await start();
    // The reviewer typed the lesson as a comment in the test file (unsaved) and selected it.
    const testFile = 'packages/api/test/csv.test.ts';
    const comment = '// Run these tests with node --test,\n// never jest (FR-002).\n';
    await c.open(ws.uri(testFile), comment + ws.read(testFile), 'typescript');
    const selection = { start: { line: 0, character: 0 }, end: { line: 1, character: 25 } };
    const learning = learningFromSelection(comment);
    assert.equal(learning, 'Run these tests with node --test, never jest (FR-002).');

    const plan = await c.request<CodifyPlanResult>(CODIFY_PLAN_REQUEST, { uri: ws.uri(testFile), learning });
    assert.deepEqual(plan.targets.map((t) => t.label), [
      'packages/api/AGENTS.md (nearest)',
      'AGENTS.md (parent)',
      'packages/api/test/AGENTS.md (create a new AGENTS.md in packages/api/test/)',
    ]);
    const [target] = plan.targets;
    assert.equal(target.uri, ws.uri('packages/api/AGENTS.md'));
    assert.deepEqual(target.duplicates, []);
    const section = target.sections.find((s) => s.title === 'Commands')!;
    const r = await c.request<CodifyEditResult>(CODIFY_EDIT_REQUEST, { uri: ws.uri(testFile), learning: plan.learning, target: target.path, section });
    assert.deepEqual([r.path, r.line, r.lineText, r.section], ['packages/api/AGENTS.md', 7, `- ${learning}`, 'Commands']);
    // The client applies the edit to the file's text and saves it.
    fs.writeFileSync(ws.path(r.path), applyWorkspaceEdit(ws.read(r.path), r.edit, r.uri));
    assert.equal(
      fs.readFileSync(ws.path(r.path)).toString('latin1'),
      [
        '# API package',
        '',
        'The HTTP API for invoices and exports. See [the export spec](../../specs/001-csv-export/spec.md).',
        '',
        '## Commands',
        '',
        '- Run the API tests: `npm test`',
        '- Run these tests with node --test, never jest (FR-002).',
        '',
        '## Rules',
        '',
        '- Handlers validate input with zod before touching the database.',
        '- Money is integer cents (`number`), never floating point.',
        '- Return `problem+json` bodies for every 4xx and 5xx response.',
        '',
      ].join('\n'),
    );

    const at = Date.UTC(2026, 2, 14, 9, 30);
    const recorded = await c.request<RecordLearningResult>(RECORD_LEARNING_REQUEST, {
      uri: ws.uri(testFile),
      selection,
      learning: plan.learning,
      target: r.path,
      section: r.section,
      line: r.line,
      at,
    });
    assert.equal(recorded.persistent, true);
    const listed = await c.request<ListedLearning[]>(LIST_LEARNINGS_REQUEST, { uri: ws.uri(testFile) });
    assert.deepEqual(listed, [{ ...recorded.learning, targetUri: ws.uri(r.path), currentLine: 7, found: true }]);

    assert.deepEqual(await storedRows(), [
      {
        id: recorded.learning.id,
        created_ms: at,
        text: 'Run these tests with node --test, never jest (FR-002).',
        workspace: ws.root,
        target: 'packages/api/AGENTS.md',
        section: 'Commands',
        line: 7,
        source_file: testFile,
        commit_sha: head,
        requirement_id: 'FR-002',
      },
    ]);
  });

  it('codifies into an AGENTS.md with unsaved edits: the edit keeps them, nothing is written to disk', async () => {
    const c = await start();
    const agents = 'packages/api/AGENTS.md';
    const saved = ws.read(agents);
    const unsaved = `${saved}- Unsaved rule typed by hand.\n`;
    await c.open(ws.uri(agents), unsaved);
    const learning = 'Name CSV files ledgerly-YYYY-MM.csv.';
    const plan = await c.request<CodifyPlan>(CODIFY_PLAN_REQUEST, { uri: ws.uri(agents), learning });
    const section = plan.targets[0].sections.find((s) => s.title === 'Rules')!;
    const r = await c.request<CodifyEditResult>(CODIFY_EDIT_REQUEST, { uri: ws.uri(agents), learning, target: plan.targets[0].path, section });
    assert.equal(applyWorkspaceEdit(unsaved, r.edit, r.uri), `${unsaved}- ${learning}\n`);
    assert.deepEqual([r.line, r.lineText], [14, `- ${learning}`]);
    assert.equal(ws.read(agents), saved);
    await c.request<RecordLearningResult>(RECORD_LEARNING_REQUEST, { uri: ws.uri(agents), learning, target: r.path, section: 'Rules', line: r.line, at: 1 });
    // Not applied: the listing says the line is not in the file.
    const [listed] = await c.request<ListedLearning[]>(LIST_LEARNINGS_REQUEST, {});
    assert.deepEqual([listed.currentLine, listed.found], [14, false]);
    const rows = await storedRows();
    assert.deepEqual(
      rows.map((row) => [row.target, row.section, row.line, row.source_file, row.commit_sha, row.requirement_id]),
      [[agents, 'Rules', 14, agents, null, null]],
    );
  });

  it('refuses to record an empty learning', async () => {
    const c = await start();
    await assert.rejects(c.request(RECORD_LEARNING_REQUEST, { learning: ' - ', target: 'AGENTS.md', section: 'Learnings', line: 0 }), /The learning is empty/);
  });
});
