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

  it('fills a datetime-local input with the dealership’s time, not this computer’s', () => {
    expect(tz.toDatetimeLocal('2026-12-01T16:00:00.000Z')).toBe('2026-12-01T11:00');
    // 02:30 UTC on 2 Dec is still 1 Dec in New York.
    expect(tz.toDatetimeLocal('2026-12-02T02:30:00.000Z')).toBe('2026-12-01T21:30');
    expect(tz.dealershipDate('2026-12-02T02:30:00.000Z')).toBe('2026-12-01');
  });

  it('says which day it is at the dealership', () => {
    expect(tz.dealershipToday(new Date('2026-12-02T03:00:00.000Z'))).toBe('2026-12-01');
    expect(tz.dealershipToday(new Date('2026-12-02T06:00:00.000Z'))).toBe('2026-12-02');
  });

  it('gives the bounds of a dealership day for ?since= and ?until=', () => {
    expect(tz.dealershipDayStart('2026-12-01')).toBe('2026-12-01T05:00:00.000Z');
    expect(tz.dealershipDayEnd('2026-12-01')).toBe('2026-12-02T04:59:59.999Z');
  });
});
