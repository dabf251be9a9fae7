import './audit-list.css';
import { entryKey, type SourcedEntry } from '../lib/audit-trail';
import { type AuditSentence, describeEntry, type NameBook } from '../lib/audit-words';
import { useTranslation } from '../lib/i18n';
import { RelativeTime } from './relative-time';
import { VinLink } from './vin-link';

function Entry({ entry, names, showVin }: { entry: SourcedEntry; names: NameBook; showVin: boolean }) {
  // The sentence is made in the language shown: the hook renders it again when the language changes.
  const { t } = useTranslation();
  const words: AuditSentence = describeEntry(entry, names);
  return (
    <li data-testid="audit-entry" data-action={entry.action} data-entity={entry.entity}>
      <RelativeTime at={entry.at} />
      <div>
        <p>
          <strong>{words.actor}</strong>
          <span className="badge role">{words.role}</span> {words.did}.
        </p>
        {showVin && entry.vin && (
          <p className="audit-vin">
            {t('audit:list.car')} <VinLink vin={entry.vin} />
          </p>
        )}
      </div>
    </li>
  );
}

/** Audit entries, newest first as given, each a sentence and how long ago it was (the exact time on hover). */
export function AuditList({
  entries,
  names,
  label,
  showVin = false,
}: {
  entries: SourcedEntry[];
  names: NameBook;
  label: string;
  /** On a page about many cars, each entry names its car. */
  showVin?: boolean;
}) {
  return (
    <ol className="audit-list" aria-label={label}>
      {entries.map((entry) => (
        <Entry key={entryKey(entry)} entry={entry} names={names} showVin={showVin} />
      ))}
    </ol>
  );
}
