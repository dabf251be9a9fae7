import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { BarChart } from '../../../components/bar-chart';
import { SectionLink } from '../../../components/detail-page';
import { ErrorState, Loading } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { VinLink } from '../../../components/vin-link';
import { VipBadge } from '../../../components/vip-badge';
import { useCan, useCanAtLeastOwn } from '../../../lib/auth';
import { formatDateTime, formatMoney, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { salePath } from '../../../lib/paths';
import { dealershipToday } from '../../../lib/time-zone';
import { useAgingCounts } from '../api/get-aging-counts';
import { useLowStockCount } from '../api/get-low-stock-count';
import { type DashboardSale, useDashboardSales } from '../api/get-recent-sales';
import { useRepairOrderMonths } from '../api/get-repair-order-months';
import { useStockCount } from '../api/get-stock-count';
import { useTodaysAppointments } from '../api/get-todays-appointments';

/** An appointment's status as the catalogue words it; one the app does not know yet, as the API sent it. */
function statusText(t: TFunction, status: string): string {
  if (status === 'canceled') return t('dashboard:status.canceled');
  if (status === 'finished') return t('dashboard:status.finished');
  return status;
}

const monthKey = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;

/** One figure of the strip, with how it moved against the previous period when that is known. */
function Stat({ label, value, change }: { label: string; value: ReactNode; change?: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md" className="stat" component="article">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {/* A div: the value may be a loading or error message, which are blocks. */}
      <Text component="div" fw={700} fz="xl" className="stat-value num">
        {value}
      </Text>
      {change && (
        <Text size="xs" c="dimmed">
          {change}
        </Text>
      )}
    </Paper>
  );
}

/** "+3 on last month", "−$1,200.00 on last month", "Same as last month". */
function changeText(t: TFunction, now: number, before: number, format: (n: number) => string): string {
  const difference = now - before;
  if (difference === 0) return t('dashboard:change.same');
  return difference > 0
    ? t('dashboard:change.more', { value: format(difference) })
    : t('dashboard:change.less', { value: format(-difference) });
}

/** A card of today's work: its heading, a way to the whole list, and its content. */
function WorkCard({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Group justify="space-between" align="center" mb="sm" gap="xs">
        <Title order={2}>{title}</Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

const personName = (p: { first_name: string; last_name: string }) => `${p.first_name} ${p.last_name}`;

/**
 * The figures at the top, then today's work for the role: sales for those who sell, the day's
 * appointments for the service desk, the way to My work for a technician; managers see all of it.
 * Each card loads on its own, so one service being down does not blank the page.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  // Each card only for those who may read what it counts: no card that could only say "forbidden".
  const mayStock = useCan('inventory.read');
  const maySales = useCanAtLeastOwn('sales.read');
  const mayAllSales = useCan('sales.read');
  const mayService = useCan('appointments.read');
  const mayRepairOrders = useCan('repair_orders.read');
  const mayReports = useCan('reports.read');
  const mayOwnWork = useCanAtLeastOwn('appointments.finish');
  const stock = useStockCount(mayStock);
  const sales = useDashboardSales(maySales);
  const today = dealershipToday();
  const appointments = useTodaysAppointments(today, mayService);
  // Advisors and managers order parts; a technician reads stock but is not shown the shop's to-do.
  const mayParts = useCan('parts.write');
  const lowStock = useLowStockCount(mayParts);
  const aging = useAgingCounts(mayStock);

  const now = new Date();
  const thisMonthKey = monthKey(now);
  const lastMonthKey = monthKey(new Date(now.getFullYear(), now.getMonth() - 1, 1));
  // Last month and this one, in whole months, as the repair-order report counts them.
  const repairOrders = useRepairOrderMonths({ from: lastMonthKey, to: today.slice(0, 7) }, mayReports);
  const roMonth = (key: string) => repairOrders.data?.find((row) => row.month === key)?.repair_orders ?? 0;

  const inMonth = (key: string) => (sales.data ?? []).filter((sale) => monthKey(new Date(sale.sold_at)) === key);
  const thisMonth = inMonth(thisMonthKey);
  const lastMonth = inMonth(lastMonthKey);
  const total = (list: DashboardSale[]) => list.reduce((sum, sale) => sum + sale.price, 0);
  const revenue = total(thisMonth);
  const bySalesperson = new Map<string, number>();
  for (const sale of sales.data ?? []) {
    const name = personName(sale.salesperson);
    bySalesperson.set(name, (bySalesperson.get(name) ?? 0) + sale.price);
  }
  const newestSales = [...thisMonth].sort((a, b) => b.sold_at.localeCompare(a.sold_at)).slice(0, 5);
  const salesReady = !sales.isLoading && !sales.error;

  return (
    <Stack gap="md">
      <Title order={1}>{t('dashboard:title')}</Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" className="stats">
        {maySales && (
          <>
            <Stat
              label={t('dashboard:carsSold')}
              value={sales.isLoading ? '…' : sales.error ? '—' : formatNumber(thisMonth.length)}
              change={salesReady && changeText(t, thisMonth.length, lastMonth.length, formatNumber)}
            />
            <Stat
              label={t('dashboard:revenue')}
              value={sales.isLoading ? '…' : sales.error ? '—' : formatMoney(revenue)}
              change={salesReady && changeText(t, revenue, total(lastMonth), formatMoney)}
            />
          </>
        )}
        {mayReports && (
          <Stat
            label={t('dashboard:repairOrders')}
            value={repairOrders.isLoading ? '…' : repairOrders.error ? '—' : formatNumber(roMonth(thisMonthKey))}
            change={repairOrders.data && changeText(t, roMonth(thisMonthKey), roMonth(lastMonthKey), formatNumber)}
          />
        )}
        {mayStock && (
          <Stat
            label={t('dashboard:carsInStock')}
            value={
              stock.isLoading ? '…' : stock.error ? <ErrorState error={stock.error} /> : formatNumber(stock.data ?? 0)
            }
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
                <Anchor
                  component={Link}
                  to="/service/parts?low=true"
                  inherit
                  aria-label={t('dashboard:partsLowLink', { count: lowStock.data ?? 0 })}
                >
                  {formatNumber(lowStock.data ?? 0)}
                </Anchor>
              )
            }
          />
        )}
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {mayOwnWork && !mayService && (
          <WorkCard title={t('dashboard:myWork')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('dashboard:myWorkHint')}</Text>
              <Button component={Link} to="/my-work">
                {t('dashboard:openMyWork')}
              </Button>
            </Stack>
          </WorkCard>
        )}
        {mayService && (
          <WorkCard
            title={t('dashboard:appointments')}
            action={
              mayRepairOrders && (
                <SectionLink to="/service/repair-orders">{t('dashboard:openRepairOrders')}</SectionLink>
              )
            }
          >
            {appointments.isLoading ? (
              <Loading />
            ) : appointments.error ? (
              <ErrorState error={appointments.error} retry={() => appointments.refetch()} />
            ) : appointments.data?.length ? (
              <Stack gap={6} className="today">
                {[...appointments.data].reverse().map((a) => (
                  <div key={a.id}>
                    <Group gap={6} wrap="wrap">
                      <Text span fw={600} size="sm">
                        {formatDateTime(a.date_time)}
                      </Text>
                      <Text span size="sm">
                        {a.customer}: {a.reason} ({personName(a.technician)})
                      </Text>
                      {a.vip && <VipBadge>{t('dashboard:vip')}</VipBadge>}
                      {a.status !== 'created' && (
                        <StatusBadge tone={a.status === 'finished' ? 'success' : 'neutral'}>
                          {statusText(t, a.status)}
                        </StatusBadge>
                      )}
                    </Group>
                  </div>
                ))}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed" className="empty">
                {t('dashboard:noAppointments')}
              </Text>
            )}
          </WorkCard>
        )}
        {maySales && (
          <WorkCard
            title={mayAllSales ? t('dashboard:salesThisMonth') : t('dashboard:ownSalesThisMonth')}
            action={<SectionLink to="/sales">{t('dashboard:allSales')}</SectionLink>}
          >
            {sales.isLoading ? (
              <Loading />
            ) : sales.error ? (
              <ErrorState error={sales.error} retry={() => sales.refetch()} />
            ) : newestSales.length > 0 ? (
              <Stack gap={6}>
                {newestSales.map((sale) => (
                  <div key={sale.id}>
                    <Group gap={6} wrap="wrap">
                      <Anchor component={Link} to={salePath(sale.id)} size="sm">
                        {formatDateTime(sale.sold_at)}
                      </Anchor>
                      <VinLink vin={sale.automobile.vin} />
                      <Text span size="sm">
                        {t('dashboard:soldTo', {
                          customer: personName(sale.customer),
                          seller: personName(sale.salesperson),
                        })}
                      </Text>
                      <Text span size="sm" fw={600} className="num">
                        {formatMoney(sale.price)}
                      </Text>
                    </Group>
                  </div>
                ))}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed" className="empty">
                {t('dashboard:noSalesThisMonth')}
              </Text>
            )}
          </WorkCard>
        )}
        {maySales && (
          <WorkCard title={t('dashboard:salesBySalesperson')}>
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
              <Text size="sm" c="dimmed" className="empty">
                {t('dashboard:noSales')}
              </Text>
            )}
          </WorkCard>
        )}
        {mayStock && (
          <WorkCard title={t('dashboard:aging')}>
            {aging.isLoading ? (
              <Loading />
            ) : aging.error ? (
              <ErrorState error={aging.error} />
            ) : (
              <ul className="aging-counts">
                {['0–30', '31–60', '61–90', '90+'].map((label, index) => (
                  <li key={label}>
                    <Link to={`/inventory/aging?bucket=${index}`}>
                      <strong>{formatNumber(aging.data?.[index] ?? 0)}</strong>
                      <span>{t('dashboard:bucket', { range: label })}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </WorkCard>
        )}
      </SimpleGrid>
    </Stack>
  );
}
