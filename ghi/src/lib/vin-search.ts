import { decodeVin } from '@carcar/common/contract/vin';

// The header's "Find a car": a whole VIN opens the car's page at once (an outside car's too); its
// last six or more characters, as staff read them off a windshield or a key tag, search the stock.

export const MIN_PARTIAL = 6;

export type VinQuery =
  | { kind: 'vin'; vin: string }
  | { kind: 'partial'; text: string }
  | { kind: 'invalid'; message: string };

/** What was typed, tidied (capitals, no spaces or dashes) and sorted into whole, partial or unusable. */
export function parseVinQuery(input: string): VinQuery {
  const text = input.toUpperCase().replace(/[\s-]+/g, '');
  if (text === '') return { kind: 'invalid', message: 'Type a VIN, or at least its last 6 characters.' };
  if (/[IOQ]/.test(text)) {
    return { kind: 'invalid', message: 'A VIN has no I, O or Q: check for a 1 or a 0.' };
  }
  if (!/^[A-Z0-9]+$/.test(text)) return { kind: 'invalid', message: 'A VIN has only letters and digits.' };
  if (text.length > 17) return { kind: 'invalid', message: `A VIN has 17 characters; this has ${text.length}.` };
  if (text.length === 17) {
    const decoded = decodeVin(text);
    return decoded.valid ? { kind: 'vin', vin: text } : { kind: 'invalid', message: `${decoded.problems[0]}.` };
  }
  if (text.length < MIN_PARTIAL) {
    return { kind: 'invalid', message: `Type the whole VIN or at least its last ${MIN_PARTIAL} characters.` };
  }
  return { kind: 'partial', text };
}

export type VinSearchOutcome<T> =
  | { kind: 'open'; vin: string }
  | { kind: 'choose'; cars: T[] }
  | { kind: 'none'; message: string };

/**
 * The inventory search (`?q=`) matches anywhere in the VIN and in the color or model too: only the
 * cars whose VIN ends with what was typed count. One opens; several are offered; none says so.
 */
export function vinSearchOutcome<T extends { vin: string }>(text: string, cars: readonly T[]): VinSearchOutcome<T> {
  const matches = cars.filter((car) => car.vin.toUpperCase().endsWith(text));
  const [only] = matches;
  if (matches.length === 1 && only) return { kind: 'open', vin: only.vin };
  if (matches.length > 1) return { kind: 'choose', cars: matches };
  return { kind: 'none', message: `No car found whose VIN ends in ${text}.` };
}
