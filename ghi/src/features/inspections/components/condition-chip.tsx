import type { InspectionCondition } from '@carcar/common/contract/inspections';
import { useTranslation } from '../../../lib/i18n';
import { conditionColors, conditionLabels, conditionMeaning } from '../conditions';

/** A finding's condition as a colored chip that also says it in a word. */
export function ConditionChip({ condition }: { condition: InspectionCondition }) {
  const { t } = useTranslation('inspections');
  return (
    <span className={`condition-chip ${condition}`} title={conditionMeaning(t)[condition]}>
      <span aria-hidden="true" className="condition-dot" />
      {conditionLabels(t)[condition]}
      <span className="visually-hidden"> ({conditionColors(t)[condition]})</span>
    </span>
  );
}
