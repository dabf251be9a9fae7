import { describe, expect, it } from 'vitest';
import { parseVinQuery, vinSearchOutcome } from '../src/lib/vin-search';

const VIN = '1HGCM82633A004352';

describe('finding a car from the header', () => {
  it('opens a whole valid VIN, typed in any case, with spaces or dashes', () => {
    expect(parseVinQuery(VIN)).toEqual({ kind: 'vin', vin: VIN });
    expect(parseVinQuery(' 1hgcm826-33a 004352 ')).toEqual({ kind: 'vin', vin: VIN });
    // An outside car from Europe: no check digit required, so it opens too.
    expect(parseVinQuery('WVWZZZ1JZXW000001')).toEqual({ kind: 'vin', vin: 'WVWZZZ1JZXW000001' });
  });

  it('refuses a whole VIN that cannot be one, saying why', () => {
    const wrongCheck = parseVinQuery('1HGCM82643A004352');
    expect(wrongCheck).toMatchObject({ kind: 'invalid' });
    expect(wrongCheck.kind === 'invalid' && wrongCheck.message).toMatch(/check digit/);
    expect(parseVinQuery('1HGCM82633A0043520')).toEqual({
      kind: 'invalid',
      message: 'A VIN has 17 characters; this has 18.',
    });
    expect(parseVinQuery('1HGCM8263OA004352')).toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/I, O or Q/),
    });
    expect(parseVinQuery('004352!')).toMatchObject({ kind: 'invalid', message: 'A VIN has only letters and digits.' });
  });

  it('searches with 6 to 16 characters, and asks for more below 6', () => {
    expect(parseVinQuery('a004352')).toEqual({ kind: 'partial', text: 'A004352' });
    expect(parseVinQuery('004352')).toEqual({ kind: 'partial', text: '004352' });
    expect(parseVinQuery('04352')).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/last 6/) });
    expect(parseVinQuery('   ')).toMatchObject({ kind: 'invalid' });
  });

  it('counts only cars whose VIN ends with the text: one opens, several are offered, none is said', () => {
    const cars = [
      { vin: VIN, color: 'red' },
      { vin: '1HGCM82633A004353', color: 'blue' },
      // Matches the inventory search (the text is inside the VIN) but not at its end.
      { vin: '1C3CC5FB004352AN1', color: 'black' },
      { vin: '2T1BR32E15C004352', color: 'green' },
    ];
    expect(vinSearchOutcome('3A004352', cars)).toEqual({ kind: 'open', vin: VIN });
    expect(vinSearchOutcome('004352', cars)).toEqual({ kind: 'choose', cars: [cars[0], cars[3]] });
    expect(vinSearchOutcome('999999', cars)).toEqual({
      kind: 'none',
      message: 'No car found whose VIN ends in 999999.',
    });
  });
});
