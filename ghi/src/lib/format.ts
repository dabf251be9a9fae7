import { dateIn } from '@carcar/common/contract/time-zone';
import { dealershipZone } from './time-zone';

// Dates, numbers and money follow the dealership (`locale` and `currency` in /config.js, from the
// gateway's DEALERSHIP_LOCALE and DEALERSHIP_CURRENCY), not the user's language: a Spanish-speaking
// salesperson in Texas still quotes $1,234.50. Anything unusable falls back to en-US and USD.
const deployed = typeof window === 'undefined' ? undefined : window.__CARCAR_CONFIG__;

function usable(locale: string | undefined, currency: string | undefined): { locale: string; currency: string } {
  try {
    const chosen = { locale: locale || 'en-US', currency: (currency || 'USD').toUpperCase() };
    new Intl.NumberFormat(chosen.locale, { style: 'currency', currency: chosen.currency });
    return chosen;
  } catch {
    return { locale: 'en-US', currency: 'USD' };
  }
}

export const dealership = usable(
  deployed?.locale || (import.meta.env.VITE_DEALERSHIP_LOCALE as string | undefined),
  deployed?.currency || (import.meta.env.VITE_DEALERSHIP_CURRENCY as string | undefined),
);

// The one place the app turns numbers, money and instants into text people read, in the
// dealership's locale and on its clock (time-zone.ts). Pages call these; CSV cells and <input>
// values stay machine format (ISO 8601, plain numbers), so nothing here is for them.

const money = new Intl.NumberFormat(dealership.locale, {
  style: 'currency',
  currency: dealership.currency,
  // Half a cent off rounds to $0.00, not "-$0.00".
  signDisplay: 'negative',
});
const number = new Intl.NumberFormat(dealership.locale, { maximumFractionDigits: 2 });

// One clock: 12- or 24-hour as the locale has it (en-US 3:05 PM, es-MX 15:05). A dealership that
// wants the other one says so in the locale itself, e.g. DEALERSHIP_LOCALE=en-US-u-hc-h23, so there
// is no second setting to keep in step. Dates name the weekday: the service desk books by it.
const dayParts = { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' } as const;
const timeParts = { hour: 'numeric', minute: '2-digit' } as const;
const onClock = (options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(dealership.locale, { ...options, timeZone: dealershipZone });
const day = onClock(dayParts);
const time = onClock(timeParts);
const dateTime = onClock({ ...dayParts, ...timeParts });
// A table cell has room for about "Dec 1, 9:00 AM"; the weekday and a year everyone knows made a
// day and time wrap onto three lines. Another year's date still says its year.
const shortDate = onClock({ month: 'short', day: 'numeric' });
const shortDateWithYear = onClock({ year: 'numeric', month: 'short', day: 'numeric' });
const shortDateTime = onClock({ month: 'short', day: 'numeric', ...timeParts });
const shortDateTimeWithYear = onClock({ year: 'numeric', month: 'short', day: 'numeric', ...timeParts });
// A calendar day (YYYY-MM-DD) or month has no zone: read at noon UTC, it is itself in every zone.
const calendarDay = new Intl.DateTimeFormat(dealership.locale, { ...dayParts, timeZone: 'UTC' });
const month = new Intl.DateTimeFormat(dealership.locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
// "5 minutes ago" is a sentence, not a figure: it is said in the reader's language (a Spanish
// page says "hace 5 minutos" even where the dealership writes en-US dates), unlike the date itself.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
function relativeIn(language: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    relativeFormats.set(language, format);
  }
  return format;
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Money in the dealership's currency, from the API's numbers or decimal text ("1234.565" → $1,234.57). */
export const formatMoney = (amount: number | string) => money.format(Number(amount));
/** A count or a reading (odometer, mileage) in the dealership's locale: 12,345 or 12.345. */
export const formatNumber = (value: number) => number.format(value);
/** A number with `max` decimals at most and `min` at least: a file's "1.5" MB, a tax rate's "8.25". */
export const formatDecimal = (value: number, max: number, min = 0) =>
  new Intl.NumberFormat(dealership.locale, { minimumFractionDigits: min, maximumFractionDigits: max }).format(value);
/** A share (0.25) as a percentage, "25%", with `digits` decimals at most. */
export const formatPercent = (share: number, digits = 0) =>
  new Intl.NumberFormat(dealership.locale, { style: 'percent', maximumFractionDigits: digits }).format(share);

/** The day of an instant on the dealership's calendar, "Tue, Dec 1, 2026"; a YYYY-MM-DD is that day. */
export const formatDate = (value: string) =>
  CALENDAR_DAY.test(value) ? calendarDay.format(new Date(`${value}T12:00:00Z`)) : day.format(new Date(value));
/** The time of an instant on the dealership's clock: "10:00 AM", or "10:00" in a 24-hour locale. */
export const formatTime = (iso: string) => time.format(new Date(iso));
/** Day and time on the dealership's clock: "Tue, Dec 1, 2026, 10:00 AM". */
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
/**
 * Day and time short enough for a list's cell: "Dec 1, 9:00 AM", and "Dec 1, 2025, 9:00 AM" when
 * that is not this year on the dealership's calendar (`now` is for tests). Detail pages, papers and
 * sentences keep `formatDateTime`, which names the weekday.
 */
export function formatListDateTime(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  return (inYearOf(now, then) ? shortDateTime : shortDateTimeWithYear).format(then);
}
/** The day alone, as short: "Dec 1", or "Dec 1, 2025" in another year (a cell that puts the time below). */
export function formatListDate(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  return (inYearOf(now, then) ? shortDate : shortDateWithYear).format(then);
}
const inYearOf = (now: Date, then: Date) =>
  dateIn(then, dealershipZone).slice(0, 4) === dateIn(now, dealershipZone).slice(0, 4);
/** A month (YYYY-MM), "Nov 2026". */
export const formatMonth = (yearMonth: string) => month.format(new Date(`${yearMonth}-15T12:00:00Z`));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago (or until) an instant is, for activity feeds and history lines: "now", "5 minutes
 * ago", "3 hours ago", "yesterday", "4 days ago"; a week or more away, the date itself. Days count
 * on the dealership's calendar, so 22:00 yesterday is "yesterday" at 09:00 although under a day has
 * passed, but the last 6 hours stay in hours ("2 hours ago" just after midnight). Put the exact
 * `formatDateTime` beside it (a title): "yesterday" alone cannot be checked against a receipt.
 * The words are in `language` (the reader's); a date a week or more away is the dealership's.
 */
export function formatRelative(iso: string, now: Date = new Date(), language = dealership.locale): string {
  const relative = relativeIn(language);
  const then = new Date(iso);
  const diff = then.getTime() - now.getTime();
  const distance = Math.abs(diff);
  const sign = diff < 0 ? -1 : 1;
  if (distance < MINUTE) return relative.format(0, 'second');
  if (distance < HOUR) return relative.format(sign * Math.floor(distance / MINUTE), 'minute');
  const days = Math.round((Date.parse(dateIn(then, dealershipZone)) - Date.parse(dateIn(now, dealershipZone))) / DAY);
  if (days === 0 || distance < 6 * HOUR) return relative.format(sign * Math.floor(distance / HOUR), 'hour');
  if (Math.abs(days) < 7) return relative.format(days, 'day');
  return formatDate(iso);
}

/** `<input type="datetime-local">` gives wall-clock time without an offset; the API wants one. */
export function localToIso(local: string): string {
  if (!local) return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}
