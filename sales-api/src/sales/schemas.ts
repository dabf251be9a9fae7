import { idField } from '@carcar/common/contract/fields';
import { saleCreateBody } from '@carcar/common/contract/sales';
import { pageQuery } from '@carcar/common/http/list';
import type { z } from 'zod';
import type { CustomerJson } from '../customers/schemas.js';
import type { SalespersonJson } from '../salespeople/schemas.js';

export { saleCreateBody };
export type SaleCreateInput = z.output<typeof saleCreateBody>;

export const saleListQuery = pageQuery.extend({
  salesperson: idField.optional(),
  customer: idField.optional(),
});
export type SaleListQuery = z.output<typeof saleListQuery>;

export interface SaleJson {
  id: number;
  price: number;
  /** (added) When the sale was recorded. */
  sold_at: string;
  automobile: { vin: string; sold: boolean };
  salesperson: SalespersonJson;
  customer: CustomerJson;
}
