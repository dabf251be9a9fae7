import { appointmentCreateBody } from '@carcar/common/contract/service';
import { z } from 'zod';
import { FormFooter, SelectField, TextField } from '../../../components/form';
import { localToIso } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateAppointment } from '../api/create-appointment';
import { useTechnicians } from '../api/get-technicians';
import { technicianName } from '../types';

// The picker gives a local date-time; it becomes ISO with this computer's offset before the
// API's own date_time rule checks it.
const bookingForm = appointmentCreateBody.extend({
  date_time: z
    .string()
    .min(1, 'Choose a date and time')
    .transform(localToIso)
    .pipe(appointmentCreateBody.shape.date_time),
});

export function BookAppointmentPage() {
  const technicians = useTechnicians();
  const create = useCreateAppointment();
  const { form, onSubmit } = useApiForm({
    schema: bookingForm,
    defaultValues: { vin: '', customer: '', date_time: '', technician: '', reason: '', duration_minutes: 60 },
    save: create.mutateAsync,
    success: 'Appointment booked',
  });
  return (
    <>
      <h1>Book a service appointment</h1>
      <form onSubmit={onSubmit} noValidate aria-label="Book a service appointment">
        <div className="grid">
          <TextField form={form} name="vin" label="VIN" autoComplete="off" />
          <TextField form={form} name="customer" label="Customer" />
        </div>
        <div className="grid">
          <TextField form={form} name="date_time" label="Date and time" type="datetime-local" />
          <TextField
            form={form}
            name="duration_minutes"
            label="Duration (minutes)"
            type="number"
            step="15"
            min="15"
            max="480"
          />
          <SelectField
            form={form}
            name="technician"
            label="Technician"
            placeholder="Choose a technician"
            options={(technicians.data ?? []).map((t) => ({ value: t.id, label: technicianName(t) }))}
          />
        </div>
        <TextField form={form} name="reason" label="Reason" />
        <FormFooter form={form} submit="Book appointment" />
      </form>
    </>
  );
}
