import '../../../components/record.css';
import { useEffect, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { AuditList } from '../../../components/audit-list';
import { ErrorState, Loading } from '../../../components/states';
import {
  type AuditFilters,
  type AuditSource,
  auditSourceLabels,
  entityLabels,
  entitySources,
  type SourcedEntry,
  shownUpTo,
} from '../../../lib/audit-trail';
import { actorKey, actorName, actorRole } from '../../../lib/audit-words';
import { useCan } from '../../../lib/auth';
import { dealershipDayEnd, dealershipDayStart, dealershipZone } from '../../../lib/time-zone';
import { progressOf, type SourceAnswer, useActivity } from '../api/get-activity';
import { usePeopleNames } from '../api/get-people-names';

const filterNames = ['actor', 'entity', 'since', 'until'] as const;
type FilterName = (typeof filterNames)[number];

const changes = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'change' : 'changes'}`;
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The people (and services) seen in the trail so far, for the Person filter: they stay offered once seen. */
function useSeenActors(entries: SourcedEntry[], chosen: string) {
  const [seen, setSeen] = useState<Map<string, string>>(() => new Map());
  useEffect(() => {
    const fresh = entries.filter((entry) => !seen.has(actorKey(entry.actor)));
    if (fresh.length === 0) return;
    setSeen((current) => {
      const next = new Map(current);
      for (const entry of fresh)
        next.set(actorKey(entry.actor), `${actorName(entry.actor)} (${actorRole(entry.actor)})`);
      return next;
    });
  }, [entries, seen]);
  const options = [...seen].sort((a, b) => a[1].localeCompare(b[1]));
  if (chosen && !seen.has(chosen)) options.unshift([chosen, `#${chosen}`]);
  return options;
}

/** The latest changes across the dealership, in words, for managers: who changed what, when and why. */
export function ActivityPage() {
  const [params, setParams] = useSearchParams();
  const value = (name: FilterName) => params.get(name) ?? '';
  const set = (name: FilterName, next: string) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (next) copy.set(name, next);
        else copy.delete(name);
        return copy;
      },
      { replace: true },
    );
  const mayAccounts = useCan('users.manage');
  const entity = value('entity');
  const since = value('since');
  const until = value('until');
  const filters: AuditFilters = {
    actor: value('actor') || undefined,
    entity: entity || undefined,
    since: isDate(since) ? dealershipDayStart(since) : undefined,
    until: isDate(until) ? dealershipDayEnd(until) : undefined,
  };
  // Only the trails that can hold the kind of record asked for; sign-ins only for administrators.
  const everySource: AuditSource[] = mayAccounts
    ? ['inventory', 'service', 'sales', 'auth']
    : ['inventory', 'service', 'sales'];
  const sources =
    entity && entitySources[entity] ? everySource.filter((s) => s === entitySources[entity]) : everySource;
  const activity = useActivity(filters, sources);
  const names = usePeopleNames();

  const pages = activity.data?.pages ?? [];
  const progress = progressOf(pages);
  const all = useMemo(() => pages.flatMap((page) => Object.values(page).flatMap((answer) => answer.items)), [pages]);
  const shown = useMemo(() => shownUpTo(all, progress), [all, progress]);
  const total = Object.values(progress).reduce((sum, state) => sum + (state?.total ?? 0), 0);
  const failures = pages
    .flatMap((page) => Object.entries(page) as [AuditSource, SourceAnswer][])
    .filter(([, answer]) => answer.error);
  const gatewayMissing = pages.some((page) => page.auth?.missing);
  const actors = useSeenActors(all, value('actor'));
  const entities = Object.keys(entityLabels).filter((kind) => everySource.includes(entitySources[kind] as AuditSource));

  const ids = useId();
  const filtered = filterNames.some((name) => value(name) !== '');

  return (
    <>
      <h1>Activity</h1>
      <p>
        The latest changes across the dealership, newest first, from inventory, service and sales
        {mayAccounts && !gatewayMissing ? ', and sign-ins and accounts' : ''}. Times are on the dealership’s clock (
        {dealershipZone}).
      </p>
      <form className="activity-filters" aria-label="Filter the activity" onSubmit={(event) => event.preventDefault()}>
        <div className="grid">
          <div>
            <label htmlFor={`${ids}-actor`}>Person</label>
            <select id={`${ids}-actor`} value={value('actor')} onChange={(event) => set('actor', event.target.value)}>
              <option value="">Everyone</option>
              {actors.map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${ids}-entity`}>Kind of record</label>
            <select id={`${ids}-entity`} value={entity} onChange={(event) => set('entity', event.target.value)}>
              <option value="">All records</option>
              {entities.map((kind) => (
                <option key={kind} value={kind}>
                  {entityLabels[kind]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${ids}-since`}>From</label>
            <input
              id={`${ids}-since`}
              type="date"
              value={since}
              max={until || undefined}
              onChange={(event) => set('since', event.target.value)}
            />
          </div>
          <div>
            <label htmlFor={`${ids}-until`}>To</label>
            <input
              id={`${ids}-until`}
              type="date"
              value={until}
              min={since || undefined}
              onChange={(event) => set('until', event.target.value)}
            />
          </div>
        </div>
        {filtered && (
          <button type="button" className="secondary outline small" onClick={() => setParams({}, { replace: true })}>
            Clear the filters
          </button>
        )}
      </form>
      {failures.map(([source, answer]) => (
        <p key={source} role="alert" className="fact-warn">
          {auditSourceLabels[source]}’s changes could not be loaded: {answer.error}
        </p>
      ))}
      {activity.isLoading ? (
        <Loading />
      ) : activity.error ? (
        <ErrorState error={activity.error} retry={() => activity.refetch()} />
      ) : (
        <>
          <p role="status" className="activity-count">
            {total === 0
              ? filtered
                ? 'No changes match these filters.'
                : 'No changes recorded yet.'
              : `Showing ${shown.length.toLocaleString('en-US')} of ${changes(total)}`}
            {total > 0 && (
              <span className="activity-sources">
                {' '}
                (
                {sources
                  .filter((source) => (progress[source]?.total ?? 0) > 0)
                  .map((source) => `${auditSourceLabels[source]}: ${progress[source]?.total ?? 0}`)
                  .join(' · ')}
                )
              </span>
            )}
          </p>
          <AuditList entries={shown} names={names.data ?? {}} label="Latest changes" showVin />
          {activity.hasNextPage && (
            <button
              type="button"
              className="secondary"
              disabled={activity.isFetchingNextPage}
              aria-busy={activity.isFetchingNextPage || undefined}
              onClick={() => void activity.fetchNextPage()}
            >
              {activity.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </button>
          )}
        </>
      )}
    </>
  );
}
