import type { Technician } from '@carcar/common/contract/service';
import { Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { toast } from 'sonner';
import type { StatusTone } from '../../../app/theme';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Empty } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime, formatMoney, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useAssignTechnician } from '../api/assign-technician';
import { useDeleteLine } from '../api/delete-line';
import { useMarkLineDone } from '../api/mark-line-done';
import { kindLabel, type LineStatus, lineStatusLabel, type RepairLine } from '../types';

// "h" is the hour's symbol in English and Spanish alike; the number follows the dealership's locale.
export const hoursText = (hours: number) => `${formatNumber(hours)} h`;

/** "1.5 h × $120.00" or "2 × $45.00": how the amount was reached. */
export function lineFigures(line: RepairLine): string {
  if (line.kind === 'labor') return `${hoursText(line.hours ?? 0)} × ${formatMoney(line.rate ?? 0)}`;
  return `${formatNumber(line.quantity ?? 1)} × ${formatMoney(line.unit_price ?? 0)}`;
}

/** Waiting for the customer, to be done, not wanted, done. */
const lineStatusTone: Record<LineStatus, StatusTone> = {
  proposed: 'warning',
  approved: 'info',
  declined: 'neutral',
  done: 'success',
};

export function LineStatusBadge({ status }: { status: LineStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={lineStatusTone[status]}>{lineStatusLabel(t, status)}</StatusBadge>;
}

/** Who decided a line, how and when: "By Jane Doe by phone, Mar 1, 2027, 10:00 AM". */
export function approvalText(t: TFunction, line: RepairLine): string {
  if (!line.approval) return '—';
  const { name, method, at } = line.approval;
  const words = { name, at: formatDateTime(at) };
  switch (method) {
    case 'link':
      return t('repairOrders:approval.link', words);
    case 'phone':
      return t('repairOrders:approval.phone', words);
    case 'in_person':
      return t('repairOrders:approval.inPerson', words);
  }
}

export const technicianNameOf = (t: TFunction, technicians: Technician[] | undefined, id: number | null) => {
  if (id === null) return '—';
  const found = technicians?.find((x) => x.id === id);
  return found ? `${found.first_name} ${found.last_name}` : t('repairOrders:lines.technicianNumber', { id });
};

function DeleteLine({ orderId, line }: { orderId: number; line: RepairLine }) {
  const { t } = useTranslation();
  const remove = useDeleteLine(orderId);
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button
        variant="light"
        color="red"
        size="compact-sm"
        mih={44}
        aria-label={t('repairOrders:lines.removeLabel', { description: line.description })}
        onClick={() => setAsking(true)}
      >
        {t('repairOrders:lines.remove')}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t('repairOrders:lines.removeTitle')}
        confirmLabel={t('repairOrders:lines.removeConfirm')}
        cancelLabel={t('repairOrders:lines.keep')}
        onConfirm={async () => {
          await remove.mutateAsync(line.id);
          toast.success(t('repairOrders:lines.removed'));
        }}
        onClose={() => setAsking(false)}
      >
        <p>
          {t('repairOrders:lines.removeWhat', {
            kind: kindLabel(t, line.kind),
            description: line.description,
            amount: formatMoney(line.amount),
          })}
        </p>
      </ConfirmDialog>
    </>
  );
}

/** Who works a labor line, changed in place (the API allows it until the line is done). */
function TechnicianPicker({
  orderId,
  line,
  technicians,
}: {
  orderId: number;
  line: RepairLine;
  technicians: Technician[] | undefined;
}) {
  const { t } = useTranslation();
  const assign = useAssignTechnician(orderId);
  const offered = (technicians ?? []).filter((x) => x.active !== false || x.id === line.technician);
  return (
    <NativeSelect
      size="xs"
      miw="9rem"
      aria-label={t('repairOrders:lines.technicianFor', { description: line.description })}
      value={line.technician === null ? '' : String(line.technician)}
      disabled={assign.isPending}
      onChange={(event) =>
        assign.mutate(
          { line: line.id, technician: event.currentTarget.value ? Number(event.currentTarget.value) : null },
          {
            onSuccess: () =>
              toast.success(t('repairOrders:lines.technicianChanged', { description: line.description })),
            onError: (error) => toast.error(errorMessage(error)),
          },
        )
      }
      data={[
        { value: '', label: t('repairOrders:lines.notAssigned') },
        ...offered.map((x) => ({ value: String(x.id), label: `${x.first_name} ${x.last_name}` })),
      ]}
    />
  );
}

function MarkDone({ orderId, line }: { orderId: number; line: RepairLine }) {
  const { t } = useTranslation();
  const done = useMarkLineDone(orderId);
  return (
    <Button
      variant="light"
      size="compact-sm"
      mih={44}
      loading={done.isPending}
      aria-busy={done.isPending || undefined}
      aria-label={t('repairOrders:lines.markDoneLabel', { description: line.description })}
      onClick={() =>
        done.mutate(line.id, {
          onSuccess: () => toast.success(t('repairOrders:lines.lineDone', { description: line.description })),
          onError: (error) => toast.error(errorMessage(error)),
        })
      }
    >
      {t('repairOrders:lines.markDone')}
    </Button>
  );
}

/** The order's lines: what, how the amount is reached, who does it, where it stands. */
export function LinesTable({
  orderId,
  lines,
  technicians,
  mayRemove,
  mayFinish,
  mayAssign,
}: {
  orderId: number;
  lines: RepairLine[];
  technicians: Technician[] | undefined;
  mayRemove: boolean;
  /** Whether this person may mark this approved line done (theirs, or anyone's for an advisor). */
  mayFinish: (line: RepairLine) => boolean;
  /** Whether who works the lines may be changed here (an advisor, before the invoice). */
  mayAssign: boolean;
}) {
  const { t } = useTranslation();
  const withActions = mayRemove || lines.some((line) => line.status === 'approved' && mayFinish(line));
  if (lines.length === 0) return <Empty>{t('repairOrders:lines.empty')}</Empty>;
  return (
    <div className="ro-lines">
      <Table.ScrollContainer minWidth={0}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <caption className="visually-hidden">{t('repairOrders:lines.caption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('repairOrders:lines.kind')}</Table.Th>
              <Table.Th scope="col">{t('repairOrders:lines.description')}</Table.Th>
              <Table.Th scope="col" ta="right" className="num">
                {t('repairOrders:lines.figures')}
              </Table.Th>
              <Table.Th scope="col" ta="right" className="num">
                {t('repairOrders:lines.amount')}
              </Table.Th>
              <Table.Th scope="col">{t('repairOrders:lines.technician')}</Table.Th>
              <Table.Th scope="col">{t('repairOrders:lines.statusAndApproval')}</Table.Th>
              <Table.Th scope="col" ta="right" className="num">
                {t('repairOrders:lines.clocked')}
              </Table.Th>
              {withActions && <Table.Th scope="col">{t('repairOrders:lines.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.id} className={`line-${line.status}`} data-testid={`line-${line.id}`}>
                <Table.Td data-label={t('repairOrders:lines.kind')}>{kindLabel(t, line.kind)}</Table.Td>
                <Table.Td data-label={t('repairOrders:lines.description')}>
                  {line.description}
                  {line.part_number && (
                    <Text component="span" size="xs" c="dimmed" className="line-meta">
                      {t('repairOrders:lines.partNumber', { number: line.part_number })}
                    </Text>
                  )}
                  {line.backordered && <StatusBadge tone="warning">{t('repairOrders:lines.backordered')}</StatusBadge>}
                </Table.Td>
                <Table.Td data-label={t('repairOrders:lines.figuresShort')} ta="right" className="num">
                  {lineFigures(line)}
                </Table.Td>
                <Table.Td data-label={t('repairOrders:lines.amount')} ta="right" className="num">
                  <span className="line-amount">{formatMoney(line.amount)}</span>
                </Table.Td>
                <Table.Td data-label={t('repairOrders:lines.technician')}>
                  {line.kind !== 'labor' ? (
                    '—'
                  ) : mayAssign && (line.status === 'proposed' || line.status === 'approved') ? (
                    <TechnicianPicker orderId={orderId} line={line} technicians={technicians} />
                  ) : (
                    technicianNameOf(t, technicians, line.technician)
                  )}
                </Table.Td>
                <Table.Td data-label={t('repairOrders:lines.status')}>
                  <span>
                    <LineStatusBadge status={line.status} />
                    {line.approval && (
                      <Text component="span" size="xs" c="dimmed" className="line-meta">
                        {approvalText(t, line)}
                      </Text>
                    )}
                  </span>
                </Table.Td>
                <Table.Td data-label={t('repairOrders:lines.clocked')} ta="right" className="num">
                  {line.kind === 'labor' ? hoursText(line.clocked_hours) : '—'}
                </Table.Td>
                {withActions && (
                  <Table.Td data-label={t('repairOrders:lines.actions')} className="line-actions">
                    <Group gap={6} wrap="wrap">
                      {mayRemove && line.status === 'proposed' && <DeleteLine orderId={orderId} line={line} />}
                      {line.status === 'approved' && mayFinish(line) && <MarkDone orderId={orderId} line={line} />}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
