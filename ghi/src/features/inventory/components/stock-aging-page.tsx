import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type Column, DataTable } from '../../../components/data-table';
import { ExportCsvButton } from '../../../components/export-csv-button';
import { VinLink } from '../../../components/vin-link';
import { formatDate, formatMoney, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { AGE_BUCKETS, bucketOf, unsoldStockRequest, useUnsoldStock } from '../api/get-stock-ages';
import type { Automobile } from '../types';

const days = (t: TFunction, n: number) => t('inventory:stockAging.days', { count: n, formatted: formatNumber(n) });

/** The buckets' names, in AGE_BUCKETS' order. */
const bucketLabels = (t: TFunction) => [
  t('inventory:stockAging.bucket30'),
  t('inventory:stockAging.bucket60'),
  t('inventory:stockAging.bucket90'),
  t('inventory:stockAging.bucketOver90'),
];

/**
 * The unsold stock by how long it has waited since the dealership took it in (`days_in_stock`,
 * from `acquired_at`), oldest first, in buckets of 0–30, 31–60, 61–90 and over 90 days; managers
 * see the cost tied up. The one page about stock age: the managers' report address
 * (/reports/inventory-aging) leads here, and it is read by everyone who may see the stock.
 */
export function StockAgingPage() {
  const { t } = useTranslation();
  const stock = useUnsoldStock();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('bucket');
  const bucket = chosen === null ? null : Number(chosen);
  const rows = stock.data;
  // Managers are answered `cost`; for everyone else the key is absent and the money columns stay out.
  const showCost = Boolean(rows?.some((car) => car.cost !== undefined));
  const summary = useMemo(
    () =>
      AGE_BUCKETS.map((b, index) => {
        const cars = (rows ?? []).filter((car) => bucketOf(car.days_in_stock) === index);
        return {
          ...b,
          label: bucketLabels(t)[index] ?? b.label,
          index,
          count: cars.length,
          cost: cars.reduce((sum, car) => sum + Math.round((car.cost ?? 0) * 100), 0) / 100,
          unknownCost: cars.filter((car) => car.cost === null).length,
        };
      }),
    [rows, t],
  );
  const shown = useMemo(
    () =>
      [...(rows ?? [])]
        .filter((car) => bucket === null || bucketOf(car.days_in_stock) === bucket)
        .sort((a, b) => b.days_in_stock - a.days_in_stock || a.vin.localeCompare(b.vin)),
    [rows, bucket],
  );
  const columns: Column<Automobile>[] = [
    {
      key: 'days',
      header: t('inventory:stockAging.inStock'),
      cell: (car) => days(t, car.days_in_stock),
      sortValue: (car) => car.days_in_stock,
    },
    {
      key: 'acquired',
      header: t('inventory:stockAging.acquired'),
      // The day is what staff go by for stock; the minute a car was entered is noise here.
      cell: (car) => formatDate(car.acquired_at),
      sortValue: (car) => car.acquired_at,
    },
    {
      key: 'vin',
      header: t('inventory:stockAging.vin'),
      cell: (car) => <VinLink vin={car.vin} />,
      sortValue: (car) => car.vin,
    },
    {
      key: 'car',
      header: t('inventory:stockAging.car'),
      cell: (car) => `${car.year} ${car.model.manufacturer.name} ${car.model.name}, ${car.color}`,
      sortValue: (car) => `${car.model.manufacturer.name} ${car.model.name} ${car.year}`,
    },
    {
      key: 'condition',
      header: t('inventory:stockAging.condition'),
      cell: (car) =>
        t('inventory:stockAging.conditionAndMiles', {
          condition: car.condition === 'used' ? t('inventory:stockAging.used') : t('inventory:stockAging.new'),
          miles: formatNumber(car.odometer),
        }),
      sortValue: (car) => car.condition,
    },
    {
      key: 'list',
      header: t('inventory:stockAging.listPrice'),
      cell: (car) => (car.list_price === null ? '—' : formatMoney(car.list_price)),
      sortValue: (car) => car.list_price ?? -1,
    },
    ...(showCost
      ? [
          {
            key: 'cost',
            header: t('inventory:stockAging.cost'),
            cell: (car: Automobile) => (car.cost == null ? t('inventory:stockAging.unknown') : formatMoney(car.cost)),
            sortValue: (car: Automobile) => car.cost ?? -1,
          },
        ]
      : []),
  ];
  return (
    <>
      <h1>{t('inventory:stockAging.title')}</h1>
      <p>{t('inventory:stockAging.intro')}</p>
      <div className="overflow-auto">
        <table className="aging-buckets" aria-label={t('inventory:stockAging.byDays')}>
          <thead>
            <tr>
              <th scope="col">{t('inventory:stockAging.daysInStock')}</th>
              <th scope="col">{t('inventory:stockAging.cars')}</th>
              {showCost && <th scope="col">{t('inventory:stockAging.costTiedUp')}</th>}
            </tr>
          </thead>
          <tbody>
            {summary.map((b) => (
              <tr key={b.label} aria-current={bucket === b.index ? 'true' : undefined}>
                <th scope="row">
                  <Link
                    to={bucket === b.index ? '/inventory/aging' : `/inventory/aging?bucket=${b.index}`}
                    aria-label={`${t('inventory:stockAging.bucketLink', { label: b.label, count: b.count })}${bucket === b.index ? t('inventory:stockAging.shownShowAll') : ''}`}
                  >
                    {b.label}
                  </Link>
                </th>
                <td>{stock.isLoading ? '…' : b.count}</td>
                {showCost && (
                  <td>
                    {formatMoney(b.cost)}
                    {b.unknownCost > 0 && t('inventory:stockAging.unknownCost', { n: b.unknownCost })}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {bucket !== null && (
        <p>
          {t('inventory:stockAging.showing', {
            bucket: bucketLabels(t)[bucket] ?? AGE_BUCKETS[bucket]?.label ?? t('inventory:stockAging.oneBucket'),
          })}{' '}
          <button type="button" className="secondary outline" onClick={() => setParams({})}>
            {t('inventory:stockAging.showEvery')}
          </button>
        </p>
      )}
      <div className="list-toolbar">
        {/* The automobile list's CSV, unsold cars: its cost column only for those answered it. */}
        <ExportCsvButton name="stock-by-age" request={unsoldStockRequest} />
      </div>
      <DataTable
        caption={t('inventory:stockAging.caption')}
        rows={stock.data ? shown : undefined}
        isLoading={stock.isLoading}
        error={stock.error}
        retry={() => stock.refetch()}
        rowKey={(car) => car.vin}
        columns={columns}
        searchText={(car) => `${car.vin} ${car.year} ${car.model.manufacturer.name} ${car.model.name} ${car.color}`}
        empty={t('inventory:stockAging.empty')}
        pageSize={50}
      />
    </>
  );
}
