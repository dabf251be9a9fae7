// Dates, numbers and money follow the dealership (`locale` and `currency` in /config.js, from the
// gateway's DEALERSHIP_LOCALE and DEALERSHIP_CURRENCY), not the user's language: a Spanish-speaking
// salesperson in Texas still quotes $1,234.50. Anything unusable falls back to en-US and USD.
const deployed =
  typeof window === 'undefined'
    ? undefined
    : (window.__CARCAR_CONFIG__ as { locale?: string; currency?: string } | undefined);

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

const money = new Intl.NumberFormat(dealership.locale, { style: 'currency', currency: dealership.currency });
const number = new Intl.NumberFormat(dealership.locale, { maximumFractionDigits: 2 });
const dateTime = new Intl.DateTimeFormat(dealership.locale, { dateStyle: 'medium', timeStyle: 'short' });

export const formatMoney = (amount: number) => money.format(amount);
/** A count or a reading (odometer, mileage) in the dealership's locale: 12,345 or 12.345. */
export const formatNumber = (value: number) => number.format(value);
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

/** `<input type="datetime-local">` gives wall-clock time without an offset; the API wants one. */
export function localToIso(local: string): string {
  if (!local) return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** Today's date on this computer's clock, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
