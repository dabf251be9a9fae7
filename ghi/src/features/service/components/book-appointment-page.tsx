import '../service.css';
import { normalizeVin } from '@carcar/common/contract/vin';
import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { type Path, useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router-dom';
import { toast } from 'sonner';
import { z } from 'zod';
import { Combobox } from '../../../components/combobox';
import { FormFooter, SelectField, TextField } from '../../../components/form';
import { VipBadge } from '../../../components/vip-badge';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { formatDate, formatTime } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { dealershipToday, dealershipZone, toDatetimeLocal } from '../../../lib/time-zone';
import { BookingConflict, useCreateAppointment } from '../api/create-appointment';
import { useTechnicians } from '../api/get-technicians';
import { type CarSuggestion, searchCars } from '../api/search-cars';
import { technicianName } from '../types';

// The form's own checks, in words; the API checks again (VIN check digit, a time already passed).
const bookingForm = (t: TFunction) =>
  z.object({
    vin: z
      .string()
      .transform(normalizeVin)
      .pipe(z.string().length(17, t('service:book.errors.vinLength'))),
    customer: z.string().trim().min(1, t('service:book.errors.customer')).max(100, t('service:book.errors.max100')),
    // `datetime-local` gives "2026-12-03T09:00": sent as is, the dealership's wall clock.
    date_time: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, t('service:book.errors.dateTime')),
    technician: z.coerce
      .number({ error: t('service:book.errors.technician') })
      .int()
      .positive(t('service:book.errors.technician')),
    reason: z.string().trim().min(1, t('service:book.errors.reason')).max(200, t('service:book.errors.max200')),
    duration_minutes: z.coerce
      .number({ error: t('service:book.errors.duration') })
      .int(t('service:book.errors.wholeMinutes'))
      .min(15, t('service:book.errors.min15'))
      .max(480, t('service:book.errors.max480')),
  });
type BookingInput = z.input<ReturnType<typeof bookingForm>>;
type BookingValues = z.output<ReturnType<typeof bookingForm>>;

const emptyBooking: BookingInput = {
  vin: '',
  customer: '',
  date_time: '',
  technician: '',
  reason: '',
  duration_minutes: 60,
};

function CarOption({ car }: { car: CarSuggestion }) {
  const { t } = useTranslation();
  return (
    <span className="car-option">
      <code>{car.vin}</code> <VipBadge>{t('service:columns.vip')}</VipBadge>
      <br />
      <small>
        {car.description}
        {car.sold
          ? car.owner
            ? t('service:book.owner', { owner: car.owner })
            : t('service:book.sold')
          : t('service:book.inStock')}
      </small>
    </span>
  );
}

/** "Book at 11:00 AM instead", or "…at 9:00 AM on Wed, Dec 2, 2026…" when the next free start is another day. */
function slotLabel(t: TFunction, nextFree: string, requested: string): string {
  const sameDay = toDatetimeLocal(nextFree).slice(0, 10) === requested.slice(0, 10);
  return sameDay
    ? t('service:book.slotSameDay', { time: formatTime(nextFree) })
    : t('service:book.slotOtherDay', { time: formatTime(nextFree), day: formatDate(nextFree) });
}

/**
 * Why the booking was refused, said from the refusal's facts in the language shown. Not the API's
 * own English sentence: it writes times on its fixed 24-hour clock, and the "Book at … instead"
 * button beside it uses the dealership's (3:00 PM in en-US); one page says a time one way.
 */
function conflictText(t: TFunction, conflict: BookingConflict): string {
  if (!conflict.nextFree) return conflict.message;
  const a = conflict.conflicting;
  if (!a) {
    return t('service:book.conflictUnknown', {
      time: formatTime(conflict.nextFree),
      day: formatDate(conflict.nextFree),
    });
  }
  const ends = new Date(new Date(a.date_time).getTime() + a.duration_minutes * 60_000).toISOString();
  const day = formatDate(a.date_time);
  const endDay = formatDate(ends);
  const span =
    day === endDay
      ? t('service:book.conflictSpanDay', { from: formatTime(a.date_time), to: formatTime(ends), day })
      : t('service:book.conflictSpanDays', { from: formatTime(a.date_time), to: formatTime(ends), day, endDay });
  const nextDay = formatDate(conflict.nextFree);
  const next =
    nextDay === day
      ? formatTime(conflict.nextFree)
      : t('service:book.conflictNextOn', { time: formatTime(conflict.nextFree), day: nextDay });
  return t('service:book.conflictWith', {
    technician: technicianName(a.technician),
    span,
    customer: a.customer,
    reason: a.reason,
    next,
  });
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
  const { t } = useTranslation();
  const schema = useMemo(() => bookingForm(t), [t]);
  const [params] = useSearchParams();
  const [initial] = useState(() => initialBooking(params));
  const technicians = useTechnicians({ active: true });
  const create = useCreateAppointment();
  const [conflict, setConflict] = useState<BookingConflict | null>(null);
  const [chosenCar, setChosenCar] = useState<CarSuggestion | null>(null);
  const form = useForm<BookingInput, unknown, BookingValues>({
    resolver: zodResolver(schema),
    defaultValues: initial,
  });

  const book = form.handleSubmit(async (values) => {
    setConflict(null);
    try {
      await create.mutateAsync(values);
      toast.success(t('service:book.booked'));
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
      <h1>{t('service:book.title')}</h1>
      <form onSubmit={book} noValidate aria-label={t('service:book.title')}>
        <div className="grid">
          <div>
            <Combobox<CarSuggestion>
              id="field-vin"
              label={t('service:book.vin')}
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
              noMatches={t('service:book.noMatches')}
              error={vinError}
              hint={t('service:book.vinHint')}
            />
            {chosenCar && (
              <p className="chosen-car">
                <VipBadge>{t('service:columns.vip')}</VipBadge> {chosenCar.description}
                {chosenCar.owner
                  ? t('service:book.ownedBy', { owner: chosenCar.owner })
                  : chosenCar.sold
                    ? t('service:book.chosenSold')
                    : t('service:book.chosenInStock')}
                {t('service:book.vipTreatment')}
              </p>
            )}
          </div>
          <TextField form={form} name="customer" label={t('service:book.customer')} autoComplete="off" />
        </div>
        <div className="grid">
          <TextField
            form={form}
            name="date_time"
            label={t('service:book.dateTime')}
            type="datetime-local"
            min={`${dealershipToday()}T00:00`}
            hint={t('service:book.dealershipTime', { zone: dealershipZone })}
          />
          <TextField
            form={form}
            name="duration_minutes"
            label={t('service:book.duration')}
            type="number"
            step="15"
            min="15"
            max="480"
          />
          <SelectField
            form={form}
            name="technician"
            label={t('service:book.technician')}
            placeholder={
              technicians.isLoading ? t('service:book.loadingTechnicians') : t('service:book.chooseTechnician')
            }
            options={pickedTechnicians.map((tech) => ({ value: tech.id, label: technicianName(tech) }))}
          />
        </div>
        <TextField form={form} name="reason" label={t('service:book.reason')} />
        {conflict && (
          <div role="alert" className="form-error booking-conflict">
            <p className="booking-conflict-message">{conflictText(t, conflict)}</p>
            {conflict.nextFree && (
              <button
                type="button"
                disabled={form.formState.isSubmitting}
                onClick={() => conflict.nextFree && takeSlot(conflict.nextFree)}
              >
                {slotLabel(t, conflict.nextFree, form.getValues('date_time'))}
              </button>
            )}
          </div>
        )}
        <FormFooter form={form} submit={t('service:book.submit')} />
      </form>
    </>
  );
}
