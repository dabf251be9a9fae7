import { afterEach, describe, expect, it } from 'vitest';
import {
  dateIn,
  dayEnd,
  dayStart,
  formatDay,
  formatTime,
  toInstant,
  wallClock,
  wallClockInstant,
} from '../src/contract/time-zone.js';

// The dealership's wall clock, shared by the services and the app. New York changes its clocks in
// 2026 on 8 March (02:00 EST becomes 03:00 EDT) and 1 November (02:00 EDT becomes 01:00 EST);
// Kolkata keeps +05:30 all year; Santiago moves forward at midnight (6 September 2026).

const NY = 'America/New_York';
const iso = (date: Date) => date.toISOString();

describe('a wall-clock time in a zone with DST (America/New_York)', () => {
  it.each([
    ['a winter morning (EST, −05:00)', '2026-12-03T09:00', '2026-12-03T14:00:00.000Z'],
    ['a summer morning (EDT, −04:00)', '2026-07-01T09:00', '2026-07-01T13:00:00.000Z'],
    ['with seconds and milliseconds', '2026-07-01T09:00:30.25', '2026-07-01T13:00:30.250Z'],
    ['just before clocks go forward', '2026-03-08T01:59', '2026-03-08T06:59:00.000Z'],
    // 02:30 does not exist that night: read with the offset before the change, it is 03:30 EDT.
    ['in the hour skipped when clocks go forward', '2026-03-08T02:30', '2026-03-08T07:30:00.000Z'],
    ['just after clocks go forward', '2026-03-08T03:30', '2026-03-08T07:30:00.000Z'],
    ['just before the repeated hour', '2026-11-01T00:59', '2026-11-01T04:59:00.000Z'],
    // 01:30 happens twice that night: the first one (still EDT) is meant.
    ['in the hour repeated when clocks go back', '2026-11-01T01:30', '2026-11-01T05:30:00.000Z'],
    ['after clocks went back', '2026-11-01T02:30', '2026-11-01T07:30:00.000Z'],
  ])('%s', (_label, local, instant) => {
    expect(iso(wallClockInstant(local, NY))).toBe(instant);
  });

  it('reads instants back on the same clock, on either side of both changes', () => {
    expect(wallClock(new Date('2026-03-08T06:59:00Z'), NY)).toBe('2026-03-08T01:59');
    expect(wallClock(new Date('2026-03-08T07:00:00Z'), NY)).toBe('2026-03-08T03:00');
    expect(wallClock(new Date('2026-11-01T05:30:00Z'), NY)).toBe('2026-11-01T01:30');
    expect(wallClock(new Date('2026-11-01T06:30:00Z'), NY)).toBe('2026-11-01T01:30');
    expect(formatTime(new Date('2026-11-01T06:30:00Z'), NY)).toBe('01:30');
  });

  it('has days of 23 and 25 hours when the clocks change', () => {
    expect(iso(dayStart('2026-03-08', NY))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(dayEnd('2026-03-08', NY))).toBe('2026-03-09T03:59:59.999Z');
    expect(iso(dayStart('2026-11-01', NY))).toBe('2026-11-01T04:00:00.000Z');
    expect(iso(dayEnd('2026-11-01', NY))).toBe('2026-11-02T04:59:59.999Z');
  });
});

describe('a wall-clock time in a zone without DST', () => {
  it('is one offset all year (Asia/Kolkata, +05:30)', () => {
    expect(iso(wallClockInstant('2026-03-08T02:30', 'Asia/Kolkata'))).toBe('2026-03-07T21:00:00.000Z');
    expect(iso(wallClockInstant('2026-11-01T01:30', 'Asia/Kolkata'))).toBe('2026-10-31T20:00:00.000Z');
    expect(wallClock(new Date('2026-07-01T20:00:00Z'), 'Asia/Kolkata')).toBe('2026-07-02T01:30');
    expect(iso(dayStart('2026-07-02', 'Asia/Kolkata'))).toBe('2026-07-01T18:30:00.000Z');
  });

  it('is the instant itself in UTC', () => {
    expect(iso(wallClockInstant('2026-03-29T02:30', 'UTC'))).toBe('2026-03-29T02:30:00.000Z');
    expect(wallClock(new Date('2026-12-01T23:59:59Z'), 'UTC')).toBe('2026-12-01T23:59');
    expect(dateIn(new Date('2026-12-01T23:59:59Z'), 'UTC')).toBe('2026-12-01');
  });
});

describe('a day whose midnight is skipped (America/Santiago, 6 September 2026)', () => {
  it('starts at its first minute, 01:00, not on the day before', () => {
    expect(iso(dayStart('2026-09-06', 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
    expect(wallClock(dayStart('2026-09-06', 'America/Santiago'), 'America/Santiago')).toBe('2026-09-06T01:00');
    expect(iso(dayEnd('2026-09-05', 'America/Santiago'))).toBe('2026-09-06T03:59:59.999Z');
  });
});

describe('a date and time as the API takes it', () => {
  it('with an offset is the instant it names; without one, the zone’s wall clock', () => {
    expect(iso(toInstant('2026-12-03T09:00:00-05:00', 'Europe/Berlin'))).toBe('2026-12-03T14:00:00.000Z');
    expect(iso(toInstant('2026-12-03T09:00:00Z', NY))).toBe('2026-12-03T09:00:00.000Z');
    expect(iso(toInstant('2026-12-03T09:00', NY))).toBe('2026-12-03T14:00:00.000Z');
  });

  it('is no instant when it is not a date and time', () => {
    expect(Number.isNaN(wallClockInstant('3 December 2026', NY).getTime())).toBe(true);
    expect(() => wallClock(new Date(Number.NaN), NY)).toThrow(RangeError);
  });
});

describe('the words for a day and a time', () => {
  it('are British English on the zone’s calendar, 24-hour', () => {
    // 02:30 UTC on 2 December is still 1 December in New York.
    expect(formatDay(new Date('2026-12-02T02:30:00Z'), NY)).toBe('Tue 1 Dec 2026');
    expect(formatTime(new Date('2026-12-02T02:30:00Z'), NY)).toBe('21:30');
    expect(formatTime(new Date('2026-12-02T05:05:00Z'), NY)).toBe('00:05');
  });
});

describe("the computer's own zone", () => {
  const own = process.env.TZ;
  afterEach(() => {
    if (own === undefined) delete process.env.TZ;
    else process.env.TZ = own;
  });

  it.each(['UTC', 'Australia/Lord_Howe', 'Europe/Berlin'])('does not matter (%s)', (zone) => {
    // Node reads TZ again when it changes. @date-fns/tz's TZDate built from wall-clock fields goes
    // through this zone: on UTC it takes Berlin's repeated 02:30 as the later one (CET), and on Lord
    // Howe, whose clocks go forward that night, New York's 02:00 on 4 October as 02:30.
    process.env.TZ = zone;
    expect(iso(wallClockInstant('2026-11-01T01:30', NY))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(wallClockInstant('2026-03-08T02:30', NY))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(wallClockInstant('2026-10-25T02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(wallClockInstant('2026-10-04T02:00', NY))).toBe('2026-10-04T06:00:00.000Z');
    expect(wallClock(new Date('2026-11-01T06:30:00Z'), NY)).toBe('2026-11-01T01:30');
  });
});
