import { useQuery } from '@tanstack/react-query';
import { serviceApi } from '../../../lib/api-client';
import type { Technician } from '../types';
import { techniciansKey } from './get-technicians';

export function useTechnician(id: number) {
  return useQuery({
    queryKey: [...techniciansKey, 'one', id],
    queryFn: async () => (await serviceApi.get<Technician>(`/api/technicians/${id}/`)).data,
  });
}
