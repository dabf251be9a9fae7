import { TZDateMini, tzOffset } from '@date-fns/tz';

// The dealership's wall clock in its IANA time zone, for the services and the browser app alike
// (browser-safe: no node imports). @date-fns/tz does the zone arithmetic from Intl's zone data, DST
// included: `tzOffset` gives a zone's offset at an instant, `TZDateMini` reads an instant's fields
// on a zone's clock. Its constructor from wall-clock fields is not used: it goes through the
// computer's own zone, and in the hour repeated when clocks go back its choice depends on that zone.

const SECOND = 1000;
const DAY = 86_400_000;

/** The zone's offset from UTC at `instant`, in milliseconds (-6 h in Chicago in winter), to the second. */
function offsetAt(instant: number, timeZone: string): number {
  return Math.round(tzOffset(timeZone, new Date(instant)) * 60) * SECOND;
}

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
  // A time both read back as itself is in the repeated hour; one neither does is in the skipped one.
  const before = offsetAt(asUtc - DAY, timeZone);
  const after = offsetAt(asUtc + DAY, timeZone);
  const valid = [before, after]
    .map((offset) => asUtc - offset)
    .filter((instant) => instant + offsetAt(instant, timeZone) === asUtc)
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

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** An instant on the zone's clock to the minute, as `<input type="datetime-local">` wants it ("2026-12-01T11:00"). */
export function wallClock(instant: Date, timeZone: string): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid time value');
  const clock = new TZDateMini(instant.getTime(), timeZone);
  return `${pad(clock.getFullYear(), 4)}-${pad(clock.getMonth() + 1)}-${pad(clock.getDate())}T${pad(clock.getHours())}:${pad(clock.getMinutes())}`;
}

/** The day (YYYY-MM-DD) an instant falls on, on the zone's calendar. */
export function dateIn(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).slice(0, 10);
}

/** The instant a day (YYYY-MM-DD) starts on the zone's clock: its midnight, or where clocks skip midnight, the first instant after it. */
export function dayStart(date: string, timeZone: string): Date {
  return wallClockInstant(`${date}T00:00`, timeZone);
}

/** The last millisecond of a day (YYYY-MM-DD) on the zone's clock. */
export function dayEnd(date: string, timeZone: string): Date {
  // Noon UTC is the same calendar day in every zone, so a day added to it names the next date.
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return new Date(dayStart(next.toISOString().slice(0, 10), timeZone).getTime() - 1);
}

const textFormatters = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

// Days and times as the API's own sentences (the double-booking 409) and the app say them: Intl's
// British English, which names the zone's weekday and month ("Tue", "Sept").
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

/** "Tue 1 Dec 2026": the day on the zone's calendar, built from parts so no ICU version adds a comma. */
export function formatDay(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    textFormatter(timeZone)
      .day.formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

/** "09:30" on the zone's clock. */
export function formatTime(instant: Date, timeZone: string): string {
  return textFormatter(timeZone).time.format(instant);
}
