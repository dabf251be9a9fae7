import '../parts.css';
import type { MovementReason, Part, PartMovement } from '@carcar/common/contract/parts';
import { Button, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { type Column, DataTable } from '../../../components/data-table';
import { DetailPage, DetailSection, Facts } from '../../../components/detail-page';
import { FormFooter, TextField } from '../../../components/form';
import { ErrorState, Loading, NotFound } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { ApiError } from '../../../lib/api-client';
import { actorName } from '../../../lib/audit-words';
import { useCan } from '../../../lib/auth';
import { formatListDateTime, formatMoney, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useApiForm } from '../../../lib/use-api-form';
import { useAdjustStock, useMovements, usePart, useReceiveStock, useUpdatePart } from '../api/parts';
import { adjustForm, editPartForm, receiveForm, withPrefix } from '../schemas';
import { formatQuantity, isLow } from '../stock';

/** Movements read at once; the table pages through them. */
const LEDGER_LIMIT = 500;

const reasonLabels = (t: TFunction): Record<MovementReason, string> => ({
  receipt: t('parts:reason.receipt'),
  repair_order: t('parts:reason.repair_order'),
  adjustment: t('parts:reason.adjustment'),
  void: t('parts:reason.void'),
});

const movementColumns = (t: TFunction): Column<PartMovement>[] => [
  { key: 'at', header: t('parts:ledger.when'), cell: (m) => formatListDateTime(m.at) },
  {
    key: 'quantity',
    header: t('parts:ledger.quantity'),
    numeric: true,
    cell: (m) => (
      // The sign says in or out, in words a screen reader reads too, not a colour.
      <span className="stock">
        {m.quantity > 0 ? '+' : ''}
        {formatQuantity(m.quantity)}
      </span>
    ),
  },
  { key: 'reason', header: t('parts:ledger.why'), cell: (m) => reasonLabels(t)[m.reason] },
  {
    key: 'detail',
    header: t('parts:ledger.detail'),
    // One element: on a phone the cell is its label and one value side by side.
    cell: (m) => (
      <span>
        {m.repair_order !== null && (
          <Link to={`/service/repair-orders/${m.repair_order}`}>
            {t('parts:ledger.repairOrder', { id: m.repair_order })}
          </Link>
        )}
        {m.reference && <span>{m.reference}</span>}
        {m.cost !== null && <span> {t('parts:ledger.at', { cost: formatMoney(m.cost) })}</span>}
        {m.note && <span>{m.note}</span>}
        {m.repair_order === null && !m.reference && m.cost === null && !m.note && '—'}
      </span>
    ),
  },
  { key: 'actor', header: t('parts:ledger.by'), cell: (m) => movedBy(t, m) },
];

/** Who moved the stock; a customer's approval through the link is the gateway's own credential. */
function movedBy(t: TFunction, m: PartMovement): string {
  if ('service' in m.actor && m.actor.service === 'carcar-gateway') return t('parts:ledger.customerByLink');
  return actorName(m.actor);
}

function EditPart({ part, onDone }: { part: Part; onDone: () => void }) {
  const { t } = useTranslation('parts');
  const update = useUpdatePart(part.number);
  const { form, onSubmit } = useApiForm({
    schema: editPartForm,
    defaultValues: {
      edit_description: part.description,
      edit_price: part.price.toFixed(2),
      edit_cost: part.cost === null ? '' : part.cost.toFixed(2),
      edit_reorder_point: String(part.reorder_point),
    },
    save: (body) => withPrefix('edit_', () => update.mutateAsync(body)),
    success: t('parts:edit.saved'),
    keepValues: true,
    onSaved: onDone,
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('parts:edit.form')}>
      <TextField form={form} name="edit_description" label={t('parts:edit.description')} autoComplete="off" />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextField form={form} name="edit_price" label={t('parts:edit.price')} />
        <TextField form={form} name="edit_cost" label={t('parts:edit.cost')} />
        <TextField form={form} name="edit_reorder_point" label={t('parts:edit.reorderAt')} />
      </SimpleGrid>
      <Group gap="xs" align="center">
        <FormFooter form={form} submit={t('parts:edit.submit')} />
        <Button variant="default" onClick={onDone}>
          {t('parts:edit.cancel')}
        </Button>
      </Group>
    </form>
  );
}

function ReceiveStock({ part }: { part: Part }) {
  const { t } = useTranslation('parts');
  const receive = useReceiveStock(part.number);
  const { form, onSubmit } = useApiForm({
    schema: receiveForm,
    defaultValues: { receive_quantity: '', receive_cost: '', receive_reference: '' },
    save: (body) => withPrefix('receive_', () => receive.mutateAsync(body)),
    success: t('parts:receive.received', { number: part.number }),
  });
  return (
    <DetailSection title={t('parts:receive.heading')}>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          form={form}
          name="receive_quantity"
          label={t('parts:receive.quantity')}
          hint={t('parts:receive.quantityHint')}
        />
        <TextField form={form} name="receive_cost" label={t('parts:receive.cost')} hint={t('parts:receive.costHint')} />
        <TextField
          form={form}
          name="receive_reference"
          label={t('parts:receive.reference')}
          hint={t('parts:receive.referenceHint')}
          autoComplete="off"
        />
        <FormFooter form={form} submit={t('parts:receive.submit')} />
      </form>
    </DetailSection>
  );
}

function AdjustStock({ part }: { part: Part }) {
  const { t } = useTranslation('parts');
  const adjust = useAdjustStock(part.number);
  const { form, onSubmit } = useApiForm({
    schema: adjustForm,
    defaultValues: { adjust_quantity: '', adjust_reason: '' },
    save: (body) => withPrefix('adjust_', () => adjust.mutateAsync(body)),
    success: t('parts:adjust.adjusted', { number: part.number }),
  });
  return (
    <DetailSection title={t('parts:adjust.heading')}>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          form={form}
          name="adjust_quantity"
          label={t('parts:adjust.change')}
          hint={t('parts:adjust.changeHint')}
        />
        <TextField
          form={form}
          name="adjust_reason"
          label={t('parts:adjust.reason')}
          hint={t('parts:adjust.reasonHint')}
          autoComplete="off"
        />
        <FormFooter form={form} submit={t('parts:adjust.submit')} />
      </form>
    </DetailSection>
  );
}

function Ledger({ number }: { number: string }) {
  const { t } = useTranslation('parts');
  const movements = useMovements(number, LEDGER_LIMIT, 0);
  const total = movements.data?.total ?? 0;
  return (
    <DetailSection title={t('parts:ledger.heading')}>
      {total > LEDGER_LIMIT && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('parts:ledger.newest', { shown: formatNumber(LEDGER_LIMIT), total: formatNumber(total) })}
        </Text>
      )}
      <DataTable
        caption={t('parts:ledger.caption', { number })}
        rows={movements.data?.items}
        isLoading={movements.isLoading}
        error={movements.error}
        retry={() => movements.refetch()}
        rowKey={(m) => m.id}
        empty={t('parts:ledger.empty')}
        columns={movementColumns(t)}
        pageSize={20}
      />
    </DetailSection>
  );
}

/** One part: its figures, editing, receiving stock, a manager's adjustment and the ledger. */
export function PartPage() {
  const { t } = useTranslation('parts');
  const number = useParams().number ?? '';
  const part = usePart(number);
  const mayWrite = useCan('parts.write');
  const mayAdjust = useCan('parts.adjust');
  const [editing, setEditing] = useState(false);
  if (part.error instanceof ApiError && part.error.status === 404) {
    return (
      <NotFound title={t('parts:part.notFound')}>
        {t('parts:part.noSuch', { number })} <Link to="/service/parts">{t('parts:part.backToParts')}</Link>.
      </NotFound>
    );
  }
  if (part.isLoading) return <Loading />;
  if (part.error || !part.data) return <ErrorState error={part.error} retry={() => part.refetch()} />;
  const p = part.data;
  return (
    <DetailPage
      crumbs={[{ label: t('parts:part.parts'), to: '/service/parts' }, { label: p.number }]}
      title={t('parts:part.title', { number: p.number, description: p.description })}
      // The stock's state, when it asks for something: below zero is work promised before the part came.
      status={
        p.on_hand < 0 ? (
          <StatusBadge tone="danger">{t('parts:stock.backordered')}</StatusBadge>
        ) : (
          isLow(p) && <StatusBadge tone="warning">{t('parts:stock.low')}</StatusBadge>
        )
      }
      actions={
        mayWrite &&
        !editing && (
          <Button variant="default" onClick={() => setEditing(true)}>
            {t('parts:part.edit')}
          </Button>
        )
      }
    >
      <Paper withBorder p="md" radius="md">
        {editing ? (
          <EditPart part={p} onDone={() => setEditing(false)} />
        ) : (
          <Facts
            items={[
              { label: t('parts:part.onHand'), value: <span className="stock">{formatQuantity(p.on_hand)}</span> },
              {
                label: t('parts:part.reorderAt'),
                value: <span className="stock">{formatQuantity(p.reorder_point)}</span>,
              },
              { label: t('parts:part.price'), value: <span className="num">{formatMoney(p.price)}</span> },
              {
                label: t('parts:part.cost'),
                value:
                  p.cost === null ? t('parts:part.costNotKnown') : <span className="num">{formatMoney(p.cost)}</span>,
              },
            ]}
          />
        )}
      </Paper>
      {(mayWrite || mayAdjust) && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {mayWrite && <ReceiveStock part={p} />}
          {mayAdjust && <AdjustStock part={p} />}
        </SimpleGrid>
      )}
      <Ledger number={p.number} />
    </DetailPage>
  );
}
