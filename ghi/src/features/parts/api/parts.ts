import type {
  Part,
  PartAdjustmentInput,
  PartImportResult,
  PartInput,
  PartMovement,
  PartReceiptInput,
  PartUpdateInput,
} from '@carcar/common/contract/parts';
import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { countOf, getPage } from '../../../lib/paged';
import { serviceKeys } from '../../../lib/query-keys';

export interface PartFilters {
  q?: string;
  /** At or under the reorder point. */
  low?: boolean;
}

/** One page of the parts list (the API's order), and how many match in all. */
export function usePartsPage(filters: PartFilters & { limit: number; offset: number }) {
  return useQuery({
    queryKey: serviceKeys.parts.page(filters),
    queryFn: () =>
      getPage<Part>(serviceApi, pathTo(serviceApiRoutes.parts.list), 'parts', {
        ...filters,
        low: filters.low || undefined,
      }),
    placeholderData: keepPreviousData,
  });
}

/** How many parts are at or under their reorder point: the Low stock filter's and the dashboard's count. */
export function useLowStockCount(enabled = true, q?: string) {
  return useQuery({
    enabled,
    queryKey: serviceKeys.parts.lowCount(q ?? ''),
    queryFn: () => countOf(serviceApi, pathTo(serviceApiRoutes.parts.list), { low: true, q }),
  });
}

/** Parts whose number or description holds `q`: the part picker's suggestions. */
export function usePartSearch(q: string, enabled = true) {
  return useQuery({
    enabled: enabled && q.trim().length > 0,
    queryKey: serviceKeys.parts.search(q.trim()),
    queryFn: async () =>
      (await getPage<Part>(serviceApi, pathTo(serviceApiRoutes.parts.list), 'parts', { q: q.trim(), limit: 8 })).items,
    placeholderData: keepPreviousData,
  });
}

export function usePart(number: string) {
  return useQuery({
    queryKey: serviceKeys.parts.one(number),
    enabled: number !== '',
    queryFn: async () => (await serviceApi.get<Part>(pathTo(serviceApiRoutes.parts.get, { number }))).data,
  });
}

/** The part's ledger, newest first, a page at a time. */
export function useMovements(number: string, limit: number, offset: number) {
  return useQuery({
    queryKey: serviceKeys.parts.movements(number, limit, offset),
    queryFn: () =>
      getPage<PartMovement>(serviceApi, pathTo(serviceApiRoutes.parts.movements, { number }), 'movements', {
        limit,
        offset,
      }),
    placeholderData: keepPreviousData,
  });
}

function useRefreshing<A, R>(run: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.parts.all }),
  });
}

/** `POST /api/parts/`: a new part; its opening stock (if any) is a receipt. */
export const useCreatePart = () =>
  useRefreshing(
    async (body: PartInput) => (await serviceApi.post<Part>(pathTo(serviceApiRoutes.parts.create), body)).data,
  );

/** `PUT /api/parts/:number/`: description, price, cost, reorder point (stock moves only by receipts and adjustments). */
export const useUpdatePart = (number: string) =>
  useRefreshing(
    async (body: PartUpdateInput) =>
      (await serviceApi.put<Part>(pathTo(serviceApiRoutes.parts.update, { number }), body)).data,
  );

/** `POST /api/parts/:number/receipts/`: stock in from a supplier. */
export const useReceiveStock = (number: string) =>
  useRefreshing(
    async (body: PartReceiptInput) =>
      (await serviceApi.post<Part>(pathTo(serviceApiRoutes.parts.receive, { number }), body)).data,
  );

/** `POST /api/parts/:number/adjustments/` (managers): a count corrected, with why. */
export const useAdjustStock = (number: string) =>
  useRefreshing(
    async (body: PartAdjustmentInput) =>
      (await serviceApi.post<Part>(pathTo(serviceApiRoutes.parts.adjust, { number }), body)).data,
  );

/** `POST /api/parts/import/` with the file as it is; `dryRun` checks it without writing. */
export const useImportParts = () =>
  useRefreshing(
    async ({ csv, dryRun }: { csv: string; dryRun: boolean }) =>
      (
        await serviceApi.post<PartImportResult>(pathTo(serviceApiRoutes.parts.import), csv, {
          params: dryRun ? { dry_run: true } : undefined,
          headers: { 'Content-Type': 'text/csv' },
          timeout: 120_000,
        })
      ).data,
  );
