import { useQuery } from '@tanstack/react-query';
import { inventoryApi } from '../../../lib/api-client';
import type { CsvRequest } from '../../../lib/export-csv';
import type { VehicleModel } from '../types';

export const modelsKey = ['inventory', 'models'];

/** Every vehicle model, the list the page shows, for "Export CSV". */
export const modelsRequest: CsvRequest = { api: inventoryApi, url: '/api/models/' };

export function useModels() {
  return useQuery({
    queryKey: modelsKey,
    queryFn: async () => (await inventoryApi.get<{ models: VehicleModel[] }>(modelsRequest.url)).data.models,
  });
}
