import { Trans } from 'react-i18next';
import { Link } from 'react-router-dom';
import { NotFound } from '../../../components/states';
import { useTranslation } from '../../../lib/i18n';

/** What a sale's page and its bill of sale show for a number no sale has. */
export function SaleNotFound() {
  const { t } = useTranslation();
  return (
    <NotFound title={t('sales:notFound.title')}>
      <Trans t={t} i18nKey="sales:notFound.body" components={{ back: <Link to="/sales" /> }} />
    </NotFound>
  );
}
