import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { toast } from 'sonner';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useTranslation } from '../../../lib/i18n';
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
  const { t } = useTranslation();
  const start = useStartRepairOrder();
  const navigate = useNavigate();
  const [open, setOpen] = useState(initiallyOpen);
  const [mileage, setMileage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = useId();
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('service:startOrder.open')}
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const miles = mileage.trim().replace(/,/g, '');
    if (!/^\d{1,7}$/.test(miles)) return setError(t('service:startOrder.mileageFormat'));
    setError(null);
    try {
      const order = await start.mutateAsync({ appointment: appointment.id, mileage: Number(miles) });
      toast.success(t('service:startOrder.opened', { id: order.id, customer: appointment.customer }));
      navigate(`/service/repair-orders/${order.id}`);
    } catch (failure) {
      const field = failure instanceof ApiError ? failure.fieldErrors.find((f) => f.path === 'mileage') : undefined;
      setError(field?.message ?? errorMessage(failure));
    }
  };
  return (
    <form className="start-repair-order" onSubmit={submit} noValidate aria-label={t('service:startOrder.form')}>
      <p>
        {t('service:startOrder.introBefore', { customer: appointment.customer })} <code>{appointment.vin}</code>
        {t('service:startOrder.introAfter', { reason: appointment.reason })}
      </p>
      <div className="inline-actions">
        <div className="field">
          <label htmlFor={`${ids}-mileage`}>{t('service:startOrder.mileage')}</label>
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
            <small id={`${ids}-hint`}>{t('service:startOrder.hint')}</small>
          )}
        </div>
        <button type="submit" disabled={start.isPending} aria-busy={start.isPending || undefined}>
          {t('service:startOrder.submit')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('service:startOrder.cancel')}
        </button>
      </div>
    </form>
  );
}
