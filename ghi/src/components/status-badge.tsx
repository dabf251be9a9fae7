import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { type StatusTone, toneColors } from '../app/theme';

/** A record's status, coloured by what it means to the reader (theme.ts), never by its name. */
export function StatusBadge({ tone, children }: { tone: StatusTone; children: ReactNode }) {
  return (
    // A span: a status sits inside sentences and headings (a div may not sit in a <p>).
    <Badge component="span" color={toneColors[tone]} className="status-badge" data-tone={tone}>
      {children}
    </Badge>
  );
}
