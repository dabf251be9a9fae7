export interface Technician {
  id: number;
  first_name: string;
  last_name: string;
  employee_id: string;
}

export interface Appointment {
  id: number;
  date_time: string;
  duration_minutes: number;
  reason: string;
  status: 'created' | 'canceled' | 'finished';
  vin: string;
  customer: string;
  technician: Technician;
  vip: boolean;
}

export const technicianName = (t: Technician) => `${t.first_name} ${t.last_name}`;
