// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';

// The dealership is in New York; this computer's own zone must not matter.
type TimeZoneModule = typeof import('../src/lib/time-zone');
let tz: TimeZoneModule;
beforeAll(async () => {
  (window as unknown as { __CARCAR_CONFIG__: { timeZone: string } }).__CARCAR_CONFIG__ = {
    timeZone: 'America/New_York',
  };
  tz = await import('../src/lib/time-zone');
});

describe('service times on the dealership’s clock', () => {
  it('takes the zone from the deployed config', () => {
    expect(tz.dealershipZone).toBe('America/New_York');
  });

  it('shows instants as the dealership’s wall clock, in and out of daylight saving time', () => {
    // 15:00 UTC is 10:00 in New York in winter (UTC−5) and 11:00 in summer (UTC−4).
    expect(tz.formatWhen('2026-12-01T15:00:00.000Z')).toBe('Tue 1 Dec 2026, 10:00');
    expect(tz.formatTime('2026-07-01T15:00:00.000Z')).toBe('11:00');
  });

  it('fills a datetime-local input with the dealership’s time, not this computer’s', () => {
    expect(tz.toDatetimeLocal('2026-12-01T16:00:00.000Z')).toBe('2026-12-01T11:00');
    // 02:30 UTC on 2 Dec is still 1 Dec in New York.
    expect(tz.toDatetimeLocal('2026-12-02T02:30:00.000Z')).toBe('2026-12-01T21:30');
    expect(tz.dealershipDate('2026-12-02T02:30:00.000Z')).toBe('2026-12-01');
  });

  it('says which day it is at the dealership', () => {
    expect(tz.dealershipToday(new Date('2026-12-02T03:00:00.000Z'))).toBe('2026-12-01');
    expect(tz.dealershipToday(new Date('2026-12-02T06:00:00.000Z'))).toBe('2026-12-02');
    expect(tz.formatDate('2026-12-01')).toBe('Tue 1 Dec 2026');
  });
});
