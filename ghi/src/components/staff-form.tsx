import type { StaffInput } from '@carcar/common/contract/people';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from '../lib/i18n';
import { FormFooter, TextField } from './form';

/** The add form technicians and salespeople share: the same three fields, the same body. */
export function StaffForm({
  form,
  onSubmit,
  label,
  submit,
}: {
  form: UseFormReturn<StaffInput, unknown, unknown>;
  onSubmit: () => void;
  label: string;
  submit: string;
}) {
  const { t } = useTranslation();
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label}>
      <div className="grid">
        <TextField form={form} name="first_name" label={t('common:staff.firstName')} />
        <TextField form={form} name="last_name" label={t('common:staff.lastName')} />
        <TextField form={form} name="employee_id" label={t('common:staff.employeeId')} />
      </div>
      <FormFooter form={form} submit={submit} />
    </form>
  );
}
