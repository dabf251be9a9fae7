/**
 * VIN rules (ISO 3779, US 49 CFR 565). Pure functions with no server imports, so the APIs and
 * the browser app validate VINs with the same code.
 */
export const VIN_LENGTH = 17;
export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

const TRANSLITERATION: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

export type VinRegion = 'North America' | 'Oceania' | 'South America' | 'Africa' | 'Asia' | 'Europe';

export function normalizeVin(input: string): string {
  return input.trim().toUpperCase();
}

export function isVinFormat(vin: string): boolean {
  return VIN_PATTERN.test(vin);
}

function characterValue(character: string): number {
  return /\d/.test(character) ? Number(character) : (TRANSLITERATION[character] ?? 0);
}

/** The check digit position 9 should hold: `0`-`9` or `X` for a remainder of 10. */
export function expectedCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < VIN_LENGTH; i++) sum += characterValue(vin.charAt(i)) * (WEIGHTS[i] ?? 0);
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

export function hasValidCheckDigit(vin: string): boolean {
  return isVinFormat(vin) && vin.charAt(8) === expectedCheckDigit(vin);
}

export function vinRegion(vin: string): VinRegion | null {
  const first = vin.charAt(0);
  if (/[1-5]/.test(first)) return 'North America';
  if (/[67]/.test(first)) return 'Oceania';
  if (/[89]/.test(first)) return 'South America';
  if (/[A-H]/.test(first)) return 'Africa';
  if (/[J-NPR]/.test(first)) return 'Asia';
  if (/[S-Z]/.test(first)) return 'Europe';
  return null;
}

const COUNTRIES: Record<string, string> = { J: 'Japan', K: 'South Korea', L: 'China' };

/** The check digit is mandatory in North America only; elsewhere a mismatch is reported, not refused. */
export function checkDigitRequired(vin: string): boolean {
  return vinRegion(vin) === 'North America';
}

/**
 * Model years the VIN can mean. Position 10 repeats every 30 years; for cars and light trucks a
 * digit in position 7 means the 1980-2009 cycle and a letter 2010-2039. Years later than next
 * year + 1 cannot be on a car yet, so they are dropped (a Chinese VIN whose rule gives 2031 gets none).
 */
export function modelYears(vin: string, now: Date = new Date()): number[] {
  if (!isVinFormat(vin)) return [];
  const index = YEAR_CODES.indexOf(vin.charAt(9));
  if (index < 0) return [];
  const firstCycle = 1980 + index;
  const latest = now.getUTCFullYear() + 2;
  const candidates = /\d/.test(vin.charAt(6)) ? [firstCycle] : [firstCycle + 30];
  return candidates.filter((year) => year <= latest);
}

export interface VinDecoding {
  vin: string;
  valid: boolean;
  check_digit_ok: boolean;
  expected_check_digit: string | null;
  wmi: string | null;
  region: VinRegion | null;
  country: string | null;
  model_years: number[];
  problems: string[];
}

/** What the VIN decode endpoint and the browser's live check show. */
export function decodeVin(input: string, now: Date = new Date()): VinDecoding {
  const vin = normalizeVin(input);
  const problems = vinProblems(vin);
  const formatOk = isVinFormat(vin);
  const checkDigitOk = formatOk && hasValidCheckDigit(vin);
  const region = formatOk ? vinRegion(vin) : null;
  return {
    vin,
    valid: problems.length === 0,
    check_digit_ok: checkDigitOk,
    expected_check_digit: formatOk ? expectedCheckDigit(vin) : null,
    wmi: formatOk ? vin.slice(0, 3) : null,
    region,
    country: formatOk ? (COUNTRIES[vin.charAt(0)] ?? null) : null,
    model_years: modelYears(vin, now),
    problems,
  };
}

/**
 * Why a VIN would be refused, in words for the person typing it (the live check shows them as
 * they type, and a 400 answers them); empty when it is acceptable.
 */
export function vinProblems(vin: string): string[] {
  if (vin.length === 0) return ['Enter the VIN'];
  // Counted as a person counts characters: an emoji is one, not two UTF-16 units.
  const length = Array.from(vin).length;
  if (length !== VIN_LENGTH) return [`A VIN has ${VIN_LENGTH} characters; this one has ${length}`];
  if (!isVinFormat(vin)) return ['A VIN uses only digits and the letters A–Z except I, O and Q'];
  if (checkDigitRequired(vin) && !hasValidCheckDigit(vin)) {
    return [`The check digit (9th character) should be ${expectedCheckDigit(vin)} for this VIN; check for a typo`];
  }
  return [];
}

/** The same VIN with position 9 set to its correct check digit (for seed data and tests). */
export function withCheckDigit(vin: string): string {
  const normalized = normalizeVin(vin);
  return `${normalized.slice(0, 8)}${expectedCheckDigit(normalized)}${normalized.slice(9)}`;
}

/** The n-th of a family of valid North American VINs: 1C3CC5FB?AN plus a six-digit serial. */
export function sampleVin(n: number, prefix = '1C3CC5FB0AN'): string {
  return withCheckDigit(`${prefix}${String(n).padStart(6, '0')}`);
}
