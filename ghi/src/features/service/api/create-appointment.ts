import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, serviceApi } from '../../../lib/api-client';
import { useTranslation } from '../../../lib/i18n';
import { serviceKeys } from '../../../lib/query-keys';
import type { Appointment } from '../types';

/** What the booking form sends: `date_time` as the picker gives it, the dealership's wall clock. */
export interface BookingBody {
  vin: string;
  customer: string;
  /** "2026-12-03T09:00", no offset: the API reads it in the dealership's time zone. */
  date_time: string;
  technician: number;
  reason: string;
  duration_minutes: number;
}

/**
 * The double-booking 409, with the technician's next free start for a one-click rebooking, and the
 * appointment in the way (null when it went meanwhile), so the refusal can be said in any language.
 */
export class BookingConflict extends ApiError {
  constructor(
    message: string,
    readonly nextFree: string | null,
    readonly conflicting: Appointment | null = null,
  ) {
    super(message, 409);
    this.name = 'BookingConflict';
  }
}

export function useCreateAppointment() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: BookingBody) => {
      // A 409 is read here rather than by the shared error handler, which keeps only its message.
      type Refusal = { message?: string; next_free?: string; conflicting_appointment?: Appointment | null };
      const res = await serviceApi.post<Appointment | Refusal>(pathTo(serviceApiRoutes.appointments.create), body, {
        validateStatus: (status) => (status >= 200 && status < 300) || status === 409,
      });
      if (res.status === 409) {
        const conflict = res.data as Refusal;
        throw new BookingConflict(
          conflict.message ?? t('service:book.conflict'),
          conflict.next_free ?? null,
          conflict.conflicting_appointment ?? null,
        );
      }
      return res.data as Appointment;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceKeys.appointments.all }),
  });
}
