import { decodeVin, type VinDecoding } from '@carcar/common/contract/vin';
import type { TFunction } from 'i18next';

// The VIN decode (common/src/vin) answers in English, as the API does; what the browser shows of it
// is said again here in the user's language, from the same facts.

/** Where a VIN says the car was built, in the user's language. */
export function regionText(t: TFunction, region: VinDecoding['region']): string | null {
  switch (region) {
    case 'North America':
      return t('components:vin.region.northAmerica');
    case 'Oceania':
      return t('components:vin.region.oceania');
    case 'South America':
      return t('components:vin.region.southAmerica');
    case 'Africa':
      return t('components:vin.region.africa');
    case 'Asia':
      return t('components:vin.region.asia');
    case 'Europe':
      return t('components:vin.region.europe');
    case null:
      return null;
  }
}

/** The few countries the decode names, in the user's language (any other as the decode says it). */
export function countryText(t: TFunction, country: string | null): string | null {
  switch (country) {
    case 'Japan':
      return t('components:vin.country.japan');
    case 'South Korea':
      return t('components:vin.country.southKorea');
    case 'China':
      return t('components:vin.country.china');
    default:
      return country;
  }
}

/**
 * Why the VIN would be refused (the first reason, as the decode's `problems[0]`), without a final
 * full stop; null when it is acceptable.
 */
export function vinProblemText(t: TFunction, decoded: VinDecoding): string | null {
  if (decoded.valid) return null;
  const { vin } = decoded;
  if (vin.length === 0) return t('components:vin.problem.empty');
  const length = Array.from(vin).length;
  if (length !== 17) return t('components:vin.problem.length', { length });
  if (decoded.wmi === null) return t('components:vin.problem.characters');
  return t('components:vin.problem.checkDigit', { expected: decoded.expected_check_digit ?? '?' });
}

/** The same, for a VIN as typed. */
export const vinProblemOf = (t: TFunction, vin: string) => vinProblemText(t, decodeVin(vin));
