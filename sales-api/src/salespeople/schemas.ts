import { salespersonBody } from '@carcar/common/contract/sales';
import type { z } from 'zod';

export { salespersonBody };
export type SalespersonInput = z.output<typeof salespersonBody>;

export interface SalespersonJson {
  id: number;
  first_name: string;
  last_name: string;
  employee_id: string;
}

export function salespersonJson(row: {
  id: number;
  firstName: string;
  lastName: string;
  employeeId: string;
}): SalespersonJson {
  return { id: row.id, first_name: row.firstName, last_name: row.lastName, employee_id: row.employeeId };
}
