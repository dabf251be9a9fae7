import type { Automobile } from '@carcar/common/contract/inventory';
import { type Actor, can } from '@carcar/common/contract/permissions';

/**
 * An automobile as stored in the JSON Postgres builds (and the feed keeps): its `cost` for everyone
 * and no `days_in_stock`, which would be stale the day after it was written.
 */
export type StoredAutomobile = Omit<Automobile, 'days_in_stock' | 'cost'> & { cost: number | null };

/** Who is reading, as far as an automobile's JSON depends on it, and on which UTC day. */
export interface AutomobileViewer {
  /** Holds `inventory.cost` (managers, administrators): the answer carries `cost`. */
  seesCost: boolean;
  /** Today's UTC date, `YYYY-MM-DD`: `days_in_stock` counts calendar days up to it. */
  today: string;
}

export function viewerOf(actor: Actor, now: Date = new Date()): AutomobileViewer {
  return { seesCost: can(actor, 'inventory.cost'), today: now.toISOString().slice(0, 10) };
}

/**
 * The feed's reader: the services. Sales' credential (`automobiles.trade_in`: it puts trade-ins in
 * at their allowance) reads the cost back for its managers' front gross; service-api has no use for it.
 */
export function feedViewerOf(actor: Actor, now: Date = new Date()): AutomobileViewer {
  return { ...viewerOf(actor, now), seesCost: can(actor, 'inventory.cost') || can(actor, 'automobiles.trade_in') };
}

/** Which list answers may be shared: the same for every viewer with the same key. */
export function viewerKey(viewer: AutomobileViewer): string {
  return `${viewer.seesCost ? 'cost' : 'no-cost'}:${viewer.today}`;
}

const DAY_MS = 86_400_000;

/** UTC calendar days from the day of `acquiredAt` to `today`; 0 for a car acquired today or later. */
export function daysInStock(acquiredAt: string, today: string): number {
  const days = Math.round((Date.parse(today) - Date.parse(acquiredAt.slice(0, 10))) / DAY_MS);
  return Math.max(0, days);
}

/** The automobile as `viewer` is answered it: `days_in_stock` as of today, `cost` only if they may see it. */
export function presentAutomobile<T extends StoredAutomobile>(
  car: T,
  viewer: AutomobileViewer,
): Omit<T, 'cost'> & Automobile {
  const { cost, ...rest } = car;
  return {
    ...rest,
    days_in_stock: daysInStock(car.acquired_at, viewer.today),
    ...(viewer.seesCost ? { cost } : {}),
  };
}
