// The dealership's wall clock in its IANA time zone, with no library: Intl knows every zone's
// offsets (DST included), so an offset is looked up for an instant and a wall-clock time is found
// by trying the offsets in force around it.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone giving every field as numbers, hours 00–23. */
function numericFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at `instant`, in milliseconds (-6 h in Chicago in winter). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    numericFormatter(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  // The formatter drops milliseconds; so does the offset.
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

const DAY = 86_400_000;

/**
 * The instant a wall-clock time (`2026-12-03T09:00`, seconds optional) has in `timeZone`. In the
 * hour skipped when clocks go forward, the time is read with the offset before the change (02:30
 * becomes 03:30); in the hour repeated when they go back, the earlier one is meant. This is how
 * Temporal's "compatible" disambiguation and most calendars behave.
 */
export function wallClockInstant(local: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/.exec(local);
  if (!match) return new Date(Number.NaN);
  const [, year, month, day, hour, minute, second = '0', fraction = '0'] = match;
  const asUtc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    Number(fraction.slice(0, 3).padEnd(3, '0')),
  );
  // Zones change their offset at most once in two days; the offsets a day either side cover both.
  const before = offsetAt(asUtc - DAY, timeZone);
  const after = offsetAt(asUtc + DAY, timeZone);
  const valid = [before, after]
    .map((offset) => asUtc - offset)
    .filter((instant) => asUtc - offsetAt(instant, timeZone) === instant)
    .sort((a, b) => a - b);
  return new Date(valid[0] ?? asUtc - before);
}

/** Whether an ISO 8601 date and time names its own offset (`Z`, `+01:00`). */
function hasOffset(dateTime: string): boolean {
  return /(Z|[+-]\d{2}:?\d{2})$/i.test(dateTime);
}

/** A `dateTimeField` value as an instant: with an offset as it says, without one on the dealership's clock. */
export function toInstant(dateTime: string, timeZone: string): Date {
  return hasOffset(dateTime) ? new Date(dateTime) : wallClockInstant(dateTime, timeZone);
}

const textFormatters = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function textFormatter(timeZone: string) {
  let formatter = textFormatters.get(timeZone);
  if (!formatter) {
    formatter = {
      day: new Intl.DateTimeFormat('en-GB', {
        timeZone,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      }),
      time: new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }),
    };
    textFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** "Tue 1 Dec 2026": the day on the dealership's calendar, built from parts so no locale adds commas. */
export function formatDay(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    textFormatter(timeZone)
      .day.formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/** "09:30" on the dealership's clock. */
export function formatTime(instant: Date, timeZone: string): string {
  return textFormatter(timeZone).time.format(instant);
}
