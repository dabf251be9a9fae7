import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A VIP (the car was bought or stocked here): one gold chip wherever it shows, the board, a repair
 * order, the dashboard or My work. It is not a status, so it stays off the status scale's colours;
 * the pair is AA in both schemes (`--carcar-vip*` in styles.css), handed to Mantine through `vars`.
 */
export function VipBadge({ children }: { children: ReactNode }) {
  return (
    <Badge
      component="span"
      className="vip-badge"
      vars={() => ({ root: { '--badge-bg': 'var(--carcar-vip)', '--badge-color': 'var(--carcar-vip-text)' } })}
    >
      {children}
    </Badge>
  );
}
