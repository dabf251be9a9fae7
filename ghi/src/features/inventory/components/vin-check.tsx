import { decodeVin, type VinDecoding } from '@carcar/common/contract/vin';

type Verdict = 'ok' | 'warn' | 'bad';

/**
 * Accepted with a check digit that does not match is neither "valid" nor "invalid": outside North
 * America the check digit is optional, so the VIN is allowed but worth a second look (amber).
 */
function verdict(decoded: VinDecoding): { kind: Verdict; headline: string } {
  if (!decoded.valid) return { kind: 'bad', headline: `${decoded.problems[0] ?? 'Invalid VIN'}.` };
  if (!decoded.check_digit_ok) {
    return {
      kind: 'warn',
      headline: `Check digit does not match (should be ${decoded.expected_check_digit}); allowed outside North America.`,
    };
  }
  return { kind: 'ok', headline: 'Valid VIN.' };
}

/** Live VIN feedback as the user types: format, check digit, decoded model year and region. */
export function VinCheck({ vin }: { vin: string }) {
  if (!vin) return null;
  const decoded = decodeVin(vin);
  const { kind, headline } = verdict(decoded);
  const facts = [
    decoded.region && `Region: ${decoded.region}${decoded.country ? ` (${decoded.country})` : ''}`,
    decoded.model_years.length > 0 && `Model year: ${decoded.model_years.join(' or ')}`,
    decoded.wmi && `Maker code: ${decoded.wmi}`,
    decoded.check_digit_ok && 'Check digit OK',
  ].filter(Boolean);
  return (
    <output className={`vin-${kind}`} aria-live="polite" data-testid="vin-check" data-verdict={kind}>
      {headline} {facts.join(' · ')}
    </output>
  );
}
