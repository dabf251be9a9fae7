// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from 'vitest';

// The dealership is in Chicago and writes en-US; this computer's own zone and language must not matter.
type FormatModule = typeof import('../src/lib/format');
type Config = { locale?: string; currency?: string; timeZone?: string };

async function formatterFor(config: Config): Promise<FormatModule> {
  (window as unknown as { __CARCAR_CONFIG__: Config }).__CARCAR_CONFIG__ = config;
  // Both modules read the config once, when loaded.
  vi.resetModules();
  return import('../src/lib/format');
}

let f: FormatModule;
beforeAll(async () => {
  f = await formatterFor({ locale: 'en-US', currency: 'USD', timeZone: 'America/Chicago' });
});

describe('dates and times on the dealership’s clock, in its locale', () => {
  it('says an instant’s day, time, and both, on one 12-hour clock', () => {
    // 15:00 UTC is 9:00 in Chicago in winter (UTC−6).
    expect(f.formatDate('2026-12-01T15:00:00.000Z')).toBe('Tue, Dec 1, 2026');
    expect(f.formatTime('2026-12-01T15:00:00.000Z')).toBe('9:00 AM');
    expect(f.formatDateTime('2026-12-01T15:00:00.000Z')).toBe('Tue, Dec 1, 2026, 9:00 AM');
    expect(f.formatTime('2026-12-01T21:30:00.000Z')).toBe('3:30 PM');
  });

  it('puts a late evening on the dealership’s day, not UTC’s', () => {
    // 03:30 UTC on 2 Dec is 21:30 on 1 Dec in Chicago.
    expect(f.formatDateTime('2026-12-02T03:30:00.000Z')).toBe('Tue, Dec 1, 2026, 9:30 PM');
  });

  it('follows daylight saving time, on the day clocks go forward and after', () => {
    // Sunday 8 March 2026: 2:00 CST becomes 3:00 CDT (08:00 UTC).
    expect(f.formatTime('2026-03-08T07:59:00.000Z')).toBe('1:59 AM');
    expect(f.formatTime('2026-03-08T08:00:00.000Z')).toBe('3:00 AM');
    expect(f.formatDateTime('2026-07-01T15:00:00.000Z')).toBe('Wed, Jul 1, 2026, 10:00 AM');
    // Sunday 1 November 2026: 2:00 CDT becomes 1:00 CST again; the hour is said twice.
    expect(f.formatTime('2026-11-01T06:30:00.000Z')).toBe('1:30 AM');
    expect(f.formatTime('2026-11-01T07:30:00.000Z')).toBe('1:30 AM');
  });

  it('says a calendar day as itself, whatever the zone', () => {
    expect(f.formatDate('2026-12-01')).toBe('Tue, Dec 1, 2026');
    expect(f.formatMonth('2026-11')).toBe('Nov 2026');
  });
});

describe('a day and time short enough for a list’s cell', () => {
  it('leaves out the weekday, and the year when it is this year', () => {
    const now = new Date('2026-12-01T16:00:00.000Z');
    expect(f.formatListDateTime('2026-12-01T15:00:00.000Z', now)).toBe('Dec 1, 9:00 AM');
    expect(f.formatListDateTime('2025-06-30T15:00:00.000Z', now)).toBe('Jun 30, 2025, 10:00 AM');
    expect(f.formatListDateTime('2027-01-04T15:00:00.000Z', now)).toBe('Jan 4, 2027, 9:00 AM');
  });

  it('gives the day alone the same way, for a cell that puts the time under it', () => {
    const now = new Date('2026-12-01T16:00:00.000Z');
    expect(f.formatListDate('2026-12-01T15:00:00.000Z', now)).toBe('Dec 1');
    expect(f.formatListDate('2025-06-30T15:00:00.000Z', now)).toBe('Jun 30, 2025');
    // 03:00 UTC on 1 Jan 2027 is still New Year's Eve 2026 in Chicago.
    expect(f.formatListDate('2027-01-01T03:00:00.000Z', now)).toBe('Dec 31');
  });

  it('decides “this year” on the dealership’s calendar, not UTC’s, at the turn of the year', () => {
    // 03:00 UTC on 1 Jan 2027 is 21:00 on New Year’s Eve 2026 in Chicago.
    const newYearsEve = '2027-01-01T03:00:00.000Z';
    // Still 2026 in Chicago although UTC is already in 2027: no year.
    expect(f.formatListDateTime(newYearsEve, new Date('2027-01-01T05:00:00.000Z'))).toBe('Dec 31, 9:00 PM');
    // New Year’s morning in Chicago: that evening was last year.
    expect(f.formatListDateTime(newYearsEve, new Date('2027-01-01T12:00:00.000Z'))).toBe('Dec 31, 2026, 9:00 PM');
    // Christmas 2026 in Chicago, read at 00:30 UTC on 1 Jan 2027 (still the 31st there).
    expect(f.formatListDateTime('2026-12-25T16:00:00.000Z', new Date('2027-01-01T00:30:00.000Z'))).toBe(
      'Dec 25, 10:00 AM',
    );
  });

  it('follows the locale’s order and clock', async () => {
    const british = await formatterFor({ locale: 'en-GB', timeZone: 'America/Chicago' });
    expect(british.formatListDateTime('2026-12-01T21:30:00.000Z', new Date('2026-12-02T00:00:00.000Z'))).toBe(
      '1 Dec, 15:30',
    );
  });
});

describe('money and numbers', () => {
  it('rounds awkward cents as the API gives them, numbers or decimal text, half away from zero', () => {
    expect(f.formatMoney(0.005)).toBe('$0.01');
    expect(f.formatMoney('0.005')).toBe('$0.01');
    expect(f.formatMoney(1234.565)).toBe('$1,234.57');
    expect(f.formatMoney('1234.565')).toBe('$1,234.57');
    expect(f.formatMoney(1234.5)).toBe('$1,234.50');
    expect(f.formatMoney(-12)).toBe('-$12.00');
    // Half a cent off is nothing owed, not "-$0.00".
    expect(f.formatMoney(-0.004)).toBe('$0.00');
  });

  it('writes counts, decimals and shares in the locale', () => {
    expect(f.formatNumber(12345)).toBe('12,345');
    expect(f.formatNumber(1.005)).toBe('1.01');
    expect(f.formatDecimal(8.875, 3)).toBe('8.875');
    expect(f.formatDecimal(2, 1, 1)).toBe('2.0');
    expect(f.formatPercent(0.256)).toBe('26%');
  });
});

describe('how long ago, for activity feeds', () => {
  // 10:00 on Tue 1 Dec 2026 in Chicago.
  const now = new Date('2026-12-01T16:00:00.000Z');
  const ago = (ms: number) => f.formatRelative(new Date(now.getTime() - ms).toISOString(), now);
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;

  it('says now under a minute, then minutes, then hours', () => {
    expect(ago(0)).toBe('now');
    expect(ago(59_999)).toBe('now');
    expect(ago(MINUTE)).toBe('1 minute ago');
    expect(ago(5 * MINUTE)).toBe('5 minutes ago');
    expect(ago(HOUR - 1)).toBe('59 minutes ago');
    expect(ago(HOUR)).toBe('1 hour ago');
    // 00:01 this morning is still today.
    expect(ago(9 * HOUR + 59 * MINUTE)).toBe('9 hours ago');
  });

  it('counts days on the dealership’s calendar', () => {
    // 23:59 yesterday in Chicago: 10 hours ago, but yesterday.
    expect(ago(10 * HOUR + MINUTE)).toBe('yesterday');
    expect(ago(33 * HOUR)).toBe('yesterday');
    expect(ago(34 * HOUR + MINUTE)).toBe('2 days ago');
    expect(ago(6 * 24 * HOUR)).toBe('6 days ago');
  });

  it('keeps the last six hours in hours across midnight', () => {
    const justAfterMidnight = new Date('2026-12-01T06:30:00.000Z'); // 00:30 in Chicago
    expect(f.formatRelative('2026-12-01T04:30:00.000Z', justAfterMidnight)).toBe('2 hours ago');
    expect(f.formatRelative('2026-11-30T23:30:00.000Z', justAfterMidnight)).toBe('yesterday');
  });

  it('gives the date from a week on, and says the future too', () => {
    expect(ago(7 * 24 * HOUR)).toBe('Tue, Nov 24, 2026');
    expect(f.formatRelative('2026-12-01T16:05:00.000Z', now)).toBe('in 5 minutes');
    expect(f.formatRelative('2026-12-02T16:00:00.000Z', now)).toBe('tomorrow');
  });

  it('says the words in the reader’s language, and a date a week away as the dealership writes it', () => {
    expect(f.formatRelative('2026-12-01T15:55:00.000Z', now, 'es')).toBe('hace 5 minutos');
    expect(f.formatRelative('2026-11-30T16:00:00.000Z', now, 'es')).toBe('ayer');
    expect(f.formatRelative('2026-11-24T16:00:00.000Z', now, 'es')).toBe('Tue, Nov 24, 2026');
  });
});

describe('the clock setting', () => {
  it('is the locale’s: a 24-hour locale, or a 12-hour one asked for 24 hours', async () => {
    const british = await formatterFor({ locale: 'en-GB', timeZone: 'America/Chicago' });
    expect(british.formatDateTime('2026-12-01T21:30:00.000Z')).toBe('Tue, 1 Dec 2026, 15:30');
    const h23 = await formatterFor({ locale: 'en-US-u-hc-h23', timeZone: 'America/Chicago' });
    expect(h23.formatTime('2026-12-01T21:30:00.000Z')).toBe('15:30');
  });
});
