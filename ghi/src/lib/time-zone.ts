import { dateIn, dayEnd, dayStart, wallClock } from '@carcar/common/contract/time-zone';

// Appointments happen on the dealership's wall clock, not on the clock of the computer showing them
// (a laptop on another zone's time, a phone set to home). The API answers instants in UTC, which
// carry no zone, so the zone comes from the app's config: `timeZone` in /config.js when deployed,
// else VITE_TIMEZONE at build time, else UTC, the service's own default `TIMEZONE`. Keep them equal.
const configured =
  (typeof window === 'undefined' ? undefined : window.__CARCAR_CONFIG__?.timeZone) ||
  (import.meta.env.VITE_TIMEZONE as string | undefined) ||
  'UTC';

function validZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/** The dealership's IANA time zone. */
export const dealershipZone = validZone(configured);

// The arithmetic is shared with the Service API (`@carcar/common/contract/time-zone`). The words
// people read (days, times) are format.ts's, in the dealership's locale on this zone.

/** Today's date on the dealership's clock, YYYY-MM-DD (what `?date=` takes). */
export const dealershipToday = (now = new Date()) => dateIn(now, dealershipZone);
/** The day an appointment falls on, on the dealership's clock. */
export const dealershipDate = (iso: string) => dateIn(new Date(iso), dealershipZone);
/** An instant as `<input type="datetime-local">` wants it, on the dealership's clock ("2026-12-01T11:00"). */
export const toDatetimeLocal = (iso: string) => wallClock(new Date(iso), dealershipZone);

/**
 * The instant a day (YYYY-MM-DD) starts on the dealership's clock, as ISO 8601: what `?since=`
 * takes for "from this day". `dealershipDayEnd` gives the last millisecond of it, for `?until=`.
 */
export const dealershipDayStart = (date: string) => dayStart(date, dealershipZone).toISOString();
export const dealershipDayEnd = (date: string) => dayEnd(date, dealershipZone).toISOString();
