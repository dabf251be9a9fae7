import type { InspectionCondition } from '@carcar/common/contract/inspections';
import { Textarea, TextInput } from '@mantine/core';
import type { Ref } from 'react';
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

/** What was inspected, in the technician's words (a point of the checklist renamed, or one of their own). */
export function FindingName({
  ref,
  id,
  value,
  onChange,
}: {
  ref?: Ref<HTMLInputElement>;
  id?: string;
  value: string;
  onChange: (name: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      ref={ref}
      id={id}
      label={t('inspections:record.whatInspected')}
      value={value}
      maxLength={100}
      autoComplete="off"
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}
