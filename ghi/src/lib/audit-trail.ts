import type { AuditEntry } from '@carcar/common/contract/audit';
import { inventoryRoutes, pathTo, salesRoutes, serviceApiRoutes } from '@carcar/common/contract/routes';
import { type ApiClient, ApiError, authApi, inventoryApi, salesApi, serviceApi } from './api-client';
import { getPage, type ListParams, type PageOf } from './paged';

// The audit trail lives in each service (and identity events at the gateway): a page showing "what
// happened" asks each one and merges their answers, newest first.

export const auditSources = ['inventory', 'service', 'sales', 'auth'] as const;
export type AuditSource = (typeof auditSources)[number];

export const auditSourceLabels: Record<AuditSource, string> = {
  inventory: 'Inventory',
  service: 'Service',
  sales: 'Sales',
  auth: 'Sign-ins and accounts',
};

/** Which service keeps the trail of each kind of record. */
export const entitySources: Record<string, AuditSource> = {
  manufacturer: 'inventory',
  model: 'inventory',
  automobile: 'inventory',
  technician: 'service',
  appointment: 'service',
  salesperson: 'sales',
  customer: 'sales',
  sale: 'sales',
  user: 'auth',
  token: 'auth',
};

export const entityLabels: Record<string, string> = {
  automobile: 'Cars',
  manufacturer: 'Manufacturers',
  model: 'Vehicle models',
  technician: 'Technicians',
  appointment: 'Appointments',
  salesperson: 'Salespeople',
  customer: 'Customers',
  sale: 'Sales',
  user: 'Users',
  token: 'API tokens',
};

const clients: Record<AuditSource, { api: ApiClient; url: string }> = {
  inventory: { api: inventoryApi, url: pathTo(inventoryRoutes.audit) },
  service: { api: serviceApi, url: pathTo(serviceApiRoutes.audit) },
  sales: { api: salesApi, url: pathTo(salesRoutes.audit) },
  auth: { api: authApi, url: '/audit' },
};

export interface AuditFilters {
  vin?: string;
  entity?: string;
  actor?: string;
  since?: string;
  until?: string;
}

/** An entry with the source it came from (ids are per service, so the pair is its key). */
export interface SourcedEntry extends AuditEntry {
  source: AuditSource;
}

export const entryKey = (entry: SourcedEntry) => `${entry.source}-${entry.id}`;

/**
 * One page of one source's trail. The gateway's trail may not exist (an older gateway): its 404 is
 * an empty trail, not an error.
 */
export async function getAuditPage(
  source: AuditSource,
  filters: AuditFilters,
  page: { limit: number; offset: number },
): Promise<PageOf<SourcedEntry> & { missing?: boolean }> {
  const { api, url } = clients[source];
  try {
    const result = await getPage<AuditEntry>(api, url, 'entries', { ...filters, ...page } as ListParams);
    return { items: result.items.map((entry) => ({ ...entry, source })), total: result.total };
  } catch (error) {
    if (source === 'auth' && error instanceof ApiError && error.status === 404) {
      return { items: [], total: 0, missing: true };
    }
    throw error;
  }
}

/** Newest first across sources; the same instant keeps each source's own order (its ids). */
export function newestFirst(entries: SourcedEntry[]): SourcedEntry[] {
  return [...entries].sort((a, b) => {
    const byTime = Date.parse(b.at) - Date.parse(a.at);
    if (byTime !== 0) return byTime;
    if (a.source !== b.source) return a.source < b.source ? -1 : 1;
    return b.id - a.id;
  });
}

/** What one source has given so far: how many it has in all, and the oldest entry fetched. */
export interface SourceProgress {
  fetched: number;
  total: number;
  oldest?: string;
}

/**
 * The merged entries it is safe to show: each source answers newest first, so while a source has
 * more to give, nothing older than its oldest fetched entry may be shown yet (one of its unfetched
 * entries could belong before it). "Load more" fetches further and moves this line back.
 */
export function shownUpTo(entries: SourcedEntry[], progress: Partial<Record<AuditSource, SourceProgress>>) {
  let horizon = Number.NEGATIVE_INFINITY;
  for (const state of Object.values(progress)) {
    if (state && state.fetched < state.total && state.oldest) horizon = Math.max(horizon, Date.parse(state.oldest));
  }
  return newestFirst(entries).filter((entry) => Date.parse(entry.at) >= horizon);
}
