import '../print.css';
import { decodeVin } from '@carcar/common/contract/vin';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { env } from '../config/env';
import { useTranslation } from '../lib/i18n';
import { countryText, regionText } from './vin-words';

/**
 * A paper to print: the dealership's name, what the paper is and its number and date, then its
 * content. On screen a Print button and a way back sit above it; on paper only the sheet shows.
 */
export function Paper({
  title,
  number,
  date,
  back,
  children,
}: {
  title: string;
  /** "Sale 12", "Work order 7". */
  number: string;
  date: string;
  back: { to: string; label: string };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="paper-actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('common:paper.print')}
        </button>
        <Link to={back.to}>{back.label}</Link>
      </div>
      <article className="paper" aria-label={title}>
        <header className="paper-head">
          <div>
            <p className="dealership">{env.DEALERSHIP_NAME}</p>
            <h1>{title}</h1>
          </div>
          <p className="paper-meta">
            {number}
            <br />
            {date}
          </p>
        </header>
        {children}
      </article>
    </>
  );
}

/** The VIN and what it says by itself: maker code, where the car was built, its model year. */
export function VinFacts({ vin }: { vin: string }) {
  const { t } = useTranslation();
  const decoded = decodeVin(vin);
  return (
    <>
      <dt>VIN</dt>
      <dd>
        <code>{decoded.vin}</code>
      </dd>
      {decoded.wmi && (
        <>
          <dt>{t('common:paper.makerCode')}</dt>
          <dd>{decoded.wmi}</dd>
        </>
      )}
      {(decoded.country || decoded.region) && (
        <>
          <dt>{t('common:paper.builtIn')}</dt>
          <dd>{[countryText(t, decoded.country), regionText(t, decoded.region)].filter(Boolean).join(', ')}</dd>
        </>
      )}
      {decoded.model_years.length > 0 && (
        <>
          <dt>{t('common:paper.modelYear')}</dt>
          <dd>{decoded.model_years.join(t('common:paper.or'))}</dd>
        </>
      )}
      <dt>{t('common:paper.checkDigit')}</dt>
      <dd>{decoded.check_digit_ok ? t('common:paper.checkDigitOk') : t('common:paper.checkDigitBad')}</dd>
    </>
  );
}

/** Lines to sign on, each named: who signs and the date. */
export function SignatureLines({ signers }: { signers: string[] }) {
  const { t } = useTranslation();
  return (
    <section className="paper-signatures" aria-label={t('common:paper.signatures')}>
      {signers.map((signer) => (
        <div key={signer}>
          <p>{t('common:paper.signatureOf', { signer })}</p>
          <p>{t('common:paper.date')}</p>
        </div>
      ))}
    </section>
  );
}
