import '../repair-orders.css';
import { useParams } from 'react-router-dom';
import {
  Facts,
  LineItems,
  Paper,
  PaperSection,
  SignatureLines,
  stockCarOnPaper,
  Totals,
  usePaperCar,
  vehicleFacts,
} from '../../../components/paper';
import { ErrorState, Loading } from '../../../components/states';
import { isMissingRecord } from '../../../lib/api-client';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useRepairOrder } from '../api/get-repair-order';
import { useTechnicians } from '../api/get-technicians';
import { kindLabel, methodLabel, type RepairLine, statusLabel } from '../types';
import { lineFigures, technicianNameOf } from './lines-table';
import { RepairOrderNotFound } from './order-not-found';

/**
 * The invoice of one repair order to print and hand over (an estimate until it is invoiced): the
 * customer, the car, the billed work and what was declined, the totals and the payments.
 */
export function RepairOrderPrintPage() {
  const { t } = useTranslation();
  const rawId = useParams().id ?? '';
  const id = Number(rawId);
  const order = useRepairOrder(id);
  const technicians = useTechnicians();
  // Year, make, model and color as inventory knows the car; an outside car is named by its VIN.
  const car = usePaperCar(order.data?.vin);
  if (isMissingRecord(id, order.error)) {
    return <RepairOrderNotFound rawId={rawId} />;
  }
  if (order.isLoading || car.isLoading) return <Loading />;
  if (order.error || !order.data) return <ErrorState error={order.error} retry={() => order.refetch()} />;
  const o = order.data;
  const invoiced = o.status === 'invoiced' || o.status === 'closed';
  const billed = o.lines.filter((l) => l.status === 'approved' || l.status === 'done');
  const declined = o.lines.filter((l) => l.status === 'declined');
  const proposed = o.lines.filter((l) => l.status === 'proposed');
  const sums = o.totals;
  return (
    <Paper
      title={invoiced ? t('repairOrders:print.invoice') : t('repairOrders:print.estimate')}
      number={t('repairOrders:print.number', { id: o.id })}
      date={formatDateTime(o.invoiced_at ?? o.created_at)}
      back={{ to: `/service/repair-orders/${o.id}`, label: t('repairOrders:print.back', { id: o.id }) }}
    >
      {o.status === 'void' && (
        <p>
          <strong>
            {o.void_reason
              ? t('repairOrders:print.voidWithReason', { reason: o.void_reason })
              : t('repairOrders:print.void')}
          </strong>
        </p>
      )}
      <PaperSection title={t('repairOrders:print.customer')}>
        <Facts
          facts={[
            { label: t('repairOrders:print.name'), value: o.customer.name },
            o.customer.phone && { label: t('repairOrders:print.phone'), value: o.customer.phone },
            o.customer.email && { label: t('repairOrders:print.email'), value: o.customer.email },
          ]}
        />
      </PaperSection>
      <PaperSection title={t('repairOrders:print.vehicle')}>
        <Facts facts={vehicleFacts(t, { vin: o.vin, car: stockCarOnPaper(car.data), mileage: o.mileage })} />
      </PaperSection>
      <PaperSection title={t('repairOrders:print.concern')}>
        <p>{o.concern}</p>
      </PaperSection>
      <PaperSection title={invoiced ? t('repairOrders:print.workDone') : t('repairOrders:print.work')}>
        <PaperLines
          label={invoiced ? t('repairOrders:print.workDone') : t('repairOrders:print.work')}
          lines={invoiced ? billed : [...billed, ...proposed]}
          technicianName={(tid) => technicianNameOf(t, technicians.data, tid)}
        />
      </PaperSection>
      {declined.length > 0 && (
        <PaperSection title={t('repairOrders:print.declinedHeading')}>
          <PaperLines label={t('repairOrders:print.declined')} lines={declined} technicianName={() => ''} />
        </PaperSection>
      )}
      <PaperSection title={t('repairOrders:totals.title')}>
        <Totals
          label={t('repairOrders:totals.title')}
          lines={[
            { label: t('repairOrders:totals.labor'), value: formatMoney(sums.labor) },
            { label: t('repairOrders:totals.parts'), value: formatMoney(sums.parts) },
            { label: t('repairOrders:totals.fees'), value: formatMoney(sums.fees) },
            { label: t('repairOrders:totals.subtotal'), value: formatMoney(sums.subtotal), total: true },
            { label: t('repairOrders:totals.tax'), value: formatMoney(sums.tax) },
            { label: t('repairOrders:totals.total'), value: formatMoney(sums.total), total: true },
            { label: t('repairOrders:totals.paid'), value: formatMoney(sums.paid) },
            { label: t('repairOrders:totals.balance'), value: formatMoney(sums.balance), total: true },
          ]}
        />
        {o.payments.length > 0 && (
          <p>
            {t('repairOrders:print.payments', {
              payments: o.payments
                .map((p) =>
                  t('repairOrders:print.payment', {
                    amount: formatMoney(p.amount),
                    method: methodLabel(t, p.method).toLowerCase(),
                    at: formatDateTime(p.at),
                  }),
                )
                .join('; '),
            })}
          </p>
        )}
        <p>{t('repairOrders:print.status', { status: statusLabel(t, o.status) })}</p>
      </PaperSection>
      <SignatureLines signers={[t('repairOrders:print.signCustomer'), t('repairOrders:print.signAdvisor')]} />
    </Paper>
  );
}

/** Lines of the order as line items: what each is, how its amount was reached, the amount. */
function PaperLines({
  label,
  lines,
  technicianName,
}: {
  label: string;
  lines: RepairLine[];
  technicianName: (id: number | null) => string;
}) {
  const { t } = useTranslation();
  if (lines.length === 0) return <p>{t('repairOrders:print.none')}</p>;
  return (
    <LineItems
      label={label}
      columns={[
        { label: t('repairOrders:print.item') },
        { label: t('repairOrders:lines.figures'), numeric: true },
        { label: t('repairOrders:lines.amount'), numeric: true },
      ]}
      rows={lines.map((line) => ({
        key: line.id,
        cells: [
          <>
            {kindLabel(t, line.kind)}: {line.description}
            {line.part_number && (
              <>
                {' '}
                <span className="paper-nowrap">{t('repairOrders:print.partNumber', { number: line.part_number })}</span>
              </>
            )}
            {line.kind === 'labor' && line.technician !== null && technicianName(line.technician)
              ? ` · ${technicianName(line.technician)}`
              : ''}
          </>,
          lineFigures(line),
          formatMoney(line.amount),
        ],
      }))}
    />
  );
}
