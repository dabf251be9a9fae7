import '../repair-orders.css';
import { Link, useParams } from 'react-router-dom';
import { Paper, SignatureLines, VinFacts } from '../../../components/paper';
import { ErrorState, Loading, NotFound } from '../../../components/states';
import { isMissingRecord } from '../../../lib/api-client';
import { formatDateTime, formatMoney, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useRepairOrder } from '../api/get-repair-order';
import { useTechnicians } from '../api/get-technicians';
import { kindLabel, methodLabel, type RepairLine, statusLabel } from '../types';
import { lineFigures, technicianNameOf } from './lines-table';

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
  if (isMissingRecord(id, order.error)) {
    return (
      <NotFound title={t('repairOrders:order.notFound')}>
        {t('repairOrders:order.noSuch', { id: rawId })}{' '}
        <Link to="/service/repair-orders">{t('repairOrders:order.backToList')}</Link>.
      </NotFound>
    );
  }
  if (order.isLoading) return <Loading />;
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
      <div className="paper-parties">
        <section aria-label={t('repairOrders:print.customer')}>
          <h2>{t('repairOrders:print.customer')}</h2>
          <dl>
            <dt>{t('repairOrders:print.name')}</dt>
            <dd>{o.customer.name}</dd>
            {o.customer.phone && (
              <>
                <dt>{t('repairOrders:print.phone')}</dt>
                <dd>{o.customer.phone}</dd>
              </>
            )}
            {o.customer.email && (
              <>
                <dt>{t('repairOrders:print.email')}</dt>
                <dd>{o.customer.email}</dd>
              </>
            )}
          </dl>
        </section>
        <section aria-label={t('repairOrders:print.vehicle')}>
          <h2>{t('repairOrders:print.vehicle')}</h2>
          <dl>
            <VinFacts vin={o.vin} />
            <dt>{t('repairOrders:print.mileage')}</dt>
            <dd>{t('repairOrders:writeUp.miles', { mileage: formatNumber(o.mileage) })}</dd>
          </dl>
        </section>
      </div>
      <section aria-label={t('repairOrders:print.concern')}>
        <h2>{t('repairOrders:print.concern')}</h2>
        <p>{o.concern}</p>
      </section>
      <section aria-label={t('repairOrders:print.work')}>
        <h2>{invoiced ? t('repairOrders:print.workDone') : t('repairOrders:print.work')}</h2>
        <PaperLines
          lines={invoiced ? billed : [...billed, ...proposed]}
          technicianName={(tid) => technicianNameOf(t, technicians.data, tid)}
        />
      </section>
      {declined.length > 0 && (
        <section aria-label={t('repairOrders:print.declined')}>
          <h2>{t('repairOrders:print.declinedHeading')}</h2>
          <PaperLines lines={declined} technicianName={() => ''} />
        </section>
      )}
      <section aria-label={t('repairOrders:totals.title')} className="paper-totals">
        <h2>{t('repairOrders:totals.title')}</h2>
        <dl>
          <dt>{t('repairOrders:totals.labor')}</dt>
          <dd className="money">{formatMoney(sums.labor)}</dd>
          <dt>{t('repairOrders:totals.parts')}</dt>
          <dd className="money">{formatMoney(sums.parts)}</dd>
          <dt>{t('repairOrders:totals.fees')}</dt>
          <dd className="money">{formatMoney(sums.fees)}</dd>
          <dt>{t('repairOrders:totals.subtotal')}</dt>
          <dd className="money">{formatMoney(sums.subtotal)}</dd>
          <dt>{t('repairOrders:totals.tax')}</dt>
          <dd className="money">{formatMoney(sums.tax)}</dd>
          <dt>{t('repairOrders:totals.total')}</dt>
          <dd className="money paper-total">{formatMoney(sums.total)}</dd>
          <dt>{t('repairOrders:totals.paid')}</dt>
          <dd className="money">{formatMoney(sums.paid)}</dd>
          <dt>{t('repairOrders:totals.balance')}</dt>
          <dd className="money">{formatMoney(sums.balance)}</dd>
        </dl>
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
      </section>
      <SignatureLines signers={[t('repairOrders:print.signCustomer'), t('repairOrders:print.signAdvisor')]} />
    </Paper>
  );
}

function PaperLines({ lines, technicianName }: { lines: RepairLine[]; technicianName: (id: number | null) => string }) {
  const { t } = useTranslation();
  if (lines.length === 0) return <p>{t('repairOrders:print.none')}</p>;
  return (
    <table className="paper-lines">
      <thead>
        <tr>
          <th scope="col">{t('repairOrders:print.item')}</th>
          <th scope="col" className="num">
            {t('repairOrders:lines.figures')}
          </th>
          <th scope="col" className="num">
            {t('repairOrders:lines.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.id}>
            <td>
              {kindLabel(t, line.kind)}: {line.description}
              {line.part_number ? ` ${t('repairOrders:print.partNumber', { number: line.part_number })}` : ''}
              {line.kind === 'labor' && line.technician !== null && technicianName(line.technician)
                ? ` · ${technicianName(line.technician)}`
                : ''}
            </td>
            <td className="num">{lineFigures(line)}</td>
            <td className="num">{formatMoney(line.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
