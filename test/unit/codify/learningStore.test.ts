import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  LearningRecord,
  LearningStore,
  MemoryLearningStore,
  openLearningStore,
  SqliteLearningStore,
  StoredLearning,
} from '../../../server/src/codify';
import { openIntervalStore } from '../../../server/src/modeClock/openIntervalStore';
import { makeTempDir, openOk, rawOpen, removeTempDir, withoutNativeModule } from '../store/storeHelpers';

const SHA = 'a'.repeat(40);

function record(over: Partial<LearningRecord> = {}): LearningRecord {
  return {
    createdMs: 1_750_000_000_000,
    text: 'Run the API tests with node --test, never jest.',
    workspace: '/w/ledgerly',
    target: 'packages/api/AGENTS.md',
    section: 'Commands',
    line: 7,
    sourceFile: 'packages/api/test/csv.test.ts',
    commitSha: SHA,
    requirementId: 'FR-002',
    ...over,
  };
}

interface Kind {
  name: string;
  open(dir: string): LearningStore;
}

const KINDS: Kind[] = [
  { name: 'SqliteLearningStore', open: (dir) => new SqliteLearningStore(openOk(path.join(dir, 'podflow.db')).db) },
  { name: 'MemoryLearningStore', open: () => new MemoryLearningStore() },
];

for (const kind of KINDS) {
  describe(`codify/learningStore: ${kind.name}`, () => {
    let dir: string;
    let store: LearningStore;
    beforeEach(() => {
      dir = makeTempDir();
      store = kind.open(dir);
    });
    afterEach(() => {
      store.close();
      removeTempDir(dir);
    });

    it('gives back what it stored, with an id, and without provenance it does not have', () => {
      const a = store.add(record());
      assert.deepEqual(a, { ...record(), id: a.id });
      const b = store.add(record({ createdMs: 1_750_000_000_500.4, sourceFile: undefined, commitSha: undefined, requirementId: undefined }));
      assert.deepEqual(store.recent(), [
        { id: b.id, createdMs: 1_750_000_000_500, text: record().text, workspace: '/w/ledgerly', target: 'packages/api/AGENTS.md', section: 'Commands', line: 7 },
        a,
      ]);
      assert.ok(b.id > a.id);
    });

    it('lists newest first (ties: last written first), per workspace, up to a limit', () => {
      const t = 1_750_000_000_000;
      const ids = [
        store.add(record({ createdMs: t, text: 'one' })),
        store.add(record({ createdMs: t + 2, text: 'two', workspace: '/w/other' })),
        store.add(record({ createdMs: t + 1, text: 'three' })),
        store.add(record({ createdMs: t + 1, text: 'four' })),
      ];
      const texts = (rows: StoredLearning[]) => rows.map((r) => r.text);
      assert.deepEqual(texts(store.recent()), ['two', 'four', 'three', 'one']);
      assert.deepEqual(texts(store.recent({ workspace: '/w/ledgerly' })), ['four', 'three', 'one']);
      assert.deepEqual(texts(store.recent({ workspace: '/w/ledgerly', limit: 2 })), ['four', 'three']);
      assert.deepEqual(texts(store.recent({ workspace: '/w/none' })), []);
      // A nonsense limit falls back to the default rather than listing nothing.
      assert.equal(store.recent({ limit: 0 }).length, ids.length);
    });

    it('refuses a record that cannot be right, with a message naming what is wrong', () => {
      assert.throws(() => store.add(record({ text: '  ' })), /needs text/);
      assert.throws(() => store.add(record({ target: '' })), /needs the AGENTS\.md/);
      assert.throws(() => store.add(record({ line: -1 })), /zero-based line/);
      assert.throws(() => store.add(record({ createdMs: Number.NaN })), /needs a time/);
      assert.deepEqual(store.recent(), []);
    });
  });
}

describe('codify/learningStore: the shared history database', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('writes the learnings table of schema 3, next to the mode clock on a second connection', () => {
    const file = path.join(dir, 'storage', 'podflow.db');
    const clock = openIntervalStore(file);
    const { store, notices } = openLearningStore(file);
    try {
      assert.deepEqual(notices, []);
      assert.ok(store instanceof SqliteLearningStore);
      assert.equal(store.persistent, true);
      clock.store.add([{ start: 0, end: 60_000, day: '2025-06-15', mode: 'codify', workspace: '/w/ledgerly', file: 'AGENTS.md' }]);
      store.add(record());
    } finally {
      store.close();
      clock.store.close();
    }
    const db = rawOpen(file);
    try {
      assert.deepEqual(db.prepare('SELECT * FROM learnings').all(), [
        {
          id: 1,
          created_ms: 1_750_000_000_000,
          text: record().text,
          workspace: '/w/ledgerly',
          target: 'packages/api/AGENTS.md',
          section: 'Commands',
          line: 7,
          source_file: 'packages/api/test/csv.test.ts',
          commit_sha: SHA,
          requirement_id: 'FR-002',
        },
      ]);
      assert.deepEqual(db.prepare('SELECT COUNT(*) AS n FROM intervals').get(), { n: 1 });
    } finally {
      db.close();
    }
  });

  describe('when the native module cannot be loaded', () => {
    withoutNativeModule(() => dir);

    it('keeps learnings in memory and says why, once', () => {
      const file = path.join(dir, 'podflow.db');
      const { store, notices } = openLearningStore(file);
      assert.ok(store instanceof MemoryLearningStore);
      assert.equal(store.persistent, false);
      assert.equal(notices.length, 1);
      assert.match(notices[0], /^podflow: codified learnings are not being saved \(the SQLite module \(better-sqlite3\) could not be loaded/);
      assert.match(notices[0], /kept in memory for this session/);
      store.add(record());
      assert.equal(store.recent().length, 1);
      store.close();
      assert.equal(fs.existsSync(file), false);
      assert.throws(() => store.add(record()), /closed/);
    });
  });
});
