import { formatDateTime, formatRelative } from '../lib/format';

/**
 * An instant as feeds say it, "5 minutes ago", with the exact day and time on hover and for
 * screen readers' title, and as ISO in `dateTime` for machines.
 */
export function RelativeTime({ at, now }: { at: string; now?: Date }) {
  return (
    <time dateTime={at} title={formatDateTime(at)}>
      {formatRelative(at, now)}
    </time>
  );
}
