import type { InspectionCondition, InspectionItem } from '@carcar/common/contract/inspections';
import { Button, Fieldset, Stack } from '@mantine/core';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import { BusyButton, FormError } from '../../../components/form';
import { useTranslation } from '../../../lib/i18n';
import { useUpdateInspectionItem } from '../api/inspection';
import { problemOf } from '../problem';
import { ConditionChoices } from './condition-choices';
import { FindingName, FindingNote } from './finding-fields';

/**
 * A recorded finding changed in place: its name, condition and note, filled in as they are. Only
 * what changed is sent, so a finding another technician changed meanwhile keeps their other
 * fields. Escape or Cancel leaves it as it was.
 */
export function EditFinding({
  orderId,
  item,
  onDone,
}: {
  orderId: number;
  item: InspectionItem;
  /** Called after a save or a cancel: the card shows the finding again. */
  onDone: () => void;
}) {
  const { t } = useTranslation('inspections');
  const update = useUpdateInspectionItem(orderId);
  const ids = useId();
  const nameBox = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(item.name);
  const [condition, setCondition] = useState<InspectionCondition>(item.condition);
  const [note, setNote] = useState(item.note ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  // The form replaces the card's text: focus goes to its first field, where the keyboard was.
  useEffect(() => nameBox.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setProblem(t('inspections:record.nameMissing'));
    const newNote = note.trim() || null;
    const change = {
      ...(trimmed === item.name ? {} : { name: trimmed }),
      ...(condition === item.condition ? {} : { condition }),
      ...(newNote === item.note ? {} : { note: newNote }),
    };
    if (Object.keys(change).length === 0) return onDone();
    setProblem(null);
    try {
      await update.mutateAsync({ itemId: item.id, ...change });
      toast.success(t('inspections:edit.saved', { name: trimmed }));
      onDone();
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  return (
    <form
      className={`record-item chosen ${condition}`}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !update.isPending) {
          event.preventDefault();
          onDone();
        }
      }}
      noValidate
    >
      <Fieldset legend={t('inspections:edit.legend', { name: item.name })} radius="md" p="sm">
        <Stack gap="xs">
          <FindingName ref={nameBox} id={`${ids}-name`} value={name} onChange={setName} />
          <ConditionChoices
            name={`${ids}-condition`}
            findingName={item.name}
            condition={condition}
            onChange={setCondition}
          />
          <FindingNote id={`${ids}-note`} condition={condition} value={note} onChange={setNote} />
          {/* Large: tapped with a thumb on the sheet (inspections.css makes them the row's halves). */}
          <div className="finding-actions">
            <BusyButton type="submit" size="lg" fullWidth busy={update.isPending}>
              {t('inspections:edit.save')}
            </BusyButton>
            <Button type="button" variant="default" size="lg" fullWidth disabled={update.isPending} onClick={onDone}>
              {t('inspections:edit.cancel')}
            </Button>
          </div>
          {problem && <FormError mb={0}>{problem}</FormError>}
        </Stack>
      </Fieldset>
    </form>
  );
}
