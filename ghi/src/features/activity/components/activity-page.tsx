import '../../../components/record.css';
import type { AuditActor } from '@carcar/common/contract/audit';
import type { TFunction } from 'i18next';
import { useEffect, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { AuditList } from '../../../components/audit-list';
import { ErrorState, Loading } from '../../../components/states';
import {
  type AuditFilters,
  type AuditSource,
  entityLabels,
  entitySources,
  type SourcedEntry,
  shownUpTo,
} from '../../../lib/audit-trail';
import { actorKey, actorName, actorRole } from '../../../lib/audit-words';
import { useCan } from '../../../lib/auth';
import { formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { dealershipDayEnd, dealershipDayStart, dealershipZone } from '../../../lib/time-zone';
import { progressOf, type SourceAnswer, useActivity } from '../api/get-activity';
import { usePeopleNames } from '../api/get-people-names';

const filterNames = ['actor', 'entity', 'since', 'until'] as const;
type FilterName = (typeof filterNames)[number];

/** A trail's name in the user's language. */
function sourceLabel(t: TFunction, source: AuditSource): string {
  switch (source) {
    case 'inventory':
      return t('activity:source.inventory');
    case 'service':
      return t('activity:source.service');
    case 'sales':
      return t('activity:source.sales');
    case 'auth':
      return t('activity:source.auth');
  }
}

/** A kind of record's name, for the filter; one newer than this app by lib's English name. */
function entityLabel(t: TFunction, kind: string): string {
  switch (kind) {
    case 'automobile':
      return t('activity:entity.automobile');
    case 'manufacturer':
      return t('activity:entity.manufacturer');
    case 'model':
      return t('activity:entity.model');
    case 'technician':
      return t('activity:entity.technician');
    case 'appointment':
      return t('activity:entity.appointment');
    case 'salesperson':
      return t('activity:entity.salesperson');
    case 'customer':
      return t('activity:entity.customer');
    case 'sale':
      return t('activity:entity.sale');
    case 'user':
      return t('activity:entity.user');
    case 'token':
      return t('activity:entity.token');
    default:
      return entityLabels[kind] ?? kind;
  }
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The people (and services) seen in the trail so far, for the Person filter: they stay offered once seen. */
function useSeenActors(entries: SourcedEntry[], chosen: string) {
  const [seen, setSeen] = useState<Map<string, AuditActor>>(() => new Map());
  useEffect(() => {
    const fresh = entries.filter((entry) => !seen.has(actorKey(entry.actor)));
    if (fresh.length === 0) return;
    setSeen((current) => {
      const next = new Map(current);
      for (const entry of fresh) next.set(actorKey(entry.actor), entry.actor);
      return next;
    });
  }, [entries, seen]);
  // Said at each render, so a change of language renames them too.
  const options: [string, string][] = [...seen]
    .map(([key, actor]): [string, string] => [key, `${actorName(actor)} (${actorRole(actor)})`])
    .sort((a, b) => a[1].localeCompare(b[1]));
  if (chosen && !seen.has(chosen)) options.unshift([chosen, `#${chosen}`]);
  return options;
}

/** The latest changes across the dealership, in words, for managers: who changed what, when and why. */
export function ActivityPage() {
  const { t } = useTranslation();
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
      <h1>{t('activity:page.title')}</h1>
      <p>
        {mayAccounts && !gatewayMissing
          ? t('activity:page.introAccounts', { zone: dealershipZone })
          : t('activity:page.intro', { zone: dealershipZone })}
      </p>
      <form
        className="activity-filters"
        aria-label={t('activity:page.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="grid">
          <div>
            <label htmlFor={`${ids}-actor`}>{t('activity:page.person')}</label>
            <select id={`${ids}-actor`} value={value('actor')} onChange={(event) => set('actor', event.target.value)}>
              <option value="">{t('activity:page.everyone')}</option>
              {actors.map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${ids}-entity`}>{t('activity:page.kind')}</label>
            <select id={`${ids}-entity`} value={entity} onChange={(event) => set('entity', event.target.value)}>
              <option value="">{t('activity:page.allRecords')}</option>
              {entities.map((kind) => (
                <option key={kind} value={kind}>
                  {entityLabel(t, kind)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${ids}-since`}>{t('activity:page.from')}</label>
            <input
              id={`${ids}-since`}
              type="date"
              value={since}
              max={until || undefined}
              onChange={(event) => set('since', event.target.value)}
            />
          </div>
          <div>
            <label htmlFor={`${ids}-until`}>{t('activity:page.to')}</label>
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
            {t('activity:page.clear')}
          </button>
        )}
      </form>
      {failures.map(([source, answer]) => (
        <p key={source} role="alert" className="fact-warn">
          {t('activity:page.failed', { source: sourceLabel(t, source), error: answer.error })}
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
                ? t('activity:page.noneMatch')
                : t('activity:page.none')
              : t('activity:page.showing', {
                  shown: formatNumber(shown.length),
                  total: t('activity:page.changes', { count: total, n: formatNumber(total) }),
                })}
            {total > 0 && (
              <span className="activity-sources">
                {' '}
                (
                {sources
                  .filter((source) => (progress[source]?.total ?? 0) > 0)
                  .map((source) => `${sourceLabel(t, source)}: ${formatNumber(progress[source]?.total ?? 0)}`)
                  .join(' · ')}
                )
              </span>
            )}
          </p>
          <AuditList entries={shown} names={names.data ?? {}} label={t('activity:page.latest')} showVin />
          {activity.hasNextPage && (
            <button
              type="button"
              className="secondary"
              disabled={activity.isFetchingNextPage}
              aria-busy={activity.isFetchingNextPage || undefined}
              onClick={() => void activity.fetchNextPage()}
            >
              {activity.isFetchingNextPage ? t('activity:page.loading') : t('activity:page.more')}
            </button>
          )}
        </>
      )}
    </>
  );
}
