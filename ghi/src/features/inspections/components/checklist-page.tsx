import '../inspections.css';
import { MAX_TEMPLATE_ITEMS } from '@carcar/common/contract/inspections';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { toast } from 'sonner';
import { ErrorState, Loading } from '../../../components/states';
import { ApiError, errorMessage, serviceApi } from '../../../lib/api-client';
import { inspectionTemplateKey, useInspectionTemplate } from '../api/get-inspection-template';

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
  const template = useInspectionTemplate();
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (template.data) setText(template.data.items.map((i) => i.name).join('\n'));
  }, [template.data]);
  if (template.isLoading) return <Loading />;
  if (template.error) return <ErrorState error={template.error} retry={() => template.refetch()} />;
  const items = checklistItems(text);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      const saved = (await serviceApi.put('/api/inspection-template/', { items })).data;
      queryClient.setQueryData(inspectionTemplateKey, saved);
      toast.success('Checklist saved');
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.fieldErrors[0] ? error.fieldErrors[0].message : errorMessage(error),
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <h1>Inspection checklist</h1>
      <p>
        What a technician checks on every car, in this order, one item a line (up to {MAX_TEMPLATE_ITEMS}). Orders
        already inspected keep what was found.
      </p>
      <form onSubmit={save} noValidate aria-label="Inspection checklist" className="inspection-sheet">
        <label htmlFor={id}>Items</label>
        <textarea
          id={id}
          rows={Math.min(24, Math.max(8, items.length + 2))}
          value={text}
          aria-describedby={`${id}-count`}
          onChange={(event) => setText(event.target.value)}
        />
        <small id={`${id}-count`}>
          {items.length} {items.length === 1 ? 'item' : 'items'}
        </small>
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
        <button type="submit" disabled={saving} aria-busy={saving || undefined}>
          Save checklist
        </button>
      </form>
    </>
  );
}
