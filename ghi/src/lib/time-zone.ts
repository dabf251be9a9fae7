// Appointments happen on the dealership's wall clock, not on the clock of the computer showing them
// (a laptop on another zone's time, a phone set to home). The API answers instants in UTC, which
// carry no zone, so the zone comes from the app's config: `timeZone` in /config.js when deployed,
// else VITE_TIMEZONE at build time, else UTC, the service's own default `TIMEZONE`. Keep them equal.
const configured =
  (typeof window === 'undefined'
    ? undefined
    : (window.__CARCAR_CONFIG__ as { timeZone?: string } | undefined)?.timeZone) ||
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

// 24-hour times and "Tue 1 Dec 2026", as the API's own sentences (the double-booking 409) say them.
const time = new Intl.DateTimeFormat('en-GB', { timeZone: dealershipZone, hour: '2-digit', minute: '2-digit' });
const dayParts = (zone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
const day = dayParts(dealershipZone);
const utcDay = dayParts('UTC');
/** "Tue 1 Dec 2026", built from its parts: ICU versions differ on a comma after the weekday. */
function dayText(format: Intl.DateTimeFormat, instant: Date): string {
  const p = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: dealershipZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function wallClock(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** "10:00" on the dealership's clock. */
export const formatTime = (iso: string) => time.format(new Date(iso));
/** "Tue 1 Dec 2026". */
export const formatDay = (iso: string) => dayText(day, new Date(iso));
/** "Tue 1 Dec 2026, 10:00". */
export const formatWhen = (iso: string) => `${formatDay(iso)}, ${formatTime(iso)}`;
/** A YYYY-MM-DD day as "Tue 1 Dec 2026" (noon UTC is that same day in every zone). */
export const formatDate = (date: string) => dayText(utcDay, new Date(`${date}T12:00:00Z`));

/** Today's date on the dealership's clock, YYYY-MM-DD (what `?date=` takes). */
export const dealershipToday = (now = new Date()) => wallClock(now).date;
/** The day an appointment falls on, on the dealership's clock. */
export const dealershipDate = (iso: string) => wallClock(new Date(iso)).date;
/** An instant as `<input type="datetime-local">` wants it, on the dealership's clock ("2026-12-01T11:00"). */
export function toDatetimeLocal(iso: string): string {
  const clock = wallClock(new Date(iso));
  return `${clock.date}T${clock.time}`;
}

/**
 * The instant a day (YYYY-MM-DD) starts on the dealership's clock, as ISO 8601: what `?since=`
 * takes for "from this day". `endOfDay` gives the last millisecond of it, for `?until=`.
 */
export function dealershipDayStart(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1);
  // The zone's offset at that moment, found by reading the guess back on the dealership's clock;
  // twice, so a day on which the offset changes still lands on its midnight.
  let guess = target;
  for (let i = 0; i < 2; i++) {
    const clock = wallClock(new Date(guess));
    const [h, m] = clock.time.split(':').map(Number);
    const [y, mo, d] = clock.date.split('-').map(Number);
    const shown = Date.UTC(y ?? 1970, (mo ?? 1) - 1, d ?? 1, h ?? 0, m ?? 0);
    guess += target - shown;
  }
  return new Date(guess).toISOString();
}

export function dealershipDayEnd(date: string): string {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return new Date(new Date(dealershipDayStart(next.toISOString().slice(0, 10))).getTime() - 1).toISOString();
}
