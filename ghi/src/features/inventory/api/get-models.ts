import { inventoryRoutes, pathTo } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { inventoryApi } from '../../../lib/api-client';
import type { CsvRequest } from '../../../lib/export-csv';
import { inventoryKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';

/** Every vehicle model, the list the page shows, for "Export CSV". */
export const modelsRequest: CsvRequest = { api: inventoryApi, url: pathTo(inventoryRoutes.models.list) };

export function useModels() {
  return useQuery({
    queryKey: inventoryKeys.models.list(),
    queryFn: async () => (await callRoute(inventoryApi, inventoryRoutes.models.list)).models,
  });
}
