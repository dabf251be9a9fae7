import { formatDateTime, formatRelative } from '../lib/format';
import { currentLanguage, useTranslation } from '../lib/i18n';

/**
 * An instant as feeds say it, "5 minutes ago" in the language shown, with the exact day and time
 * (the dealership's format) as its title and ISO in `dateTime` for machines.
 */
export function RelativeTime({ at, now }: { at: string; now?: Date }) {
  // The hook renders the words again when the language changes.
  useTranslation();
  return (
    <time dateTime={at} title={formatDateTime(at)}>
      {formatRelative(at, now, currentLanguage())}
    </time>
  );
}
