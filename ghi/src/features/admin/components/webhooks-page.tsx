import {
  type Webhook,
  type WebhookDelivery,
  webhookCreateBody,
  webhookEventTypes,
} from '@carcar/common/contract/webhooks';
import { useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DataTable } from '../../../components/data-table';
import { FormFooter, TextField } from '../../../components/form';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { type CreatedWebhook, useCreateWebhook } from '../api/create-webhook';
import { useDeleteWebhook } from '../api/delete-webhook';
import { useDeliveries } from '../api/get-deliveries';
import { useWebhooks } from '../api/get-webhooks';
import { useRedeliver } from '../api/redeliver';
import { useSendTestEvent } from '../api/send-test-event';

/** The new subscription's signing secret, shown this once, selected for copying. */
function NewSecret({ created, onDone }: { created: CreatedWebhook; onDone: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  const id = useId();
  const copy = async () => {
    field.current?.select();
    try {
      await navigator.clipboard.writeText(created.secret);
      toast.success('Secret copied');
    } catch {
      toast.error('Copying is not allowed here: the secret is selected, press Ctrl+C (⌘C on a Mac).');
    }
  };
  return (
    <section className="token-once" aria-labelledby={`${id}-heading`} role="status">
      <h2 id={`${id}-heading`}>Webhook for {created.url} created</h2>
      <p>
        <strong>Copy the signing secret now: it will not be shown again.</strong> The receiver checks each delivery’s{' '}
        <code>X-CarCar-Signature</code> with it. If it is lost, delete the webhook and create another.
      </p>
      <label htmlFor={`${id}-secret`}>Signing secret</label>
      <input
        ref={field}
        id={`${id}-secret`}
        type="text"
        readOnly
        value={created.secret}
        onFocus={(event) => event.currentTarget.select()}
        spellCheck={false}
        autoComplete="off"
      />
      <div className="actions">
        <button type="button" onClick={copy}>
          Copy secret
        </button>
        <button type="button" className="secondary outline" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </section>
  );
}

function AddWebhookForm({ onCreated }: { onCreated: (webhook: CreatedWebhook) => void }) {
  const create = useCreateWebhook();
  const { form, onSubmit } = useApiForm({
    schema: webhookCreateBody,
    defaultValues: { url: '', events: [] },
    save: create.mutateAsync,
    success: 'Webhook created',
    onSaved: (webhook) => onCreated(webhook as CreatedWebhook),
  });
  const eventsError = form.formState.errors.events;
  const eventsMessage =
    eventsError?.message ?? (Array.isArray(eventsError) ? eventsError.find(Boolean)?.message : undefined);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create a webhook">
      <TextField
        form={form}
        name="url"
        label="Receiver URL"
        autoComplete="off"
        hint="An https address of the receiving system, e.g. https://crm.example.com/carcar."
      />
      <fieldset aria-invalid={eventsMessage ? true : undefined}>
        <legend>Events to send</legend>
        {webhookEventTypes.map((type) => (
          <label key={type}>
            <input type="checkbox" value={type} {...form.register('events')} /> <code>{type}</code>
          </label>
        ))}
        {eventsMessage && <small className="field-error">{eventsMessage}</small>}
      </fieldset>
      <FormFooter form={form} submit="Create webhook" />
    </form>
  );
}

const statusLabels: Record<WebhookDelivery['status'], string> = {
  pending: 'Retrying',
  delivered: 'Delivered',
  failed: 'Failed',
};

/** A subscription's delivery log, newest first, with "Send again" on each. */
function Deliveries({ webhook }: { webhook: Webhook }) {
  const deliveries = useDeliveries(webhook.id);
  const redeliver = useRedeliver();
  return (
    <DataTable<WebhookDelivery>
      caption={`Deliveries to ${webhook.url}`}
      rows={deliveries.data}
      isLoading={deliveries.isLoading}
      error={deliveries.error}
      retry={() => deliveries.refetch()}
      rowKey={(d) => d.event_id}
      empty="Nothing sent yet."
      compact
      columns={[
        { key: 'type', header: 'Event', cell: (d) => <code>{d.type}</code> },
        { key: 'at', header: 'Happened', cell: (d) => formatDateTime(d.at), sortValue: (d) => d.at },
        {
          key: 'status',
          header: 'Status',
          cell: (d) => (
            <span>
              {statusLabels[d.status]}
              {d.last_error ? ` (${d.last_error})` : ''}
            </span>
          ),
        },
        { key: 'answer', header: 'Answer', cell: (d) => d.response_status ?? '—' },
        { key: 'attempts', header: 'Tries', cell: (d) => d.attempts },
        {
          key: 'actions',
          header: 'Actions',
          cell: (d) => (
            <button
              type="button"
              className="secondary outline small"
              aria-label={`Send ${d.type} ${d.event_id} again`}
              onClick={async () => {
                try {
                  await redeliver.mutateAsync({ webhookId: webhook.id, eventId: d.event_id });
                  toast.success('It will be sent again');
                } catch (error) {
                  toast.error(errorMessage(error));
                }
              }}
            >
              Send again
            </button>
          ),
        },
      ]}
    />
  );
}

/** `/admin/webhooks`: receivers other systems run, told about sales, bookings, cars and repair orders. */
export function WebhooksPage() {
  const webhooks = useWebhooks();
  const remove = useDeleteWebhook();
  const sendTest = useSendTestEvent();
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [shown, setShown] = useState<Webhook | null>(null);
  return (
    <>
      <h1>Webhooks</h1>
      <p>
        CarCar sends each event a receiver asked for as a signed <code>POST</code>, and retries for a day while it does
        not answer.
      </p>
      {created ? (
        <NewSecret created={created} onDone={() => setCreated(null)} />
      ) : (
        <>
          <h2>Create a webhook</h2>
          <AddWebhookForm onCreated={setCreated} />
        </>
      )}
      <DataTable<Webhook>
        caption="Webhooks"
        rows={webhooks.data}
        isLoading={webhooks.isLoading}
        error={webhooks.error}
        retry={() => webhooks.refetch()}
        rowKey={(w) => w.id}
        highlight={(w) => w.id === created?.id}
        empty="No webhooks yet."
        columns={[
          { key: 'url', header: 'Receiver', cell: (w) => w.url, sortValue: (w) => w.url },
          { key: 'events', header: 'Events', cell: (w) => w.events.join(', ') },
          {
            key: 'created',
            header: 'Created',
            cell: (w) => formatDateTime(w.created_at),
            sortValue: (w) => w.created_at,
          },
          {
            key: 'actions',
            header: 'Actions',
            cell: (w) => (
              <div className="actions">
                <button type="button" className="secondary outline small" onClick={() => setShown(w)}>
                  Deliveries
                </button>
                <button
                  type="button"
                  className="secondary outline small"
                  aria-label={`Send a test event to ${w.url}`}
                  onClick={async () => {
                    try {
                      await sendTest.mutateAsync(w.id);
                      setShown(w);
                      toast.success('Test event sent');
                    } catch (error) {
                      toast.error(errorMessage(error));
                    }
                  }}
                >
                  Send test event
                </button>
                <button
                  type="button"
                  className="secondary outline small"
                  aria-label={`Delete the webhook to ${w.url}…`}
                  onClick={() => setDeleting(w)}
                >
                  Delete…
                </button>
              </div>
            ),
          },
        ]}
      />
      {shown && (
        <>
          <h2>Deliveries to {shown.url}</h2>
          <Deliveries webhook={shown} />
        </>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete the webhook to ${deleting?.url ?? ''}?`}
        confirmLabel="Delete webhook"
        cancelLabel="Keep it"
        onConfirm={async () => {
          if (!deleting) return;
          await remove.mutateAsync(deleting.id);
          if (shown?.id === deleting.id) setShown(null);
          toast.success('Webhook deleted');
        }}
        onClose={() => setDeleting(null)}
      >
        <p>Nothing more is sent to it, and what was waiting to be sent is dropped.</p>
      </ConfirmDialog>
    </>
  );
}
