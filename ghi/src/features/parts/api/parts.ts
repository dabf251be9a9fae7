import type {
  Part,
  PartAdjustmentInput,
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
import { callRoute } from '../../../lib/route-call';

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
    queryFn: () => callRoute(serviceApi, serviceApiRoutes.parts.get, { number }),
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
  useRefreshing((body: PartInput) => callRoute(serviceApi, serviceApiRoutes.parts.create, { body }));

/** `PUT /api/parts/:number/`: description, price, cost, reorder point (stock moves only by receipts and adjustments). */
export const useUpdatePart = (number: string) =>
  useRefreshing((body: PartUpdateInput) => callRoute(serviceApi, serviceApiRoutes.parts.update, { number }, { body }));

/** `POST /api/parts/:number/receipts/`: stock in from a supplier. */
export const useReceiveStock = (number: string) =>
  useRefreshing((body: PartReceiptInput) =>
    callRoute(serviceApi, serviceApiRoutes.parts.receive, { number }, { body }),
  );

/** `POST /api/parts/:number/adjustments/` (managers): a count corrected, with why. */
export const useAdjustStock = (number: string) =>
  useRefreshing((body: PartAdjustmentInput) =>
    callRoute(serviceApi, serviceApiRoutes.parts.adjust, { number }, { body }),
  );

/** `POST /api/parts/import/` with the file as it is; `dryRun` checks it without writing. */
export const useImportParts = () =>
  useRefreshing(({ csv, dryRun }: { csv: string; dryRun: boolean }) =>
    callRoute(serviceApi, serviceApiRoutes.parts.import, {
      body: csv,
      params: dryRun ? { dry_run: true } : undefined,
      headers: { 'Content-Type': 'text/csv' },
      timeout: 120_000,
    }),
  );
