import { Link } from 'react-router-dom';
import { NotFound } from '../../../components/states';
import { useTranslation } from '../../../lib/i18n';

/** No repair order by the address's id (`rawId`, as typed): its page and its printout say so alike. */
export function RepairOrderNotFound({ rawId }: { rawId: string }) {
  const { t } = useTranslation();
  return (
    <NotFound title={t('repairOrders:order.notFound')}>
      {t('repairOrders:order.noSuch', { id: rawId })}{' '}
      <Link to="/service/repair-orders">{t('repairOrders:order.backToList')}</Link>.
    </NotFound>
  );
}
