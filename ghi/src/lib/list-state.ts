import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export interface ListState {
  /** What is searched for (`?q=`). */
  q: string;
  /** The order, as the API names it (`-id`: newest first). */
  sort: string;
  /** The page shown, from 0. */
  page: number;
  /** A named filter's value (`?sold=`), '' when not set. */
  filter: (name: string) => string;
  /** Changes some of the above; any change but the page goes back to the first page. */
  update: (change: Partial<Record<string, string | number>>) => void;
}

/**
 * A list's search, order, filters and page, kept in the address: the Back button, a reload and a
 * link sent to a colleague all show the same list.
 */
export function useListState(defaultSort: string): ListState {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (change: Partial<Record<string, string | number>>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, raw] of Object.entries(change)) {
            // The address counts pages from 1, as people do.
            const value = name === 'page' && typeof raw === 'number' ? raw + 1 : raw;
            if (value === undefined || value === '' || (name === 'sort' && value === defaultSort)) next.delete(name);
            else next.set(name, String(value));
          }
          if (!('page' in change)) next.delete('page');
          if (next.get('page') === '1') next.delete('page');
          return next;
        },
        { replace: !('page' in change) },
      );
    },
    [setParams, defaultSort],
  );
  return {
    q: params.get('q') ?? '',
    sort: params.get('sort') ?? defaultSort,
    page: Math.max(0, (Number(params.get('page')) || 1) - 1),
    filter: (name) => params.get(name) ?? '',
    update,
  };
}
