import { InspectionSummary } from '../features/inspections/components/inspection-summary';
import { PartPicker } from '../features/parts/components/part-picker';
import { RepairOrderPage } from '../features/repair-orders/components/repair-order-page';

/**
 * `/service/repair-orders/:id`: the repair-orders feature's page with the inspections feature's
 * summary and the parts feature's picker in it. Features do not import each other; they meet here.
 */
export function RepairOrderRoute() {
  return <RepairOrderPage inspection={(order) => <InspectionSummary order={order} />} partPicker={PartPicker} />;
}
