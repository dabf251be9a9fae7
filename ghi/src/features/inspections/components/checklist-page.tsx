import '../inspections.css';
import { MAX_TEMPLATE_ITEMS } from '@carcar/common/contract/inspections';
import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { toast } from 'sonner';
import { BusyButton, FormError } from '../../../components/form';
import { ErrorState, Loading } from '../../../components/states';
import { serviceApi } from '../../../lib/api-client';
import { useTranslation } from '../../../lib/i18n';
import { serviceKeys } from '../../../lib/query-keys';
import { useInspectionTemplate } from '../api/get-inspection-template';
import { problemOf } from '../problem';

/** The typed list as the API takes it: one item a line, blank lines and surrounding spaces dropped. */
export const checklistItems = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((name) => ({ name }));

/**
 * A manager's page for the shop's inspection checklist: the items a technician walks through on every
 * car, in their order, one a line. Orders already inspected keep their findings.
 */
export function ChecklistPage() {
  const { t } = useTranslation('inspections');
  const template = useInspectionTemplate();
  const queryClient = useQueryClient();
  const id = useId();
  // What the manager typed; until then (and again once saved) the shop's list as the API has it.
  // Derived rather than copied in by an effect, so the box is never seen empty before the copy.
  const [edited, setEdited] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (template.isLoading) return <Loading />;
  if (template.error) return <ErrorState error={template.error} retry={() => template.refetch()} />;
  const text = edited ?? (template.data?.items ?? []).map((i) => i.name).join('\n');
  const items = checklistItems(text);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      const saved = (await serviceApi.put(pathTo(serviceApiRoutes.inspectionTemplate.update), { items })).data;
      queryClient.setQueryData(serviceKeys.inspectionTemplate, saved);
      setEdited(null);
      toast.success(t('inspections:checklist.saved'));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <h1>{t('inspections:checklist.title')}</h1>
      <p>{t('inspections:checklist.intro', { max: MAX_TEMPLATE_ITEMS })}</p>
      <form onSubmit={save} noValidate aria-label={t('inspections:checklist.form')} className="inspection-sheet">
        <Textarea
          id={id}
          label={t('inspections:checklist.items')}
          // The count of items as they will be saved, read with the box.
          description={t('inspections:checklist.count', { count: items.length })}
          rows={Math.min(24, Math.max(8, items.length + 2))}
          value={text}
          onChange={(event) => setEdited(event.currentTarget.value)}
          mb="sm"
        />
        {problem && <FormError>{problem}</FormError>}
        <BusyButton type="submit" busy={saving}>
          {t('inspections:checklist.save')}
        </BusyButton>
      </form>
    </>
  );
}
