import { z } from 'zod';

// The app's deploy-time settings: what the gateway's `/config.js` puts in `window.__CARCAR_CONFIG__`
// before the browser app starts (ghi/index.html loads it), so one built app serves every
// dealership. The gateway builds it from its environment; the app reads it. Browser-safe.

export const appConfigSchema = z.object({
  /** The dealership's IANA time zone (TIMEZONE): the APIs answer in UTC, the app shows this clock. */
  timeZone: z.string(),
  /** Printed at the top of a bill of sale or a work order (DEALERSHIP_NAME). */
  dealershipName: z.string(),
  /**
   * The street address under the name on the papers, one entry a line (DEALERSHIP_ADDRESS, split
   * by `addressLines`); empty when unset. Lines, not one string, so the app never re-parses it.
   */
  dealershipAddress: z.array(z.string()),
  /** The phone number on the papers' letterhead (DEALERSHIP_PHONE); null when unset. */
  dealershipPhone: z.string().nullable(),
  /** Dates, numbers and money in this locale and currency, whatever the user's language. */
  locale: z.string(),
  currency: z.string(),
  /** The single sign-on provider's name ("Sign in with <name>"); null when SSO is off. */
  ssoName: z.string().nullable(),
});
export type AppConfig = z.infer<typeof appConfigSchema>;

/**
 * DEALERSHIP_ADDRESS as lines. A line break may be written `|`, `\n` (the two characters, as a
 * compose file or a manifest holds it on one line) or a real line break; blank lines are dropped.
 */
export function addressLines(text: string): string[] {
  return text
    .split(/\\n|\r?\n|\|/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
