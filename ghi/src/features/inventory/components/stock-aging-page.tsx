import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type Column, DataTable } from '../../../components/data-table';
import { VinLink } from '../../../components/vin-link';
import { formatMoney, formatNumber } from '../../../lib/format';
import { AGE_BUCKETS, bucketOf, useUnsoldStock } from '../api/get-stock-ages';
import type { Automobile } from '../types';

const days = (n: number) => (n === 1 ? '1 day' : `${formatNumber(n)} days`);

/**
 * The unsold stock by how long it has waited since the dealership took it in (`days_in_stock`),
 * oldest first, in buckets of 0–30, 31–60, 61–90 and over 90 days; managers see the cost tied up.
 */
export function StockAgingPage() {
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
          index,
          count: cars.length,
          cost: cars.reduce((sum, car) => sum + Math.round((car.cost ?? 0) * 100), 0) / 100,
          unknownCost: cars.filter((car) => car.cost === null).length,
        };
      }),
    [rows],
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
      header: 'In stock',
      cell: (car) => days(car.days_in_stock),
      sortValue: (car) => car.days_in_stock,
    },
    { key: 'vin', header: 'VIN', cell: (car) => <VinLink vin={car.vin} />, sortValue: (car) => car.vin },
    {
      key: 'car',
      header: 'Car',
      cell: (car) => `${car.year} ${car.model.manufacturer.name} ${car.model.name}, ${car.color}`,
      sortValue: (car) => `${car.model.manufacturer.name} ${car.model.name} ${car.year}`,
    },
    {
      key: 'condition',
      header: 'Condition',
      cell: (car) => `${car.condition === 'used' ? 'Used' : 'New'}, ${formatNumber(car.odometer)} mi`,
      sortValue: (car) => car.condition,
    },
    {
      key: 'list',
      header: 'List price',
      cell: (car) => (car.list_price === null ? '—' : formatMoney(car.list_price)),
      sortValue: (car) => car.list_price ?? -1,
    },
    ...(showCost
      ? [
          {
            key: 'cost',
            header: 'Cost',
            cell: (car: Automobile) => (car.cost == null ? 'unknown' : formatMoney(car.cost)),
            sortValue: (car: Automobile) => car.cost ?? -1,
          },
        ]
      : []),
  ];
  return (
    <>
      <h1>Stock by age</h1>
      <p>Unsold cars by days since the dealership took them in, oldest first. Choose a bucket to list only its cars.</p>
      <table className="aging-buckets" aria-label="Unsold cars by days in stock">
        <thead>
          <tr>
            <th scope="col">Days in stock</th>
            <th scope="col">Cars</th>
            {showCost && <th scope="col">Cost tied up</th>}
          </tr>
        </thead>
        <tbody>
          {summary.map((b) => (
            <tr key={b.label} aria-current={bucket === b.index ? 'true' : undefined}>
              <th scope="row">
                <Link
                  to={bucket === b.index ? '/inventory/aging' : `/inventory/aging?bucket=${b.index}`}
                  aria-label={`${b.label}: ${b.count} cars${bucket === b.index ? ' (shown; show all)' : ''}`}
                >
                  {b.label}
                </Link>
              </th>
              <td>{stock.isLoading ? '…' : b.count}</td>
              {showCost && (
                <td>
                  {formatMoney(b.cost)}
                  {b.unknownCost > 0 && ` (+${b.unknownCost} unknown)`}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {bucket !== null && (
        <p>
          Showing {AGE_BUCKETS[bucket]?.label ?? 'one bucket'}.{' '}
          <button type="button" className="secondary outline" onClick={() => setParams({})}>
            Show every bucket
          </button>
        </p>
      )}
      <DataTable
        caption="Unsold cars, oldest first"
        rows={stock.data ? shown : undefined}
        isLoading={stock.isLoading}
        error={stock.error}
        retry={() => stock.refetch()}
        rowKey={(car) => car.vin}
        columns={columns}
        searchText={(car) => `${car.vin} ${car.year} ${car.model.manufacturer.name} ${car.model.name} ${car.color}`}
        empty="No unsold cars here."
        pageSize={50}
      />
    </>
  );
}
