import { requiredText } from '@carcar/common/validation';
import { z } from 'zod';

export const salespersonBody = z.object({
  first_name: requiredText(100),
  last_name: requiredText(100),
  employee_id: requiredText(50),
});
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
