import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type Column, DataTable } from '../../../components/data-table';
import { ExportCsvMenuItem } from '../../../components/export-csv-button';
import { ListPage, MoreMenu } from '../../../components/list-page';
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
      numeric: true,
    },
    {
      key: 'acquired',
      header: t('inventory:stockAging.acquired'),
      // The day is what staff go by for stock; the minute a car was entered is noise here.
      cell: (car) => formatDate(car.acquired_at),
      sortValue: (car) => car.acquired_at,
      nowrap: true,
    },
    {
      key: 'vin',
      header: t('inventory:stockAging.vin'),
      cell: (car) => <VinLink vin={car.vin} />,
      sortValue: (car) => car.vin,
      nowrap: true,
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
      numeric: true,
    },
    ...(showCost
      ? [
          {
            key: 'cost',
            header: t('inventory:stockAging.cost'),
            cell: (car: Automobile) => (car.cost == null ? t('inventory:stockAging.unknown') : formatMoney(car.cost)),
            sortValue: (car: Automobile) => car.cost ?? -1,
            numeric: true,
          },
        ]
      : []),
  ];
  return (
    <ListPage
      title={t('inventory:stockAging.title')}
      count={
        rows ? t('inventory:stockAging.count', { count: rows.length, formatted: formatNumber(rows.length) }) : undefined
      }
      actions={
        // Beside the title, as on the other lists: a toolbar row of its own would push the cars down.
        <MoreMenu>
          {/* The automobile list's CSV, unsold cars: its cost column only for those answered it. */}
          <ExportCsvMenuItem name="stock-by-age" request={unsoldStockRequest} />
        </MoreMenu>
      }
    >
      <Text size="sm" c="dimmed">
        {t('inventory:stockAging.intro')}
      </Text>
      {/* The buckets: a short table of figures, each bucket's name the link that lists only its cars. */}
      <Table
        aria-label={t('inventory:stockAging.byDays')}
        withTableBorder
        striped
        verticalSpacing={5}
        horizontalSpacing="sm"
        maw="32rem"
        className="aging-buckets"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('inventory:stockAging.daysInStock')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('inventory:stockAging.cars')}
            </Table.Th>
            {showCost && (
              <Table.Th scope="col" ta="right">
                {t('inventory:stockAging.costTiedUp')}
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.map((b) => (
            <Table.Tr
              key={b.label}
              aria-current={bucket === b.index ? 'true' : undefined}
              // The chosen bucket is bold (no tint: the link's colour keeps its contrast).
              fw={bucket === b.index ? 700 : undefined}
            >
              <Table.Th scope="row" fw="inherit">
                <Anchor
                  component={Link}
                  to={bucket === b.index ? '/inventory/aging' : `/inventory/aging?bucket=${b.index}`}
                  aria-label={`${t('inventory:stockAging.bucketLink', { label: b.label, count: b.count })}${bucket === b.index ? t('inventory:stockAging.shownShowAll') : ''}`}
                  fw="inherit"
                >
                  {b.label}
                </Anchor>
              </Table.Th>
              <Table.Td ta="right" className="list-table-numeric">
                {stock.isLoading ? '…' : formatNumber(b.count)}
              </Table.Td>
              {showCost && (
                <Table.Td ta="right" className="list-table-numeric">
                  {formatMoney(b.cost)}
                  {b.unknownCost > 0 && t('inventory:stockAging.unknownCost', { n: b.unknownCost })}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <DataTable
        toolbar={
          bucket !== null && (
            <Group gap="xs" align="center" wrap="wrap">
              <Text size="sm" aria-live="polite">
                {t('inventory:stockAging.showing', {
                  bucket: bucketLabels(t)[bucket] ?? AGE_BUCKETS[bucket]?.label ?? t('inventory:stockAging.oneBucket'),
                })}
              </Text>
              <Button variant="default" size="xs" onClick={() => setParams({})}>
                {t('inventory:stockAging.showEvery')}
              </Button>
            </Group>
          )
        }
        caption={t('inventory:stockAging.caption')}
        rows={stock.data ? shown : undefined}
        isLoading={stock.isLoading}
        error={stock.error}
        retry={() => stock.refetch()}
        rowKey={(car) => car.vin}
        columns={columns}
        searchHint={t('inventory:stockAging.searchHint')}
        searchText={(car) => `${car.vin} ${car.year} ${car.model.manufacturer.name} ${car.model.name} ${car.color}`}
        empty={t('inventory:stockAging.empty')}
        pageSize={50}
      />
    </ListPage>
  );
}
