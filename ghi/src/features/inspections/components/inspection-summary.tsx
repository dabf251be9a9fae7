import '../inspections.css';
import { inspectionConditions } from '@carcar/common/contract/inspections';
import type { RepairOrder } from '@carcar/common/contract/repair-orders';
import { Link } from 'react-router-dom';
import { useTranslation } from '../../../lib/i18n';
import { conditionLabels } from '../conditions';
import { inspectionClosed } from '../order-closed';
import { ConditionChip } from './condition-chip';
import { PhotoStrip } from './finding-card';

/**
 * The inspection on the repair-order page: the tally, what needs work (yellow and red, with their
 * notes and photos) and the way to the full sheet.
 */
export function InspectionSummary({ order }: { order: RepairOrder }) {
  const { t } = useTranslation('inspections');
  const labels = conditionLabels(t);
  const attention = order.inspection
    .filter((i) => i.condition !== 'green')
    // Red first: what the customer should hear about first.
    .sort((a, b) => (a.condition === b.condition ? a.id - b.id : a.condition === 'red' ? -1 : 1));
  const count = (c: (typeof inspectionConditions)[number]) => order.inspection.filter((i) => i.condition === c).length;
  // A closed, invoiced or void order's inspection can no longer change: one not started is not
  // offered, one done is still there to read.
  const closed = inspectionClosed(order);
  const none = order.inspection.length === 0;
  return (
    <section aria-labelledby="inspection-heading" className="inspection-summary">
      <div className="page-heading">
        <h2 id="inspection-heading">{t('inspections:summary.heading')}</h2>
        {!(closed && none) && (
          <Link to={`/service/repair-orders/${order.id}/inspection`} role="button" className="secondary outline">
            {none ? t('inspections:summary.start') : t('inspections:summary.open')}
          </Link>
        )}
      </div>
      {none ? (
        <p className="empty">{closed ? t('inspections:summary.none') : t('inspections:summary.empty')}</p>
      ) : (
        <>
          <p className="inspection-tally">
            <strong>{t('inspections:summary.checked', { count: order.inspection.length })}</strong>
            {inspectionConditions.map((c) => (
              <span key={c} className={`tally ${c}`}>
                {count(c)} {labels[c].toLowerCase()}
              </span>
            ))}
          </p>
          {attention.length > 0 && (
            <ul className="summary-findings">
              {attention.map((item) => (
                <li key={item.id}>
                  <div className="finding-head">
                    <strong>{item.name}</strong> <ConditionChip condition={item.condition} />
                  </div>
                  {item.note && <p className="finding-note">{item.note}</p>}
                  <PhotoStrip item={item} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
