import assert from 'node:assert/strict';
import type { Interval } from '../../../server/src/modeClock/types';
import { clockOptions, fileUri, MIN, newClock, ROOT, T0 } from './fixtures';

/** Intervals as compact tuples: [mode, start minute, end minute, day, file]. */
function compact(intervals: Interval[]): [string, number, number, string, string][] {
  return intervals.map((i) => [i.mode, (i.start - T0) / MIN, (i.end - T0) / MIN, i.day, i.file]);
}

describe('mode clock accounting', () => {
  it('counts from an editor switch to the next, per file, with workspace and day', () => {
    const c = newClock();
    assert.deepEqual(c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('SPEC.md') } }), []);
    assert.equal(c.mode, 'plan');
    const closed = c.signal({ type: 'editor', at: T0 + 3 * MIN, editor: { uri: fileUri('src/app.ts') } });
    assert.deepEqual(compact(closed), [['plan', 0, 3, '2026-11-24', 'SPEC.md']]);
    assert.equal(closed[0].workspace, ROOT);
    assert.equal(c.mode, 'execute');
    assert.deepEqual(compact(c.stop(T0 + 4 * MIN)), [['execute', 3, 4, '2026-11-24', 'src/app.ts']]);
  });

  it('activity inside the idle limit keeps one interval going', () => {
    const c = newClock();
    c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('src/app.ts') } });
    for (let m = 4; m <= 16; m += 4) assert.deepEqual(c.signal({ type: 'activity', at: T0 + m * MIN }), []);
    assert.deepEqual(compact(c.stop(T0 + 17 * MIN)), [['execute', 0, 17, '2026-11-24', 'src/app.ts']]);
  });

  describe('idle', () => {
    it('one millisecond short of the limit still counts the gap', () => {
      const c = newClock();
      c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('src/app.ts') } });
      assert.deepEqual(c.signal({ type: 'activity', at: T0 + 5 * MIN - 1 }), []);
      assert.equal(c.state, 'counting');
    });

    it('exactly at the limit the clock stops and the gap is not counted', () => {
      const c = newClock();
      c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('src/app.ts') } });
      c.signal({ type: 'activity', at: T0 + 2 * MIN });
      const closed = c.signal({ type: 'tick', at: T0 + 7 * MIN });
      assert.deepEqual(compact(closed), [['execute', 0, 2, '2026-11-24', 'src/app.ts']]);
      assert.equal(c.state, 'idle');
      assert.equal(c.mode, undefined);
      assert.deepEqual(c.stop(T0 + 30 * MIN), []);
    });

    it('activity after idle starts a new interval at that moment', () => {
      const c = newClock();
      c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('SPEC.md') } });
      const closed = c.signal({ type: 'activity', at: T0 + 20 * MIN });
      // The only activity was the editor switch at 0: nothing before the gap to count.
      assert.deepEqual(closed, []);
      assert.equal(c.state, 'counting');
      assert.deepEqual(compact(c.stop(T0 + 21 * MIN)), [['plan', 20, 21, '2026-11-24', 'SPEC.md']]);
    });

    it('the idle limit is a setting', () => {
      const c = newClock({ idleMs: 1 * MIN });
      c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('SPEC.md') } });
      c.signal({ type: 'tick', at: T0 + 1 * MIN });
      assert.equal(c.state, 'idle');
    });
  });

  describe('window focus', () => {
    it('losing focus stops the clock at that moment; regaining it starts again', () => {
      const c = newClock();
      c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('SPEC.md') } });
      assert.deepEqual(compact(c.signal({ type: 'focus', at: T0 + 2 * MIN, focused: false })), [['plan', 0, 2, '2026-11-24', 'SPEC.md']]);
      assert.equal(c.state, 'unfocused');
      assert.deepEqual(c.signal({ type: 'tick', at: T0 + 3 * MIN }), []);
      c.signal({ type: 'focus', at: T0 + 10 * MIN, focused: true });
      assert.equal(c.state, 'counting');
      assert.deepEqual(compact(c.stop(T0 + 11 * MIN)), [['plan', 10, 11, '2026-11-24', 'SPEC.md']]);
    });
  });

  describe('pinning', () => {
    it('a pinned mode overrides inference until unpinned', () => {
      const c = newClock();
      c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('src/app.ts') } });
      assert.deepEqual(compact(c.signal({ type: 'pin', at: T0 + 1 * MIN, mode: 'review' })), [['execute', 0, 1, '2026-11-24', 'src/app.ts']]);
      assert.equal(c.mode, 'review');
      c.signal({ type: 'editor', at: T0 + 2 * MIN, editor: { uri: fileUri('SPEC.md') } });
      assert.equal(c.mode, 'review', 'editor switches do not unpin');
      c.signal({ type: 'pin', at: T0 + 3 * MIN });
      assert.equal(c.mode, 'plan');
      assert.equal(c.pinned, undefined);
    });

    it('a pin for N minutes ends at its time, even if noticed later', () => {
      const c = newClock();
      c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('src/app.ts') } });
      c.signal({ type: 'pin', at: T0, mode: 'plan', until: T0 + 15 * MIN });
      c.signal({ type: 'activity', at: T0 + 4 * MIN });
      c.signal({ type: 'activity', at: T0 + 8 * MIN });
      c.signal({ type: 'activity', at: T0 + 12 * MIN });
      const closed = c.signal({ type: 'activity', at: T0 + 16 * MIN });
      assert.deepEqual(compact(closed), [['plan', 0, 15, '2026-11-24', 'src/app.ts']]);
      assert.equal(c.mode, 'execute');
      assert.deepEqual(compact(c.stop(T0 + 17 * MIN)), [['execute', 15, 17, '2026-11-24', 'src/app.ts']]);
    });
  });

  it('pausing stops counting until resumed', () => {
    const c = newClock();
    c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('SPEC.md') } });
    assert.deepEqual(compact(c.signal({ type: 'pause', at: T0 + MIN, paused: true })), [['plan', 0, 1, '2026-11-24', 'SPEC.md']]);
    assert.equal(c.state, 'paused');
    c.signal({ type: 'editor', at: T0 + 2 * MIN, editor: { uri: fileUri('src/a.ts') } });
    assert.equal(c.mode, undefined);
    c.signal({ type: 'pause', at: T0 + 3 * MIN, paused: false });
    assert.deepEqual(compact(c.stop(T0 + 4 * MIN)), [['execute', 3, 4, '2026-11-24', 'src/a.ts']]);
  });

  it('a view with no opinion keeps the previous mode and notes the view as the file', () => {
    const c = newClock();
    c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('SPEC.md') } });
    c.signal({ type: 'editor', at: T0 + MIN, editor: { uri: 'output:extension-output-podflow' } });
    assert.equal(c.mode, 'plan');
  });

  it('debug sessions count: review until the last one ends', () => {
    const c = newClock();
    c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('src/a.ts') } });
    c.signal({ type: 'debug', at: T0 + MIN, active: true });
    c.signal({ type: 'debug', at: T0 + MIN, active: true });
    c.signal({ type: 'debug', at: T0 + 2 * MIN, active: false });
    assert.equal(c.mode, 'review');
    c.signal({ type: 'debug', at: T0 + 3 * MIN, active: false });
    assert.equal(c.mode, 'execute');
  });

  it('an agent terminal is not activity: it does not keep the person from going idle', () => {
    const c = newClock();
    c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('src/a.ts') } });
    c.signal({ type: 'agentTerminal', at: T0 + 4 * MIN, active: true });
    c.signal({ type: 'tick', at: T0 + 5 * MIN });
    assert.equal(c.state, 'idle');
  });

  describe('day boundaries and time zones', () => {
    it('a session across midnight splits into two days (UTC)', () => {
      const c = newClock({ idleMs: 60 * MIN });
      const start = Date.UTC(2026, 10, 24, 23, 40);
      c.signal({ type: 'editor', at: start, editor: { uri: fileUri('SPEC.md') } });
      const out = c.stop(Date.UTC(2026, 10, 25, 0, 30));
      assert.deepEqual(
        out.map((i) => [i.day, (i.end - i.start) / MIN]),
        [
          ['2026-11-24', 20],
          ['2026-11-25', 30],
        ],
      );
      assert.equal(out[0].end, Date.UTC(2026, 10, 25));
    });

    it('splits at local midnight of the configured zone, not UTC', () => {
      // 04:30Z to 05:30Z is 23:30 to 00:30 in New York (UTC-5 in November).
      const c = newClock({ idleMs: 120 * MIN, timeZone: 'America/New_York' });
      c.signal({ type: 'editor', at: Date.UTC(2026, 10, 25, 4, 30), editor: { uri: fileUri('SPEC.md') } });
      const out = c.stop(Date.UTC(2026, 10, 25, 5, 30));
      assert.deepEqual(
        out.map((i) => [i.day, (i.end - i.start) / MIN]),
        [
          ['2026-11-24', 30],
          ['2026-11-25', 30],
        ],
      );
    });

    it('the same instants in Tokyo fall on one day', () => {
      const c = newClock({ idleMs: 120 * MIN, timeZone: 'Asia/Tokyo' });
      c.signal({ type: 'editor', at: Date.UTC(2026, 10, 25, 4, 30), editor: { uri: fileUri('SPEC.md') } });
      assert.deepEqual(
        c.stop(Date.UTC(2026, 10, 25, 5, 30)).map((i) => i.day),
        ['2026-11-25'],
      );
    });

    it('a 23-hour day (DST starts) splits at the right instants', () => {
      // Berlin, 2026-03-29: clocks go from 02:00 to 03:00. A session from 22:00 on the 28th to 01:00 on the 30th.
      const c = newClock({ idleMs: 48 * 60 * MIN, timeZone: 'Europe/Berlin' });
      c.signal({ type: 'editor', at: Date.UTC(2026, 2, 28, 21, 0), editor: { uri: fileUri('SPEC.md') } });
      const out = c.stop(Date.UTC(2026, 2, 29, 23, 0));
      assert.deepEqual(
        out.map((i) => [i.day, (i.end - i.start) / MIN / 60]),
        [
          ['2026-03-28', 2],
          ['2026-03-29', 23],
          ['2026-03-30', 1],
        ],
      );
    });
  });

  describe('clock changes', () => {
    it('time going backwards never yields a negative interval', () => {
      const c = newClock();
      c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('SPEC.md') } });
      c.signal({ type: 'activity', at: T0 + 2 * MIN });
      // The wall clock jumps back an hour.
      const closed = c.signal({ type: 'editor', at: T0 - 58 * MIN, editor: { uri: fileUri('src/a.ts') } });
      assert.deepEqual(compact(closed), [['plan', 0, 2, '2026-11-24', 'SPEC.md']]);
      const rest = c.stop(T0 - 57 * MIN);
      assert.deepEqual(compact(rest), [['execute', -58, -57, '2026-11-24', 'src/a.ts']]);
      for (const i of [...closed, ...rest]) assert.ok(i.end >= i.start);
    });

    it('a stop before the start of the open interval yields nothing', () => {
      const c = newClock();
      c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('SPEC.md') } });
      assert.deepEqual(c.stop(T0 - MIN), []);
    });

    it('random signal sequences with jumps never produce negative or overlapping time per call', () => {
      let seed = 7;
      const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const files = ['SPEC.md', 'src/a.ts', 'AGENTS.md', 'test/a.test.ts'];
      const c = newClock();
      let at = T0;
      for (let i = 0; i < 2000; i++) {
        at += Math.floor((rnd() - 0.1) * 10 * MIN);
        const r = rnd();
        const out =
          r < 0.5
            ? c.signal({ type: 'editor', at, editor: { uri: fileUri(files[Math.floor(rnd() * files.length)]) } })
            : r < 0.8
              ? c.signal({ type: 'activity', at })
              : c.signal({ type: 'focus', at, focused: rnd() < 0.7 });
        for (const iv of out) assert.ok(iv.end > iv.start, `interval ${iv.start}..${iv.end} at step ${i}`);
      }
    });
  });

  it('checkpoints a long interval so a crash loses at most a minute', () => {
    const c = newClock({ checkpointMs: MIN });
    c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('SPEC.md') } });
    assert.deepEqual(compact(c.signal({ type: 'activity', at: T0 + 30_000 })), []);
    assert.deepEqual(compact(c.signal({ type: 'tick', at: T0 + 75_000 })), [['plan', 0, 1.25, '2026-11-24', 'SPEC.md']]);
    assert.equal(c.mode, 'plan');
  });

  it('reconfigure re-resolves the active editor with the new rules', () => {
    const c = newClock();
    c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('notes/idea.md') } });
    assert.equal(c.mode, 'execute');
    c.reconfigure(clockOptions({}, [{ match: 'notes/**', mode: 'plan' }]));
    c.signal({ type: 'tick', at: T0 + MIN });
    assert.equal(c.mode, 'plan');
  });
});

describe('mode clock checkpoint', () => {
  it('closes the open interval at the given time and carries on in the same mode', () => {
    const c = newClock();
    c.signal({ type: 'editor', at: T0, editor: { uri: fileUri('SPEC.md') } });
    const out = c.checkpoint(T0 + 2 * MIN);
    assert.deepEqual(
      out.map((i) => [i.mode, (i.start - T0) / MIN, (i.end - T0) / MIN]),
      [['plan', 0, 2]],
    );
    assert.equal(c.mode, 'plan');
    assert.deepEqual(
      c.stop(T0 + 3 * MIN).map((i) => [i.mode, (i.start - T0) / MIN, (i.end - T0) / MIN]),
      [['plan', 2, 3]],
    );
  });
});

describe('mode clock and agent logs', () => {
  it('an agent writing its log means execute while nothing else says, and ends when either source stops', () => {
    const c = newClock();
    c.signal({ type: 'editor', at: T0, editor: { uri: 'output:podflow' } });
    assert.equal(c.mode, undefined);
    c.signal({ type: 'agentLog', at: T0 + 1000, active: true });
    c.signal({ type: 'activity', at: T0 + 2000 });
    assert.equal(c.mode, 'execute');
    // A terminal running an agent as well: still execute when the log goes quiet.
    c.signal({ type: 'agentTerminal', at: T0 + 3000, active: true });
    c.signal({ type: 'agentLog', at: T0 + 4000, active: false });
    c.signal({ type: 'activity', at: T0 + 5000 });
    assert.equal(c.mode, 'execute');
    // Reading a spec while the agent works is plan.
    c.signal({ type: 'editor', at: T0 + 6000, editor: { uri: fileUri('SPEC.md') } });
    assert.equal(c.mode, 'plan');
  });
});
