import { technicianBody } from '@carcar/common/contract/service';
import type { z } from 'zod';

export { technicianBody };
export type TechnicianInput = z.output<typeof technicianBody>;

export interface TechnicianJson {
  id: number;
  first_name: string;
  last_name: string;
  employee_id: string;
}

export function technicianJson(row: {
  id: number;
  firstName: string;
  lastName: string;
  employeeId: string;
}): TechnicianJson {
  return { id: row.id, first_name: row.firstName, last_name: row.lastName, employee_id: row.employeeId };
}
