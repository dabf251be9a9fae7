import { Button, Group, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { toast } from 'sonner';
import { FormCard } from '../../../components/form';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useTranslation } from '../../../lib/i18n';
import { useStartRepairOrder } from '../api/start-repair-order';
import type { Appointment } from '../types';

/**
 * "Start repair order" on an appointment: the car, the customer and the reason go over as they are;
 * the advisor types the mileage off the odometer and lands on the new order.
 */
export function StartRepairOrder({ appointment, onCancel }: { appointment: Appointment; onCancel: () => void }) {
  const { t } = useTranslation();
  const start = useStartRepairOrder();
  const navigate = useNavigate();
  const [mileage, setMileage] = useState('');
  const [error, setError] = useState<string | null>(null);
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
    <FormCard label={t('service:startOrder.form')} onSubmit={submit}>
      <Text size="sm" mb="sm">
        {t('service:startOrder.introBefore', { customer: appointment.customer })}{' '}
        <code className="nowrap">{appointment.vin}</code>
        {t('service:startOrder.introAfter', { reason: appointment.reason })}
      </Text>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t('service:startOrder.mileage')}
          inputMode="numeric"
          value={mileage}
          // The form opens on the advisor's click, for this one field.
          autoFocus
          error={error ?? undefined}
          description={error ? undefined : t('service:startOrder.hint')}
          errorProps={{ role: 'alert', className: 'field-error' }}
          onChange={(event) => setMileage(event.currentTarget.value)}
        />
        <Group gap="xs" mt={24}>
          <Button type="submit" loading={start.isPending}>
            {t('service:startOrder.submit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('service:startOrder.cancel')}
          </Button>
        </Group>
      </Group>
    </FormCard>
  );
}
