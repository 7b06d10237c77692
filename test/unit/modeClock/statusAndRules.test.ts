import assert from 'node:assert/strict';
import { modeStatus, percentages } from '../../../server/src/modeClock/status';
import { addDays, dayOf, nextMidnight, startOfDay, weekStart } from '../../../server/src/modeClock/timeZone';
import { emptyTotals, type ModeTotals } from '../../../server/src/modeClock/types';
import { applyConfig, DEFAULT_CONFIG } from '../../../server/src/config';

const H = 3_600_000;
const M = 60_000;

function totals(plan: number, execute: number, review: number, codify: number): ModeTotals {
  return { plan, execute, review, codify };
}

describe('mode clock status', () => {
  const base = { week: emptyTotals(), state: 'counting' as const, window: 'today' as const, driftPoints: 15, persistent: true };

  it('shows the mode and today\'s split as in P38 E14 R36 C12', () => {
    const s = modeStatus({ ...base, today: totals(38 * M, 14 * M, 36 * M, 12 * M), mode: 'review' });
    assert.equal(s.text, '$(compass) Review · P38 E14 R36 C12');
    assert.equal(s.drift, false);
  });

  it('turns to drift when a mode is more than the allowed points off, after 30 minutes', () => {
    const s = modeStatus({ ...base, today: totals(10 * M, 50 * M, 30 * M, 10 * M), mode: 'execute' });
    assert.equal(s.text, '$(compass) Execute · P10 E50 R30 C10');
    assert.equal(s.drift, true);
    assert.match(s.tooltip, /More than 15 points off/);
  });

  it('exactly the allowed points off is not drift', () => {
    const s = modeStatus({ ...base, today: totals(55 * M, 10 * M, 25 * M, 10 * M), mode: 'plan' });
    assert.equal(s.drift, false);
    assert.equal(modeStatus({ ...base, driftPoints: 14, today: totals(55 * M, 10 * M, 25 * M, 10 * M), mode: 'plan' }).drift, true);
  });

  it('too little time is never drift', () => {
    assert.equal(modeStatus({ ...base, today: totals(20 * M, 0, 0, 0), mode: 'plan' }).drift, false);
  });

  it('says when nothing is counted yet, and names idle, paused, away and pinned states', () => {
    assert.equal(modeStatus({ ...base, today: emptyTotals(), mode: 'plan' }).text, '$(compass) Plan · no time yet');
    assert.match(modeStatus({ ...base, today: emptyTotals(), state: 'idle' }).text, /^\$\(compass\) Idle/);
    assert.match(modeStatus({ ...base, today: emptyTotals(), state: 'paused' }).text, /^\$\(debug-pause\) Paused/);
    assert.match(modeStatus({ ...base, today: emptyTotals(), state: 'unfocused' }).text, /^\$\(compass\) Away/);
    const pinned = modeStatus({ ...base, today: emptyTotals(), mode: 'review', pinned: { mode: 'review' } });
    assert.equal(pinned.text, '$(pin) Review · no time yet');
    assert.match(pinned.tooltip, /pinned/);
  });

  it('the tooltip table has today, this week, target and difference', () => {
    const s = modeStatus({ ...base, today: totals(H, 0, H, 0), week: totals(4 * H, H, 4 * H, H), mode: 'plan' });
    const rows = s.tooltip.split('\n').filter((l) => l.startsWith('|'));
    assert.deepEqual(rows, [
      '|  | Plan | Execute | Review | Codify |',
      '| --- | ---: | ---: | ---: | ---: |',
      '| Today | 50% (1h 00m) | 0% (0m) | 50% (1h 00m) | 0% (0m) |',
      '| This week | 40% (4h 00m) | 10% (1h 00m) | 40% (4h 00m) | 10% (1h 00m) |',
      '| Target | 40% | 10% | 40% | 10% |',
      '| Difference (today) | +10 | -10 | +10 | -10 |',
    ]);
  });

  it('the week window shows the week split', () => {
    const s = modeStatus({ ...base, window: 'week', today: totals(H, 0, 0, 0), week: totals(4 * H, H, 4 * H, H), mode: 'plan' });
    assert.equal(s.text, '$(compass) Plan · P40 E10 R40 C10');
  });

  it('warns in the tooltip when history is not saved', () => {
    assert.match(modeStatus({ ...base, persistent: false, today: emptyTotals() }).tooltip, /History is not being saved/);
  });

  it('percentages round and are zero without time', () => {
    assert.deepEqual(percentages(totals(1, 1, 1, 0)), { plan: 33, execute: 33, review: 33, codify: 0 });
    assert.deepEqual(percentages(emptyTotals()), emptyTotals());
  });
});

describe('time zone helpers', () => {
  it('dayOf, startOfDay and nextMidnight in UTC and a zone with DST', () => {
    assert.equal(dayOf(Date.UTC(2026, 10, 24, 23, 59), 'UTC'), '2026-11-24');
    assert.equal(dayOf(Date.UTC(2026, 10, 24, 23, 59), 'Europe/Berlin'), '2026-11-25');
    assert.equal(startOfDay('2026-03-29', 'Europe/Berlin'), Date.UTC(2026, 2, 28, 23));
    assert.equal(startOfDay('2026-03-30', 'Europe/Berlin'), Date.UTC(2026, 2, 29, 22));
    assert.equal(nextMidnight(Date.UTC(2026, 10, 24, 12), 'America/New_York'), Date.UTC(2026, 10, 25, 5));
  });
  it('addDays and weekStart (Monday)', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(weekStart('2026-11-30'), '2026-11-30'); // a Monday
    assert.equal(weekStart('2026-11-29'), '2026-11-23'); // a Sunday
  });
});

describe('mode clock settings', () => {
  it('accepts glob and scheme rules', () => {
    const { config, problems } = applyConfig(DEFAULT_CONFIG, { 'modeClock.rules': [{ match: 'docs/**', mode: 'plan' }, { match: 'scheme:git', mode: 'execute' }] }, 'settings');
    assert.deepEqual(problems, []);
    assert.equal(config['modeClock.rules'].length, 2);
  });
  it('a bad rule gets a message naming the key and the index, and the defaults stay', () => {
    const { config, problems } = applyConfig(DEFAULT_CONFIG, { modeClock: { rules: [{ match: 'docs/**', mode: 'planning' }] } }, 'settings');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /^settings: modeClock\.rules: 0\.mode: mode must be one of plan, execute, review, codify/);
    assert.deepEqual(config['modeClock.rules'], []);
  });
  it('a malformed scheme rule and a missing match are reported', () => {
    const { problems } = applyConfig(DEFAULT_CONFIG, { 'modeClock.rules': [{ match: 'scheme:', mode: 'plan' }, { mode: 'plan' }] }, 'settings');
    assert.match(problems[0].message, /0\.match: a scheme rule looks like "scheme:git"/);
    assert.match(problems[0].message, /1\.match:/);
  });
  it('idle minutes, drift, window and time zone are validated', () => {
    const { config, problems } = applyConfig(
      DEFAULT_CONFIG,
      { 'modeClock.idleMinutes': 0, 'modeClock.driftPoints': 120, 'modeClock.window': 'month', 'modeClock.timeZone': 'Mars/Olympus' },
      'settings',
    );
    assert.deepEqual(
      problems.map((p) => p.key),
      ['modeClock.idleMinutes', 'modeClock.driftPoints', 'modeClock.window', 'modeClock.timeZone'],
    );
    assert.match(problems[3].message, /not an IANA time zone/);
    assert.equal(config['modeClock.idleMinutes'], 5);
  });
});
