import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { Technician } from '../types';

export const techniciansKey = ['service', 'technicians'];

export function useTechnicians() {
  return useQuery({
    queryKey: techniciansKey,
    queryFn: async () => (await serviceApi.get<{ technicians: Technician[] }>('/api/technicians/')).data.technicians,
  });
}
