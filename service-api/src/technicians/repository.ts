import type { StaffFilter, StaffInput } from '@carcar/common/contract/people';
import type { Technician } from '@carcar/common/contract/service';
import type { Db } from '@carcar/common/db/database';
import { staffRepository, type TableRepository } from '@carcar/common/db/table-repository';
import { technicians } from '../db/schema.js';

/** History is never deleted by a cascade: a technician with appointments stays. */
export function techniciansRepository(db: Db): TableRepository<StaffInput, Technician, StaffFilter> {
  return staffRepository(db, {
    table: technicians,
    role: 'technician',
    stillReferenced: 'This technician still has appointments',
  });
}
