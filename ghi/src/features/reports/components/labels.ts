import { dealership } from '../../../lib/format';

// In the dealership's locale (DEALERSHIP_LOCALE), like every date and number of the app.
const monthFormat = new Intl.DateTimeFormat(dealership.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat(dealership.locale, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2026-11` → "Nov 2026". */
export const monthLabel = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));

/** `2026-11-30` → "Nov 30, 2026": a calendar day, whatever this computer's time zone. */
export const dayLabel = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));

const count = new Intl.NumberFormat(dealership.locale);
export const formatCount = (n: number) => count.format(n);
