import type { InspectionCondition } from '@carcar/common/contract/inspections';
import { conditionLabels, conditionMeaning } from '../conditions';

/** A finding's condition as a coloured chip that also says it in a word. */
export function ConditionChip({ condition }: { condition: InspectionCondition }) {
  return (
    <span className={`condition-chip ${condition}`} title={conditionMeaning[condition]}>
      <span aria-hidden="true" className="condition-dot" />
      {conditionLabels[condition]}
      <span className="visually-hidden"> ({condition})</span>
    </span>
  );
}
