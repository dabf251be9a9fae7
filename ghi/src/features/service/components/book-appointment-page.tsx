import '../service.css';
import { normalizeVin } from '@carcar/common/contract/vin';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { type Path, useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router-dom';
import { toast } from 'sonner';
import { z } from 'zod';
import { Combobox } from '../../../components/combobox';
import { FormFooter, SelectField, TextField } from '../../../components/form';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { BookingConflict, useCreateAppointment } from '../api/create-appointment';
import { useTechnicians } from '../api/get-technicians';
import { type CarSuggestion, searchCars } from '../api/search-cars';
import { dealershipToday, dealershipZone, formatDay, formatTime, toDatetimeLocal } from '../time-zone';
import { technicianName } from '../types';

// The form's own checks, in words; the API checks again (VIN check digit, a time already passed).
const bookingForm = z.object({
  vin: z.string().transform(normalizeVin).pipe(z.string().length(17, 'A VIN has 17 characters')),
  customer: z.string().trim().min(1, 'Enter the customer’s name').max(100, 'At most 100 characters'),
  // `datetime-local` gives "2026-12-03T09:00": sent as is, the dealership's wall clock.
  date_time: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'Choose a date and time'),
  technician: z.coerce.number({ error: 'Choose a technician' }).int().positive('Choose a technician'),
  reason: z.string().trim().min(1, 'Say what the car comes in for').max(200, 'At most 200 characters'),
  duration_minutes: z.coerce
    .number({ error: 'Enter the duration in minutes' })
    .int('Whole minutes only')
    .min(15, 'At least 15 minutes')
    .max(480, 'At most 480 minutes (8 hours)'),
});
type BookingInput = z.input<typeof bookingForm>;
type BookingValues = z.output<typeof bookingForm>;

const emptyBooking: BookingInput = {
  vin: '',
  customer: '',
  date_time: '',
  technician: '',
  reason: '',
  duration_minutes: 60,
};

function CarOption({ car }: { car: CarSuggestion }) {
  return (
    <span className="car-option">
      <code>{car.vin}</code> <span className="badge vip">VIP</span>
      <br />
      <small>
        {car.description}
        {car.sold ? (car.owner ? ` · owner: ${car.owner}` : ' · sold') : ' · in stock'}
      </small>
    </span>
  );
}

/** "Book at 11:00 instead", or "…at 09:00 on Wed 2 Dec 2026…" when the next free start is another day. */
function slotLabel(nextFree: string, requested: string): string {
  const sameDay = toDatetimeLocal(nextFree).slice(0, 10) === requested.slice(0, 10);
  return `Book at ${formatTime(nextFree)}${sameDay ? '' : ` on ${formatDay(nextFree)}`} instead`;
}

/**
 * `?vin=&customer=&reason=` fill the form: "Book" on the due-for-service list and other pages open
 * it for one car. Only known fields, each trimmed to what the form accepts.
 */
function initialBooking(params: URLSearchParams): BookingInput {
  const text = (key: string, max: number) => (params.get(key) ?? '').trim().slice(0, max);
  return {
    ...emptyBooking,
    vin: normalizeVin(text('vin', 17)),
    customer: text('customer', 100),
    reason: text('reason', 200),
  };
}

export function BookAppointmentPage() {
  const [params] = useSearchParams();
  const [initial] = useState(() => initialBooking(params));
  const technicians = useTechnicians({ active: true });
  const create = useCreateAppointment();
  const [conflict, setConflict] = useState<BookingConflict | null>(null);
  const [chosenCar, setChosenCar] = useState<CarSuggestion | null>(null);
  const form = useForm<BookingInput, unknown, BookingValues>({
    resolver: zodResolver(bookingForm),
    defaultValues: initial,
  });

  const book = form.handleSubmit(async (values) => {
    setConflict(null);
    try {
      await create.mutateAsync(values);
      toast.success('Appointment booked');
      form.reset(emptyBooking);
      setChosenCar(null);
    } catch (error) {
      if (error instanceof BookingConflict) setConflict(error);
      else if (error instanceof ApiError && error.status === 400 && error.fieldErrors.length > 0) {
        for (const field of error.fieldErrors)
          form.setError(field.path as Path<BookingInput>, { type: 'server', message: field.message });
      } else form.setError('root.server', { type: 'server', message: errorMessage(error) });
    }
  });

  const takeSlot = (nextFree: string) => {
    form.setValue('date_time', toDatetimeLocal(nextFree), { shouldDirty: true });
    void book();
  };

  const vin = form.watch('vin');
  // Registered for its name and for focus on an error; its value is set by the combobox (setValue).
  const vinField = form.register('vin');
  const vinError = form.formState.errors.vin?.message;
  const pickedTechnicians = technicians.data ?? [];

  return (
    <>
      <h1>Book a service appointment</h1>
      <form onSubmit={book} noValidate aria-label="Book a service appointment">
        <div className="grid">
          <div>
            <Combobox<CarSuggestion>
              id="field-vin"
              label="VIN"
              name={vinField.name}
              inputRef={vinField.ref}
              value={vin ?? ''}
              onChange={(value) => {
                form.setValue('vin', value, { shouldDirty: true });
                if (chosenCar && value !== chosenCar.vin) setChosenCar(null);
              }}
              onSelect={(car) => {
                setChosenCar(car);
                form.clearErrors('vin');
                // The owner is most often the one bringing the car in: filled only if nothing is typed yet.
                if (car.owner && !form.getValues('customer')) form.setValue('customer', car.owner);
              }}
              loadOptions={searchCars}
              minLength={3}
              optionKey={(car) => car.vin}
              optionText={(car) => car.vin}
              renderOption={(car) => <CarOption car={car} />}
              noMatches="No car in our inventory matches. An outside car’s full VIN is fine too."
              error={vinError}
              hint="Type 3 or more characters of the VIN, model or colour; any car’s 17-character VIN is accepted."
            />
            {chosenCar && (
              <p className="chosen-car">
                <span className="badge vip">VIP</span> {chosenCar.description}
                {chosenCar.owner ? `, owned by ${chosenCar.owner}` : chosenCar.sold ? ', sold' : ', in stock'}. Bought
                or stocked here: VIP treatment.
              </p>
            )}
          </div>
          <TextField form={form} name="customer" label="Customer" autoComplete="off" />
        </div>
        <div className="grid">
          <TextField
            form={form}
            name="date_time"
            label="Date and time"
            type="datetime-local"
            min={`${dealershipToday()}T00:00`}
            hint={`Dealership time (${dealershipZone})`}
          />
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
            placeholder={technicians.isLoading ? 'Loading technicians…' : 'Choose a technician'}
            options={pickedTechnicians.map((t) => ({ value: t.id, label: technicianName(t) }))}
          />
        </div>
        <TextField form={form} name="reason" label="Reason" />
        {conflict && (
          <div role="alert" className="form-error booking-conflict">
            <p className="booking-conflict-message">{conflict.message}</p>
            {conflict.nextFree && (
              <button
                type="button"
                disabled={form.formState.isSubmitting}
                onClick={() => conflict.nextFree && takeSlot(conflict.nextFree)}
              >
                {slotLabel(conflict.nextFree, form.getValues('date_time'))}
              </button>
            )}
          </div>
        )}
        <FormFooter form={form} submit="Book appointment" />
      </form>
    </>
  );
}
