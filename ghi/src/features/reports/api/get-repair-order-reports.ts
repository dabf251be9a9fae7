import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import { serviceKeys } from '../../../lib/query-keys';
import { callRoute } from '../../../lib/route-call';
import { csvName, downloadCsv } from './download-csv';

const byMonthPath = pathTo(serviceApiRoutes.reports.repairOrdersByMonth);
const efficiencyPath = pathTo(serviceApiRoutes.reports.technicianEfficiency);

/** These reports count whole months: the page's days name their months (`2026-11-15` → `2026-11`). */
export const monthsOf = (range: { from: string; to: string }) => ({
  from: range.from.slice(0, 7),
  to: range.to.slice(0, 7),
});

export function useRepairOrdersByMonth(range: { from: string; to: string }, enabled = true) {
  const months = monthsOf(range);
  return useQuery({
    enabled,
    queryKey: serviceKeys.reports.repairOrdersByMonth(months),
    queryFn: async () =>
      (await callRoute(serviceApi, serviceApiRoutes.reports.repairOrdersByMonth, { params: months })).months,
  });
}

export function useTechnicianEfficiency(range: { from: string; to: string }, enabled = true) {
  const months = monthsOf(range);
  return useQuery({
    enabled,
    queryKey: serviceKeys.reports.technicianEfficiency(months),
    queryFn: async () =>
      (await callRoute(serviceApi, serviceApiRoutes.reports.technicianEfficiency, { params: months })).months,
  });
}

export const downloadRepairOrdersByMonth = (range: { from: string; to: string }) =>
  downloadCsv(serviceApi, byMonthPath, monthsOf(range), csvName('repair-orders-by-month', monthsOf(range)));

export const downloadTechnicianEfficiency = (range: { from: string; to: string }) =>
  downloadCsv(serviceApi, efficiencyPath, monthsOf(range), csvName('technician-efficiency', monthsOf(range)));
