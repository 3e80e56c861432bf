// Timeboxing, the freeze and reordering, as pure decisions.
import { describe, expect, it } from 'vitest';
import { attendanceOpen, isFrozen, reorder, timebox } from '../../../src/meetings/agenda.rules.js';

const START = Date.parse('2026-12-03T17:00:00Z');
const MIN = 60_000;
const meeting = { startsAt: START, durationMinutes: 120, structuredMinutes: 60 };

describe('timebox', () => {
  it('gives each item its planned start in order and marks what runs past the structured block', () => {
    const box = timebox([{ id: 1, minutes: 30 }, { id: 2, minutes: 20 }, { id: 3, minutes: 25 }], meeting);
    expect(box.items.map((i) => (i.plannedStart - START) / MIN)).toEqual([0, 30, 50]);
    expect(box.items.map((i) => i.overTime)).toEqual([false, false, true]);
    expect(box.overByMinutes).toBe(15);
    expect(box.social).toEqual({ start: START + 60 * MIN, end: START + 120 * MIN });
  });

  it('an item ending exactly at the end of the structured block fits', () => {
    const box = timebox([{ id: 1, minutes: 60 }], meeting);
    expect(box.items[0]!.overTime).toBe(false);
    expect(box.overByMinutes).toBe(0);
  });

  it('has no social block when the whole meeting is structured', () => {
    expect(timebox([], { ...meeting, structuredMinutes: 120 }).social).toBeNull();
  });
});

describe('freeze and attendance windows', () => {
  it('freezes exactly 24 hours before the start', () => {
    expect(isFrozen(START, START - 24 * 60 * MIN - 1)).toBe(false);
    expect(isFrozen(START, START - 24 * 60 * MIN)).toBe(true);
  });

  it('opens attendance 15 minutes before and closes it a day after the end', () => {
    expect(attendanceOpen(meeting, START - 16 * MIN)).toBe(false);
    expect(attendanceOpen(meeting, START - 15 * MIN)).toBe(true);
    expect(attendanceOpen(meeting, START + 120 * MIN + 24 * 60 * MIN)).toBe(true);
    expect(attendanceOpen(meeting, START + 120 * MIN + 24 * 60 * MIN + 1)).toBe(false);
  });
});

describe('reorder', () => {
  it('moves an item up and down by 1-based positions', () => {
    expect(reorder(['a', 'b', 'c', 'd'], 4, 1)).toEqual(['d', 'a', 'b', 'c']);
    expect(reorder(['a', 'b', 'c', 'd'], 1, 3)).toEqual(['b', 'c', 'a', 'd']);
    expect(reorder(['a', 'b', 'c'], 2, 2)).toEqual(['a', 'b', 'c']);
  });
});
