import { requiredText } from '@carcar/common/validation';
import { z } from 'zod';

export const manufacturerBody = z.object({ name: requiredText(100) });
export type ManufacturerInput = z.output<typeof manufacturerBody>;

export interface ManufacturerJson {
  href: string;
  id: number;
  name: string;
}

export function manufacturerJson(row: { id: number; name: string }): ManufacturerJson {
  return { href: `/api/manufacturers/${row.id}/`, id: row.id, name: row.name };
}
