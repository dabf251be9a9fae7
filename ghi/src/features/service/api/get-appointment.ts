import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { Appointment } from '../types';
import { appointmentsKey } from './get-appointments';

export function useAppointment(id: number) {
  return useQuery({
    queryKey: [...appointmentsKey, 'one', id],
    queryFn: async () => (await serviceApi.get<Appointment>(`/api/appointments/${id}/`)).data,
  });
}
