import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { BarChart } from '../../../components/bar-chart';
import { ErrorState, Loading } from '../../../components/states';
import { useCan, useCanAtLeastOwn } from '../../../lib/auth';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { dealershipToday } from '../../../lib/time-zone';
import { useAgingCounts } from '../api/get-aging-counts';
import { useLowStockCount } from '../api/get-low-stock-count';
import { useDashboardSales } from '../api/get-recent-sales';
import { useStockCount } from '../api/get-stock-count';
import { useTodaysAppointments } from '../api/get-todays-appointments';

/** An appointment's status as the catalogue words it; one the app does not know yet, as the API sent it. */
function statusText(t: TFunction, status: string): string {
  if (status === 'canceled') return t('dashboard:status.canceled');
  if (status === 'finished') return t('dashboard:status.finished');
  return status;
}

function Stat({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <article className="stat">
      <header>{label}</header>
      <p className="stat-value">{value}</p>
    </article>
  );
}

/** Each card loads on its own, so one service being down does not blank the page. */
export function DashboardPage() {
  const { t } = useTranslation();
  // Each card only for those who may read what it counts: no card that could only say "forbidden".
  const mayStock = useCan('inventory.read');
  const maySales = useCanAtLeastOwn('sales.read');
  const mayService = useCan('appointments.read');
  const stock = useStockCount(mayStock);
  const sales = useDashboardSales(maySales);
  const today = dealershipToday();
  const appointments = useTodaysAppointments(today, mayService);
  // Advisors and managers order parts; a technician reads stock but is not shown the shop's to-do.
  const mayParts = useCan('parts.write');
  const lowStock = useLowStockCount(mayParts);
  const aging = useAgingCounts(mayStock);

  const now = new Date();
  const thisMonth = (sales.data ?? []).filter((sale) => {
    const date = new Date(sale.sold_at);
    return date.getFullYear() === now.getFullYear() && date.getMonth() === now.getMonth();
  });
  const revenue = thisMonth.reduce((sum, sale) => sum + sale.price, 0);
  const bySalesperson = new Map<string, number>();
  for (const sale of sales.data ?? []) {
    const name = `${sale.salesperson.first_name} ${sale.salesperson.last_name}`;
    bySalesperson.set(name, (bySalesperson.get(name) ?? 0) + sale.price);
  }

  return (
    <>
      <h1>{t('dashboard:title')}</h1>
      <div className="grid stats">
        {mayStock && (
          <Stat
            label={t('dashboard:carsInStock')}
            value={stock.isLoading ? '…' : stock.error ? <ErrorState error={stock.error} /> : stock.data}
          />
        )}
        {mayParts && (
          <Stat
            label={t('dashboard:partsLow')}
            value={
              lowStock.isLoading ? (
                '…'
              ) : lowStock.error ? (
                <ErrorState error={lowStock.error} />
              ) : (
                <Link
                  to="/service/parts?low=true"
                  aria-label={t('dashboard:partsLowLink', { count: lowStock.data ?? 0 })}
                >
                  {lowStock.data}
                </Link>
              )
            }
          />
        )}
        {mayStock && (
          <article className="stat" aria-labelledby="aging-heading">
            <header id="aging-heading">{t('dashboard:aging')}</header>
            {aging.isLoading ? (
              <p className="stat-value">…</p>
            ) : aging.error ? (
              <ErrorState error={aging.error} />
            ) : (
              <ul className="aging-counts">
                {['0–30', '31–60', '61–90', '90+'].map((label, index) => (
                  <li key={label}>
                    <Link to={`/inventory/aging?bucket=${index}`}>
                      <strong>{aging.data?.[index] ?? 0}</strong>
                      <span>{t('dashboard:bucket', { range: label })}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </article>
        )}
        {maySales && (
          <>
            <Stat
              label={t('dashboard:carsSold')}
              value={sales.isLoading ? '…' : sales.error ? '—' : thisMonth.length}
            />
            <Stat
              label={t('dashboard:revenue')}
              value={sales.isLoading ? '…' : sales.error ? '—' : formatMoney(revenue)}
            />
          </>
        )}
      </div>
      <div className="grid">
        {mayService && (
          <section aria-labelledby="today-heading">
            <h2 id="today-heading">{t('dashboard:appointments')}</h2>
            {appointments.isLoading ? (
              <Loading />
            ) : appointments.error ? (
              <ErrorState error={appointments.error} retry={() => appointments.refetch()} />
            ) : appointments.data?.length ? (
              <ul className="today">
                {[...appointments.data].reverse().map((a) => (
                  <li key={a.id}>
                    <strong>{formatDateTime(a.date_time)}</strong> {a.customer}: {a.reason} ({a.technician.first_name}{' '}
                    {a.technician.last_name}){a.vip && <span className="badge vip">{t('dashboard:vip')}</span>}
                    {a.status !== 'created' && <span className={`badge ${a.status}`}>{statusText(t, a.status)}</span>}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty">{t('dashboard:noAppointments')}</p>
            )}
          </section>
        )}
        {maySales && (
          <section aria-labelledby="chart-heading">
            <h2 id="chart-heading">{t('dashboard:salesBySalesperson')}</h2>
            {sales.isLoading ? (
              <Loading />
            ) : sales.error ? (
              <ErrorState error={sales.error} retry={() => sales.refetch()} />
            ) : bySalesperson.size > 0 ? (
              <BarChart
                title={t('dashboard:revenueChart')}
                bars={[...bySalesperson].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value)}
                format={formatMoney}
              />
            ) : (
              <p className="empty">{t('dashboard:noSales')}</p>
            )}
          </section>
        )}
      </div>
    </>
  );
}
