import { type InspectionCondition, inspectionConditions } from '@carcar/common/contract/inspections';
import { Chip } from '@mantine/core';
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
        // The library's chip as a native radio button (its input, then its label): unstyled, since
        // the three chips keep their own colours, chosen for contrast in inspections.css.
        <Chip
          key={c}
          unstyled
          type="radio"
          name={name}
          value={c}
          checked={condition === c}
          onChange={(checked) => checked && onChange(c)}
          icon={null}
          classNames={{ root: 'condition-choice-root', input: 'condition-input', label: `condition-choice ${c}` }}
          wrapperProps={{ title: meanings[c] }}
        >
          {labels[c]}
          <span className="visually-hidden"> ({colors[c]})</span>
        </Chip>
      ))}
    </div>
  );
}
