import './audit-list.css';
import { entryKey, type SourcedEntry } from '../lib/audit-trail';
import { type AuditSentence, describeEntry, type NameBook } from '../lib/audit-words';
import { useTranslation } from '../lib/i18n';
import { formatWhen } from '../lib/time-zone';
import { VinLink } from './vin-link';

function Entry({ entry, names, showVin }: { entry: SourcedEntry; names: NameBook; showVin: boolean }) {
  // The sentence is made in the language shown: the hook renders it again when the language changes.
  const { t } = useTranslation();
  const words: AuditSentence = describeEntry(entry, names);
  return (
    <li data-testid="audit-entry" data-action={entry.action} data-entity={entry.entity}>
      <time dateTime={entry.at}>{formatWhen(entry.at)}</time>
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

/** Audit entries, newest first as given, each a sentence with its time on the dealership's clock. */
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
