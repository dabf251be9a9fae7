import { decodeVin } from '@carcar/common/contract/vin';

/** Live VIN feedback as the user types: format, check digit, decoded model year and region. */
export function VinCheck({ vin }: { vin: string }) {
  if (!vin) return null;
  const decoded = decodeVin(vin);
  const facts = [
    decoded.region && `Region: ${decoded.region}${decoded.country ? ` (${decoded.country})` : ''}`,
    decoded.model_years.length > 0 && `Model year: ${decoded.model_years.join(' or ')}`,
    decoded.wmi && `Maker code: ${decoded.wmi}`,
    decoded.expected_check_digit &&
      `Check digit ${decoded.check_digit_ok ? 'OK' : `should be ${decoded.expected_check_digit}`}`,
  ].filter(Boolean);
  return (
    <output className={decoded.valid ? 'vin-ok' : 'vin-bad'} aria-live="polite" data-testid="vin-check">
      {decoded.valid ? 'Valid VIN. ' : `${decoded.problems[0] ?? 'Invalid VIN'}. `}
      {facts.join(' · ')}
    </output>
  );
}
