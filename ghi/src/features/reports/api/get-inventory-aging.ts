import type { InventoryAgingRow } from '@carcar/common/contract/reports';
import { useQuery } from '@tanstack/react-query';
import { inventoryApi } from '../../../lib/api-client';
import { inventoryKeys } from '../../../lib/query-keys';
import { csvName, downloadCsv, rangeParams } from './download-csv';

const path = '/api/reports/inventory-aging/';

export function useInventoryAging(range: { from: string; to: string }, enabled = true) {
  return useQuery({
    enabled,
    queryKey: inventoryKeys.reports.aging(range),
    queryFn: async () =>
      (await inventoryApi.get<{ rows: InventoryAgingRow[] }>(path, { params: rangeParams(range) })).data.rows,
  });
}

export const downloadInventoryAging = (range: { from: string; to: string }) =>
  downloadCsv(inventoryApi, path, range, csvName('inventory-aging', range));
