import type { InspectionCondition } from '@carcar/common/contract/inspections';
import { Textarea } from '@mantine/core';
import { useTranslation } from '../../../lib/i18n';

/** A finding's note: optional on a green one, what was seen on any other. */
export function FindingNote({
  id,
  condition,
  value,
  onChange,
}: {
  id?: string;
  condition: InspectionCondition;
  value: string;
  onChange: (note: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Textarea
      id={id}
      label={condition === 'green' ? t('inspections:record.noteOptional') : t('inspections:record.noteWhatYouSaw')}
      rows={2}
      maxLength={1000}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
