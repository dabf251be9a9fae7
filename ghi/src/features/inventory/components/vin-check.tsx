import { decodeVin, type VinDecoding } from '@carcar/common/contract/vin';
import type { TFunction } from 'i18next';
import { countryText, regionText, vinProblemText } from '../../../components/vin-words';
import { useTranslation } from '../../../lib/i18n';

type Verdict = 'ok' | 'warn' | 'bad';

/**
 * Accepted with a check digit that does not match is neither "valid" nor "invalid": outside North
 * America the check digit is optional, so the VIN is allowed but worth a second look (amber).
 */
function verdict(t: TFunction, decoded: VinDecoding): { kind: Verdict; headline: string } {
  if (!decoded.valid) {
    return { kind: 'bad', headline: `${vinProblemText(t, decoded) ?? t('inventory:vinCheck.invalid')}.` };
  }
  if (!decoded.check_digit_ok) {
    return {
      kind: 'warn',
      headline: t('inventory:vinCheck.checkDigitWarn', { expected: decoded.expected_check_digit }),
    };
  }
  return { kind: 'ok', headline: t('inventory:vinCheck.valid') };
}

/** Live VIN feedback as the user types: format, check digit, decoded model year and region. */
export function VinCheck({ vin }: { vin: string }) {
  const { t } = useTranslation();
  if (!vin) return null;
  const decoded = decodeVin(vin);
  const { kind, headline } = verdict(t, decoded);
  const country = countryText(t, decoded.country);
  const facts = [
    decoded.region &&
      t('inventory:vinCheck.region', {
        region: `${regionText(t, decoded.region)}${country ? ` (${country})` : ''}`,
      }),
    decoded.model_years.length > 0 &&
      t('inventory:vinCheck.modelYear', { years: decoded.model_years.join(t('inventory:vinCheck.or')) }),
    decoded.wmi && t('inventory:vinCheck.makerCode', { code: decoded.wmi }),
    decoded.check_digit_ok && t('inventory:vinCheck.checkDigitOk'),
  ].filter(Boolean);
  return (
    <output className={`vin-${kind}`} aria-live="polite" data-testid="vin-check" data-verdict={kind}>
      {headline} {facts.join(' · ')}
    </output>
  );
}
