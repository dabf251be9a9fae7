import './activity-feed.css';
import { RelativeTime } from '../../../components/relative-time';
import { StatusBadge } from '../../../components/status-badge';
import { VinLink } from '../../../components/vin-link';
import { entryKey, type SourcedEntry } from '../../../lib/audit-trail';
import { type AuditSentence, describeEntry, type NameBook } from '../../../lib/audit-words';
import { useTranslation } from '../../../lib/i18n';

function FeedEntry({ entry, names }: { entry: SourcedEntry; names: NameBook }) {
  // The sentence is made in the language shown: the hook renders it again when the language changes.
  const { t } = useTranslation();
  const words: AuditSentence = describeEntry(entry, names);
  return (
    <li data-testid="audit-entry" data-action={entry.action} data-entity={entry.entity}>
      <span className="activity-feed-when">
        <RelativeTime at={entry.at} />
      </span>
      {/* Who, their role and what they did in one element: the sentence reads (and is found) whole. */}
      <p className="activity-feed-what">
        <strong>{words.actor}</strong>
        <StatusBadge tone="neutral">{words.role}</StatusBadge> {words.did}.
      </p>
      {entry.vin && (
        <span className="activity-feed-car">
          {t('audit:list.car')} <VinLink vin={entry.vin} />
        </span>
      )}
    </li>
  );
}

/**
 * The dealership's latest changes as a dense feed: one line an entry on a desktop (when, who did
 * what, the car), two on a phone; the audit list of a car's page spends two or three lines on each,
 * which made this page of a hundred entries four screens tall.
 */
export function ActivityFeed({ entries, names, label }: { entries: SourcedEntry[]; names: NameBook; label: string }) {
  return (
    <ol className="activity-feed" aria-label={label}>
      {entries.map((entry) => (
        <FeedEntry key={entryKey(entry)} entry={entry} names={names} />
      ))}
    </ol>
  );
}
