import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { type StatusTone, toneColors } from '../app/theme';

/**
 * A record's status, coloured by what it means to the reader (theme.ts), never by its name.
 * Its colours come from the `--status-<tone>-bg|fg` tokens in styles.css (one pair per scheme,
 * chosen for AA contrast): Mantine writes a badge's colours as inline variables, which a
 * stylesheet cannot override, so they are handed over through `vars`.
 */
export function StatusBadge({ tone, children }: { tone: StatusTone; children: ReactNode }) {
  return (
    // A span: a status sits inside sentences and headings (a div may not sit in a <p>).
    <Badge
      component="span"
      color={toneColors[tone]}
      className="status-badge"
      data-tone={tone}
      vars={() => ({ root: { '--badge-bg': `var(--status-${tone}-bg)`, '--badge-color': `var(--status-${tone}-fg)` } })}
    >
      {children}
    </Badge>
  );
}
