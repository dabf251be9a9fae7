import { allowsOwn, can } from '@carcar/common/contract/permissions';
import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { errorMessage } from '../../../lib/api-client';
import { useCurrentUser } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { usePhone } from '../../../lib/use-phone';
import { useUpdateAppointmentStatus } from '../api/update-appointment-status';
import { type Appointment, technicianName } from '../types';

/**
 * Finish and Cancel of a booked appointment. Canceling always asks why (the reason is kept with it);
 * finishing asks first where `confirmFinish` says so (the detail page). On the board, Finish is the
 * one-click end of a job, as the advisors use it all day.
 */
export function AppointmentActions({
  appointment,
  confirmFinish = false,
  compact = true,
}: {
  appointment: Appointment;
  confirmFinish?: boolean;
  /** Small buttons, as in a table's row; a page's header passes false for buttons of its own size. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const update = useUpdateAppointmentStatus();
  const user = useCurrentUser();
  // A technician finishes only their own appointments (the service checks it too).
  const mayFinish = user !== null && allowsOwn(user, 'appointments.finish', appointment.technician.id);
  const mayCancel = user !== null && can(user, 'appointments.book');
  const [asking, setAsking] = useState<'cancel' | 'finish' | null>(null);
  // A phone's tap needs a 44 px target; on a wide screen a row's buttons stay small, so rows stay short.
  const phone = usePhone();
  const size = phone ? 'md' : compact ? 'xs' : 'sm';
  const mih = phone ? 44 : undefined;
  if (appointment.status !== 'created' || (!mayFinish && !mayCancel)) return null;
  const who = t('service:actions.who', { customer: appointment.customer, when: formatDateTime(appointment.date_time) });
  const finish = () =>
    update.mutate({ id: appointment.id, action: 'finish' }, { onError: (error) => toast.error(errorMessage(error)) });
  return (
    <Group gap="xs" wrap="nowrap" className="actions">
      {mayFinish && (
        <Button
          size={size}
          mih={mih}
          disabled={update.isPending}
          onClick={() => (confirmFinish ? setAsking('finish') : finish())}
        >
          {confirmFinish ? t('service:actions.finishAsk') : t('service:actions.finish')}
        </Button>
      )}
      {mayCancel && (
        <Button size={size} mih={mih} variant="default" disabled={update.isPending} onClick={() => setAsking('cancel')}>
          {t('service:actions.cancel')}
        </Button>
      )}
      <ConfirmDialog
        open={asking === 'cancel'}
        title={t('service:actions.cancelTitle')}
        confirmLabel={t('service:actions.cancelConfirm')}
        cancelLabel={t('service:actions.cancelKeep')}
        reason={{
          label: t('service:actions.cancelReason'),
          required: true,
          maxLength: 500,
          hint: t('service:actions.cancelHint'),
          missing: t('service:actions.cancelMissing'),
        }}
        onConfirm={(reason) => update.mutateAsync({ id: appointment.id, action: 'cancel', reason })}
        onClose={() => setAsking(null)}
      >
        <p>
          {t('service:actions.cancelText', {
            who,
            technician: technicianName(appointment.technician),
            reason: appointment.reason,
          })}
        </p>
      </ConfirmDialog>
      {confirmFinish && (
        <ConfirmDialog
          open={asking === 'finish'}
          title={t('service:actions.finishTitle')}
          confirmLabel={t('service:actions.finishConfirm')}
          cancelLabel={t('service:actions.finishKeep')}
          onConfirm={() => update.mutateAsync({ id: appointment.id, action: 'finish' })}
          onClose={() => setAsking(null)}
        >
          <p>{t('service:actions.finishText', { who, reason: appointment.reason })}</p>
        </ConfirmDialog>
      )}
    </Group>
  );
}
