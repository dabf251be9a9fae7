import { useInfiniteQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../lib/api-client';
import {
  type AuditFilters,
  type AuditSource,
  getAuditPage,
  type SourcedEntry,
  type SourceProgress,
} from '../../../lib/audit-trail';
import { auditKeys } from '../../../lib/query-keys';

export const ACTIVITY_PAGE = 25;

type Offsets = Partial<Record<AuditSource, number>>;

/** One source's answer to one "page" of the activity: entries, or why there are none. */
export interface SourceAnswer {
  items: SourcedEntry[];
  total: number;
  /** The gateway has no trail (yet): nothing to show, nothing wrong. */
  missing?: boolean;
  error?: string;
}

type ActivityPage = Partial<Record<AuditSource, SourceAnswer>>;

/**
 * The latest changes across the dealership: each source is asked for a page (limit/offset) and the
 * answers merged; "Load more" asks each source that has more for its next page. A source that
 * fails is said so and left out; the others still show.
 */
export function useActivity(filters: AuditFilters, sources: readonly AuditSource[]) {
  return useInfiniteQuery({
    queryKey: auditKeys.activity(filters, sources),
    initialPageParam: Object.fromEntries(sources.map((source) => [source, 0])) as Offsets,
    queryFn: async ({ pageParam }): Promise<ActivityPage> => {
      const asked = Object.entries(pageParam) as [AuditSource, number][];
      const answers = await Promise.allSettled(
        asked.map(([source, offset]) => getAuditPage(source, filters, { limit: ACTIVITY_PAGE, offset })),
      );
      return Object.fromEntries(
        asked.map(([source], index) => {
          const answer = answers[index];
          return [
            source,
            answer?.status === 'fulfilled'
              ? answer.value
              : { items: [], total: 0, error: errorMessage(answer?.status === 'rejected' ? answer.reason : null) },
          ];
        }),
      );
    },
    getNextPageParam: (_last, pages) => {
      const next: Offsets = {};
      for (const [source, state] of Object.entries(progressOf(pages)) as [AuditSource, SourceProgress][]) {
        if (state.fetched < state.total) next[source] = state.fetched;
      }
      return Object.keys(next).length > 0 ? next : undefined;
    },
  });
}

/** How far each source has been read: entries fetched, its total, its oldest entry so far. */
export function progressOf(pages: readonly ActivityPage[]): Partial<Record<AuditSource, SourceProgress>> {
  const progress: Partial<Record<AuditSource, SourceProgress>> = {};
  for (const page of pages) {
    for (const [source, answer] of Object.entries(page) as [AuditSource, SourceAnswer][]) {
      const state = progress[source] ?? { fetched: 0, total: 0 };
      state.fetched += answer.items.length;
      // A failed source counts as read to the end: "Load more" does not keep asking it.
      state.total = answer.error ? state.fetched : answer.total;
      const last = answer.items[answer.items.length - 1];
      if (last) state.oldest = last.at;
      progress[source] = state;
    }
  }
  return progress;
}
