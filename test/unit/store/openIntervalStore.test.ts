import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryIntervalStore } from '../../../server/src/modeClock/memoryIntervalStore';
import { openExistingForReport, openIntervalStore } from '../../../server/src/modeClock/openIntervalStore';
import { SqliteIntervalStore } from '../../../server/src/modeClock/sqliteIntervalStore';
import { Interval } from '../../../server/src/modeClock/types';
import { makeTempDir, removeTempDir, withoutNativeModule } from './storeHelpers';

const INTERVAL: Interval = { start: 0, end: 90_000, day: '2025-02-03', mode: 'execute', workspace: '/w', file: 'a.ts' };

describe('clock/openIntervalStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('opens SQLite when it can, with no notices', () => {
    const file = path.join(dir, 'podflow', 'history.db');
    const { store, notices } = openIntervalStore(file);
    try {
      assert.ok(store instanceof SqliteIntervalStore);
      assert.equal(store.persistent, true);
      assert.deepEqual(notices, []);
      store.add([INTERVAL]);
    } finally {
      store.close();
    }
    assert.ok(fs.existsSync(file));
  });

  it('passes on the one notice about a damaged file, with the given time', () => {
    const file = path.join(dir, 'history.db');
    fs.writeFileSync(file, 'not a database '.repeat(100));
    const { store, notices } = openIntervalStore(file, { now: () => new Date(2025, 0, 2, 3, 4, 5).getTime() });
    store.close();
    assert.equal(notices.length, 1);
    assert.ok(fs.existsSync(`${file}.corrupt-20250102T030405`));
  });

  describe('when the native module cannot be loaded', () => {
    withoutNativeModule(() => dir);

    it('counts in memory and says so once, with the reason and the fix', () => {
      const file = path.join(dir, 'history.db');
      const { store, notices } = openIntervalStore(file);
      try {
        assert.ok(store instanceof MemoryIntervalStore);
        assert.equal(store.persistent, false);
        assert.equal(notices.length, 1);
        assert.match(notices[0], /^podflow: history is not being saved \(the SQLite module \(better-sqlite3\) could not be loaded/);
        assert.ok(notices[0].includes('no-such'), notices[0]);
        assert.match(notices[0], /the mode clock counts in memory for this session\./);
        assert.match(notices[0], /Install a podflow build packaged for this editor/);
        assert.match(notices[0], /reload the window/);
        store.add([INTERVAL]);
        assert.equal(store.totals('2025-02-03', '2025-02-03').execute, 90_000);
      } finally {
        store.close();
      }
      assert.ok(!fs.existsSync(file), 'nothing was written');
    });

    it('the report variant gives a clear error', () => {
      const file = path.join(dir, 'history.db');
      fs.writeFileSync(file, '');
      const opened = openExistingForReport(file);
      assert.equal(opened.ok, false);
      assert.match(opened.ok ? '' : opened.error, /cannot read the mode clock history: the SQLite module/);
    });
  });

  describe('openExistingForReport', () => {
    it('reads an existing history file', () => {
      const file = path.join(dir, 'history.db');
      const first = openIntervalStore(file);
      first.store.add([INTERVAL]);
      first.store.close();
      const opened = openExistingForReport(file);
      assert.ok(opened.ok);
      try {
        assert.deepEqual(opened.store.totals('2025-02-03', '2025-02-03'), { plan: 0, execute: 90_000, review: 0, codify: 0 });
      } finally {
        opened.store.close();
      }
    });

    it('does not create a missing file or its folder', () => {
      const file = path.join(dir, 'sub', 'history.db');
      const opened = openExistingForReport(file);
      assert.equal(opened.ok, false);
      assert.match(opened.ok ? '' : opened.error, /^there is no mode clock history at .*history\.db/);
      assert.deepEqual(fs.readdirSync(dir), []);
    });

    it('does not move a damaged file aside', () => {
      const file = path.join(dir, 'history.db');
      fs.writeFileSync(file, 'not a database '.repeat(100));
      const opened = openExistingForReport(file);
      assert.equal(opened.ok, false);
      assert.match(opened.ok ? '' : opened.error, /is damaged \(file is not a database/);
      assert.deepEqual(fs.readdirSync(dir), ['history.db']);
    });
  });
});
