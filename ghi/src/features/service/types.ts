import type { Appointment as ContractAppointment, Technician } from '@carcar/common/contract/service';

// The Service API's answers are typed once, in the contract the API itself answers with.
export type { Technician } from '@carcar/common/contract/service';

/** An appointment as answered, with the reason it was canceled (null unless canceled with one). */
export type Appointment = ContractAppointment & { cancel_reason?: string | null };

export const technicianName = (t: Pick<Technician, 'first_name' | 'last_name'>) => `${t.first_name} ${t.last_name}`;
