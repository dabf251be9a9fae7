import {
  type CreatedWebhook,
  type Webhook,
  type WebhookDelivery,
  webhookCreateBody,
  webhookEventTypes,
} from '@carcar/common/contract/webhooks';
import { Button, Checkbox, Fieldset, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Trans } from 'react-i18next';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DataTable, dateTimeColumn } from '../../../components/data-table';
import { DetailSection } from '../../../components/detail-page';
import { FormFooter, TextField } from '../../../components/form';
import { AddInDrawer, ListPage } from '../../../components/list-page';
import { errorMessage } from '../../../lib/api-client';
import { useContractMessage } from '../../../lib/contract-messages';
import { formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useApiForm } from '../../../lib/use-api-form';
import { usePhone } from '../../../lib/use-phone';
import { useCreateWebhook } from '../api/create-webhook';
import { useDeleteWebhook } from '../api/delete-webhook';
import { useDeliveries } from '../api/get-deliveries';
import { useWebhooks } from '../api/get-webhooks';
import { useRedeliver } from '../api/redeliver';
import { useSendTestEvent } from '../api/send-test-event';
import { ShownOnce } from './shown-once';

/** The new subscription's signing secret, shown this once, selected for copying. */
function NewSecret({ created, onDone }: { created: CreatedWebhook; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <ShownOnce
      value={created.secret}
      onDone={onDone}
      words={{
        heading: t('admin:webhooks.created', { url: created.url }),
        copyNow: t('admin:webhooks.copyNow'),
        about: <Trans t={t} i18nKey="admin:webhooks.secretUse" components={{ code: <code /> }} />,
        label: t('admin:webhooks.secret'),
        copy: t('admin:webhooks.copy'),
        copied: t('admin:webhooks.copied'),
        copyRefused: t('admin:webhooks.copyRefused'),
        done: t('admin:webhooks.done'),
      }}
    />
  );
}

function AddWebhookForm({ onCreated }: { onCreated: (webhook: CreatedWebhook) => void }) {
  const { t } = useTranslation();
  const create = useCreateWebhook();
  const { form, onSubmit } = useApiForm({
    schema: webhookCreateBody,
    defaultValues: { url: '', events: [] },
    save: create.mutateAsync,
    success: t('admin:webhooks.createdToast'),
    onSaved: (webhook) => onCreated(webhook as CreatedWebhook),
  });
  const said = useContractMessage();
  const eventsError = form.formState.errors.events;
  const eventsMessage = said(
    eventsError?.message ?? (Array.isArray(eventsError) ? eventsError.find(Boolean)?.message : undefined),
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('admin:webhooks.form')}>
      <TextField
        form={form}
        name="url"
        label={t('admin:webhooks.url')}
        autoComplete="off"
        hint={t('admin:webhooks.urlHint')}
      />
      <Fieldset
        legend={t('admin:webhooks.events')}
        aria-invalid={eventsMessage ? true : undefined}
        variant="unstyled"
        mb="sm"
      >
        <Stack gap="xs">
          {webhookEventTypes.map((type) => (
            // Unchecked boxes stay in react-hook-form's hands (register), as the text field does.
            <Checkbox key={type} value={type} label={<code>{type}</code>} {...form.register('events')} />
          ))}
        </Stack>
        {eventsMessage && (
          <Text
            component="small"
            size="sm"
            c="var(--mantine-color-error)"
            className="field-error"
            display="block"
            mt="xs"
          >
            {eventsMessage}
          </Text>
        )}
      </Fieldset>
      <FormFooter form={form} submit={t('admin:webhooks.create')} />
    </form>
  );
}

const statusLabels = (t: TFunction): Record<WebhookDelivery['status'], string> => ({
  pending: t('admin:webhooks.status.pending'),
  delivered: t('admin:webhooks.status.delivered'),
  failed: t('admin:webhooks.status.failed'),
});

/** A subscription's delivery log, newest first, with "Send again" on each. */
function Deliveries({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const deliveries = useDeliveries(webhook.id);
  const redeliver = useRedeliver();
  // Row actions are tapped on a phone: a full 44 px target there.
  const phone = usePhone();
  return (
    <DataTable<WebhookDelivery>
      caption={t('admin:webhooks.deliveriesTo', { url: webhook.url })}
      rows={deliveries.data}
      isLoading={deliveries.isLoading}
      error={deliveries.error}
      retry={() => deliveries.refetch()}
      rowKey={(d) => d.event_id}
      empty={t('admin:webhooks.nothingSent')}
      compact
      columns={[
        { key: 'type', header: t('admin:webhooks.event'), cell: (d) => <code>{d.type}</code> },
        dateTimeColumn('at', t('admin:webhooks.happened'), (d) => d.at),
        {
          key: 'status',
          header: t('admin:webhooks.statusColumn'),
          cell: (d) => (
            <span>
              {statusLabels(t)[d.status]}
              {d.last_error ? ` (${d.last_error})` : ''}
            </span>
          ),
        },
        { key: 'answer', header: t('admin:webhooks.answer'), cell: (d) => d.response_status ?? '—' },
        { key: 'attempts', header: t('admin:webhooks.tries'), cell: (d) => d.attempts },
        {
          key: 'actions',
          header: t('admin:webhooks.actions'),
          cell: (d) => (
            <Button
              variant="default"
              size={phone ? 'md' : 'xs'}
              aria-label={t('admin:webhooks.sendAgainLabel', { type: d.type, id: d.event_id })}
              onClick={async () => {
                try {
                  await redeliver.mutateAsync({ webhookId: webhook.id, eventId: d.event_id });
                  toast.success(t('admin:webhooks.willResend'));
                } catch (error) {
                  toast.error(errorMessage(error));
                }
              }}
            >
              {t('admin:webhooks.sendAgain')}
            </Button>
          ),
        },
      ]}
    />
  );
}

/** `/admin/webhooks`: receivers other systems run, told about sales, bookings, cars and repair orders. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const webhooks = useWebhooks();
  const remove = useDeleteWebhook();
  const sendTest = useSendTestEvent();
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [shown, setShown] = useState<Webhook | null>(null);
  const size = usePhone() ? 'md' : 'xs';
  const total = webhooks.data?.length;
  return (
    <ListPage
      title={t('admin:webhooks.title')}
      count={
        total === undefined ? undefined : t('admin:webhooks.count', { count: total, formatted: formatNumber(total) })
      }
      actions={
        <AddInDrawer label={t('admin:webhooks.create')} title={t('admin:webhooks.form')}>
          {(close) => (
            <AddWebhookForm
              onCreated={(webhook) => {
                close();
                setCreated(webhook);
              }}
            />
          )}
        </AddInDrawer>
      }
    >
      <Text size="sm" c="dimmed">
        <Trans t={t} i18nKey="admin:webhooks.intro" components={{ code: <code /> }} />
      </Text>
      {created && <NewSecret created={created} onDone={() => setCreated(null)} />}
      <DataTable<Webhook>
        caption={t('admin:webhooks.title')}
        rows={webhooks.data}
        isLoading={webhooks.isLoading}
        error={webhooks.error}
        retry={() => webhooks.refetch()}
        rowKey={(w) => w.id}
        highlight={(w) => w.id === created?.id}
        empty={t('admin:webhooks.empty')}
        columns={[
          { key: 'url', header: t('admin:webhooks.receiver'), cell: (w) => w.url, sortValue: (w) => w.url },
          { key: 'events', header: t('admin:webhooks.eventsColumn'), cell: (w) => w.events.join(', ') },
          dateTimeColumn('created', t('admin:webhooks.createdColumn'), (w) => w.created_at),
          {
            key: 'actions',
            header: t('admin:webhooks.actions'),
            cell: (w) => (
              <Group gap="xs" wrap="nowrap">
                <Button variant="default" size={size} onClick={() => setShown(w)}>
                  {t('admin:webhooks.deliveries')}
                </Button>
                <Button
                  variant="default"
                  size={size}
                  aria-label={t('admin:webhooks.sendTestLabel', { url: w.url })}
                  onClick={async () => {
                    try {
                      await sendTest.mutateAsync(w.id);
                      setShown(w);
                      toast.success(t('admin:webhooks.testSent'));
                    } catch (error) {
                      toast.error(errorMessage(error));
                    }
                  }}
                >
                  {t('admin:webhooks.sendTest')}
                </Button>
                <Button
                  variant="light"
                  color="red"
                  size={size}
                  aria-label={t('admin:webhooks.deleteLabel', { url: w.url })}
                  onClick={() => setDeleting(w)}
                >
                  {t('admin:webhooks.delete')}
                </Button>
              </Group>
            ),
          },
        ]}
      />
      {shown && (
        <DetailSection title={t('admin:webhooks.deliveriesTo', { url: shown.url })}>
          <Deliveries webhook={shown} />
        </DetailSection>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('admin:webhooks.deleteTitle', { url: deleting?.url ?? '' })}
        confirmLabel={t('admin:webhooks.deleteWebhook')}
        cancelLabel={t('admin:webhooks.keep')}
        onConfirm={async () => {
          if (!deleting) return;
          await remove.mutateAsync(deleting.id);
          if (shown?.id === deleting.id) setShown(null);
          toast.success(t('admin:webhooks.deleted'));
        }}
        onClose={() => setDeleting(null)}
      >
        <p>{t('admin:webhooks.deleteText')}</p>
      </ConfirmDialog>
    </ListPage>
  );
}
