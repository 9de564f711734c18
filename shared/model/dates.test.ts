import { describe, expect, it } from 'vitest';
import { isIsoDay, isoDay, localDay, localMinute, localSecond, longDay, shortDateTime, utcDay, wordStamp } from './dates';

// A moment built from local parts, so the local formats can be checked on a machine in any time zone.
const LOCAL = new Date(2026, 1, 3, 14, 5, 9);

describe('dates', () => {
  it.each([
    [2026, 1, 15, '2026-01-15'],
    [2024, 2, 29, '2024-02-29'],
    [2023, 2, 29, null],
    [2023, 2, 30, null],
    [2023, 13, 1, null],
    [999, 1, 1, null],
  ])('isoDay(%i, %i, %i) → %s', (year, month, day, iso) => expect(isoDay(year, month, day)).toBe(iso));

  it('knows a real ISO day from a look-alike', () => {
    expect(['2026-01-15', '2024-02-29'].map(isIsoDay)).toEqual([true, true]);
    expect(['2026-02-30', '2026-1-15', '15 January 2026', '2026-01-15T00:00:00Z'].map(isIsoDay)).toEqual([false, false, false, false]);
  });

  it('writes a policy date long, never shifted by the time zone, and leaves other text alone', () => {
    expect(longDay('2026-01-15')).toBe('15 January 2026');
    expect(longDay('2026-11-02')).toBe('2 November 2026');
    expect(longDay('soon')).toBe('soon');
  });

  it('writes local stamps from the local clock', () => {
    expect(localDay(LOCAL)).toBe('2026-02-03');
    expect(localMinute(LOCAL)).toBe('2026-02-03 14:05');
    expect(localSecond(LOCAL)).toBe('2026-02-03 14:05:09');
    expect(shortDateTime(LOCAL)).toBe('3 Feb 2026, 14:05');
    expect(shortDateTime(LOCAL.toISOString())).toBe('3 Feb 2026, 14:05');
    expect(shortDateTime('not a time')).toBe('not a time');
  });

  it('writes UTC forms in UTC', () => {
    const moment = new Date(Date.UTC(2026, 0, 15, 23, 30, 5, 123));
    expect(utcDay(moment)).toBe('2026-01-15');
    expect(wordStamp(moment)).toBe('2026-01-15T23:30:05Z');
  });
});
