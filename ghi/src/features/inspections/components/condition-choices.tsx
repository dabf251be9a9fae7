import { type InspectionCondition, inspectionConditions } from '@carcar/common/contract/inspections';
import { useTranslation } from '../../../lib/i18n';
import { conditionColors, conditionLabels, conditionMeaning } from '../conditions';

/**
 * Green, yellow or red for one finding, as large radio buttons: each names its color for screen
 * readers and says what it means on hover. Used where a finding is recorded and where it is changed.
 */
export function ConditionChoices({
  name,
  findingName,
  condition,
  onChange,
}: {
  /** The radio group's name, unique on the page. */
  name: string;
  /** The finding the choice is for, in the group's accessible name. */
  findingName: string;
  condition: InspectionCondition | null | undefined;
  onChange: (condition: InspectionCondition) => void;
}) {
  const { t } = useTranslation('inspections');
  const labels = conditionLabels(t);
  const meanings = conditionMeaning(t);
  const colors = conditionColors(t);
  return (
    <div
      className="condition-choices"
      role="radiogroup"
      aria-label={t('inspections:record.conditionOf', { name: findingName })}
    >
      {inspectionConditions.map((c) => (
        <label key={c} className={`condition-choice ${c}`} title={meanings[c]}>
          <input type="radio" name={name} value={c} checked={condition === c} onChange={() => onChange(c)} />
          <span>{labels[c]}</span>
          <span className="visually-hidden"> ({colors[c]})</span>
        </label>
      ))}
    </div>
  );
}
