import { describe, expect, it } from 'vitest';
import { vinSchema } from '../src/vin/schema.js';
import { decodeVin, expectedCheckDigit, modelYears, sampleVin, vinProblems } from '../src/vin/vin.js';

// The test vectors of the CarCar VIN rules (ISO 3779, 49 CFR 565), computed and checked by hand.
const valid = [
  { vin: '1HGCM82633A004352', digit: '3', year: 2003 },
  { vin: '1C3CC5FB2AN120174', digit: '2', year: 2010 },
  { vin: '1GC4K0C87FF132904', digit: '7', year: 2015 },
  { vin: 'WA1A4AFY2J2008189', digit: '2', year: 2018 },
  { vin: '1FTMW1T88MFA00001', digit: '8', year: 2021 },
];
const now = new Date('2026-06-01T00:00:00Z');

describe('VIN check digit and model year', () => {
  it.each(valid)('$vin has check digit $digit and model year $year', ({ vin, digit, year }) => {
    expect(expectedCheckDigit(vin)).toBe(digit);
    const decoded = decodeVin(vin, now);
    expect(decoded).toMatchObject({ valid: true, check_digit_ok: true, model_years: [year], wmi: vin.slice(0, 3) });
  });

  it('writes a remainder of 10 as X (LJCPCBLCX11000237, China: no defined year)', () => {
    expect(expectedCheckDigit('LJCPCBLCX11000237')).toBe('X');
    expect(decodeVin('LJCPCBLCX11000237', now)).toMatchObject({
      valid: true,
      check_digit_ok: true,
      region: 'Asia',
      country: 'China',
      model_years: [],
    });
  });

  it('refuses a North American VIN with a wrong check digit', () => {
    expect(expectedCheckDigit('1G1YZ23J9P5800003')).toBe('7');
    expect(decodeVin('1G1YZ23J9P5800003', now)).toMatchObject({
      valid: false,
      check_digit_ok: false,
      region: 'North America',
    });
    expect(vinSchema.safeParse('1G1YZ23J9P5800003').success).toBe(false);
  });

  it.each([
    { vin: 'JHMAP11432T2N3BH3', digit: '8', region: 'Asia' },
    { vin: 'KLATF08Y1VB363636', digit: '4', region: 'Asia' },
  ])('accepts but reports a wrong check digit outside North America ($vin)', ({ vin, digit, region }) => {
    expect(expectedCheckDigit(vin)).toBe(digit);
    expect(decodeVin(vin, now)).toMatchObject({ valid: true, check_digit_ok: false, region });
    expect(vinSchema.parse(vin.toLowerCase())).toBe(vin);
  });

  const wrongLetters = 'A VIN uses only digits and the letters A–Z except I, O and Q';
  it.each([
    ['', 'Enter the VIN'],
    ['1HGCM82633A00435', 'A VIN has 17 characters; this one has 16'],
    ['1HGCM82633A0043521', 'A VIN has 17 characters; this one has 18'],
    // An emoji is one character to the person typing, so this is a VIN of the right length with a wrong letter.
    ['1HGCM82633A00435🚗', wrongLetters],
    ['1HGCM82633A0043🚗', 'A VIN has 17 characters; this one has 16'],
    ['1HGCM82633A00435I', wrongLetters],
    ['1HGCM82633A00435O', wrongLetters],
    ['1HGCM82633A00435Q', wrongLetters],
    ['1HGCM82633A00435-', wrongLetters],
    ['1G1YZ23J9P5800003', 'The check digit (9th character) should be 7 for this VIN; check for a typo'],
  ])('refuses %j saying what to fix', (vin, problem) => {
    expect(vinProblems(vin)).toEqual([problem]);
    expect(decodeVin(vin, now).valid).toBe(false);
  });

  it('words the request field the same way, also for a value that is not text', () => {
    const messages = (input: unknown) => vinSchema.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(messages('1hgcm82633a00435')).toEqual(['A VIN has 17 characters; this one has 16']);
    expect(messages('  ')).toEqual(['Enter the VIN']);
    expect(messages(undefined)).toEqual(['Enter the VIN']);
    expect(messages(12345)).toEqual(['Enter the VIN']);
  });

  it('reads regions from the first character', () => {
    expect(decodeVin('WA1A4AFY2J2008189', now).region).toBe('Europe');
    expect(decodeVin('9BWZZZ377VT004251', now).region).toBe('South America');
    expect(decodeVin('6T1BE42K0VX123456', now).region).toBe('Oceania');
  });

  it('uses position 7 to pick the 30-year cycle and drops years not yet possible', () => {
    expect(modelYears('1HGCM82633A004352', now)).toEqual([2003]);
    expect(modelYears('1GC4K0C87FF132904', now)).toEqual([2015]);
    expect(modelYears('1GC4K0C87YF132904', new Date('2026-01-01T00:00:00Z'))).toEqual([]);
  });
});

describe('sample VINs', () => {
  it('are valid and distinct', () => {
    const vins = Array.from({ length: 50 }, (_, i) => sampleVin(i));
    expect(new Set(vins).size).toBe(50);
    for (const vin of vins) expect(vinProblems(vin)).toEqual([]);
  });
});
