import '../../../components/record.css';
import type { AuditActor } from '@carcar/common/contract/audit';
import { Button, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ListPage } from '../../../components/list-page';
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
import { ActivityFeed } from './activity-feed';

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

  const filtered = filterNames.some((name) => value(name) !== '');

  return (
    <ListPage
      title={t('activity:page.title')}
      toolbar={
        <form
          className="activity-filters"
          aria-label={t('activity:page.filters')}
          onSubmit={(event) => event.preventDefault()}
        >
          <Group gap="xs" align="end" wrap="wrap">
            <NativeSelect
              label={t('activity:page.person')}
              value={value('actor')}
              onChange={(event) => set('actor', event.currentTarget.value)}
              data={[
                { value: '', label: t('activity:page.everyone') },
                ...actors.map(([key, label]) => ({ value: key, label })),
              ]}
              maw="100%"
            />
            <NativeSelect
              label={t('activity:page.kind')}
              value={entity}
              onChange={(event) => set('entity', event.currentTarget.value)}
              data={[
                { value: '', label: t('activity:page.allRecords') },
                ...entities.map((kind) => ({ value: kind, label: entityLabel(t, kind) })),
              ]}
            />
            <TextInput
              label={t('activity:page.from')}
              type="date"
              value={since}
              max={until || undefined}
              onChange={(event) => set('since', event.currentTarget.value)}
            />
            <TextInput
              label={t('activity:page.to')}
              type="date"
              value={until}
              min={since || undefined}
              onChange={(event) => set('until', event.currentTarget.value)}
            />
            {filtered && (
              <Button variant="default" onClick={() => setParams({}, { replace: true })}>
                {t('activity:page.clear')}
              </Button>
            )}
          </Group>
        </form>
      }
    >
      <Text size="sm" c="dimmed">
        {mayAccounts && !gatewayMissing
          ? t('activity:page.introAccounts', { zone: dealershipZone })
          : t('activity:page.intro', { zone: dealershipZone })}
      </Text>
      {failures.map(([source, answer]) => (
        <Text key={source} role="alert" className="fact-warn">
          {t('activity:page.failed', { source: sourceLabel(t, source), error: answer.error })}
        </Text>
      ))}
      {activity.isLoading ? (
        <Loading />
      ) : activity.error ? (
        <ErrorState error={activity.error} retry={() => activity.refetch()} />
      ) : (
        <>
          <Text role="status" size="sm" fw={600} className="activity-count">
            {total === 0
              ? filtered
                ? t('activity:page.noneMatch')
                : t('activity:page.none')
              : t('activity:page.showing', {
                  shown: formatNumber(shown.length),
                  total: t('activity:page.changes', { count: total, n: formatNumber(total) }),
                })}
            {total > 0 && (
              <Text span size="sm" fw={400} c="dimmed" className="activity-sources">
                {' '}
                (
                {sources
                  .filter((source) => (progress[source]?.total ?? 0) > 0)
                  .map((source) => `${sourceLabel(t, source)}: ${formatNumber(progress[source]?.total ?? 0)}`)
                  .join(' · ')}
                )
              </Text>
            )}
          </Text>
          {shown.length > 0 && (
            <ActivityFeed entries={shown} names={names.data ?? {}} label={t('activity:page.latest')} />
          )}
          {activity.hasNextPage && (
            <Group>
              <Button
                variant="default"
                disabled={activity.isFetchingNextPage}
                aria-busy={activity.isFetchingNextPage || undefined}
                onClick={() => void activity.fetchNextPage()}
              >
                {activity.isFetchingNextPage ? t('activity:page.loading') : t('activity:page.more')}
              </Button>
            </Group>
          )}
        </>
      )}
    </ListPage>
  );
}
