import { manufacturerBody } from '@carcar/common/contract/inventory';
import type { z } from 'zod';

export { manufacturerBody };
export type ManufacturerInput = z.output<typeof manufacturerBody>;

export interface ManufacturerJson {
  href: string;
  id: number;
  name: string;
}

export function manufacturerJson(row: { id: number; name: string }): ManufacturerJson {
  return { href: `/api/manufacturers/${row.id}/`, id: row.id, name: row.name };
}
