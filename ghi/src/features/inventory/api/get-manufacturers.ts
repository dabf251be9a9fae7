import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { inventoryApi } from '../../../lib/api-client';
import type { CsvRequest } from '../../../lib/export-csv';
import { inventoryKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';
import type { Manufacturer } from '../types';

/** Every manufacturer, the list the page shows, for "Export CSV". */
export const manufacturersRequest: CsvRequest = { api: inventoryApi, url: pathTo(inventoryRoutes.manufacturers.list) };

export async function getManufacturers(): Promise<Manufacturer[]> {
  return (await callRoute(inventoryApi, inventoryRoutes.manufacturers.list)).manufacturers;
}

export function useManufacturers() {
  return useQuery({ queryKey: inventoryKeys.manufacturers.list(), queryFn: getManufacturers });
}
