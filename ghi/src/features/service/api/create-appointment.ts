import type { appointmentCreateBody } from '@carcar/common/contract/service';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { serviceApi } from '../../../lib/api-client';
import type { Appointment } from '../types';
import { appointmentsKey } from './get-appointments';

export function useCreateAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: z.output<typeof appointmentCreateBody>) =>
      (await serviceApi.post<Appointment>('/api/appointments/', body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appointmentsKey }),
  });
}
