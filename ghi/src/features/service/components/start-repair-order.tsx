import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { toast } from 'sonner';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useStartRepairOrder } from '../api/start-repair-order';
import type { Appointment } from '../types';

/**
 * "Start repair order" on an appointment: the car, the customer and the reason go over as they are;
 * the advisor types the mileage off the odometer and lands on the new order.
 */
export function StartRepairOrder({
  appointment,
  open: initiallyOpen = false,
}: {
  appointment: Appointment;
  open?: boolean;
}) {
  const start = useStartRepairOrder();
  const navigate = useNavigate();
  const [open, setOpen] = useState(initiallyOpen);
  const [mileage, setMileage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = useId();
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Start repair order
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const miles = mileage.trim().replace(/,/g, '');
    if (!/^\d{1,7}$/.test(miles)) return setError('Enter the odometer reading in whole miles, such as 42150');
    setError(null);
    try {
      const order = await start.mutateAsync({ appointment: appointment.id, mileage: Number(miles) });
      toast.success(`Repair order ${order.id} opened for ${appointment.customer}`);
      navigate(`/service/repair-orders/${order.id}`);
    } catch (failure) {
      const field = failure instanceof ApiError ? failure.fieldErrors.find((f) => f.path === 'mileage') : undefined;
      setError(field?.message ?? errorMessage(failure));
    }
  };
  return (
    <form className="start-repair-order" onSubmit={submit} noValidate aria-label="Start a repair order">
      <p>
        A repair order for {appointment.customer}’s car, <code>{appointment.vin}</code>, with “{appointment.reason}” as
        the concern.
      </p>
      <div className="inline-actions">
        <div className="field">
          <label htmlFor={`${ids}-mileage`}>Mileage</label>
          <input
            id={`${ids}-mileage`}
            inputMode="numeric"
            value={mileage}
            // biome-ignore lint/a11y/noAutofocus: the form opens on the advisor's click, for this one field
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${ids}-error` : `${ids}-hint`}
            onChange={(event) => setMileage(event.target.value)}
          />
          {error ? (
            <small id={`${ids}-error`} className="field-error" role="alert">
              {error}
            </small>
          ) : (
            <small id={`${ids}-hint`}>Odometer, in miles</small>
          )}
        </div>
        <button type="submit" disabled={start.isPending} aria-busy={start.isPending || undefined}>
          Open repair order
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
