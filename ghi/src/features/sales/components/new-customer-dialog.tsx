import { customerBody } from '@carcar/common/contract/sales';
import { useEffect, useId, useRef } from 'react';
import { FormFooter, TextField } from '../../../components/form';
import { useTranslation } from '../../../lib/i18n';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateCustomer } from '../api/create-customer';
import type { Customer } from '../types';

/**
 * Adding a customer without leaving the sale being recorded: a small form in a native modal dialog.
 * Escape or Cancel closes it and nothing is added; the customer saved is handed to `onAdded`.
 */
export function NewCustomerDialog({
  open,
  onClose,
  onAdded,
}: {
  open: boolean;
  onClose: () => void;
  onAdded: (customer: Customer) => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const create = useCreateCustomer();
  const titleId = useId();
  const { form, onSubmit } = useApiForm({
    schema: customerBody,
    defaultValues: { first_name: '', last_name: '', address: '', phone_number: '' },
    save: create.mutateAsync,
    success: t('sales:newCustomer.added'),
    onSaved: (customer) => {
      onAdded(customer as Customer);
      onClose();
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: only opening and closing matter
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      form.reset();
      element.showModal?.();
      form.setFocus('first_name');
    } else if (!open && element.open) {
      element.close?.();
    }
  }, [open]);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <article>
        <header>
          <h2 id={titleId}>{t('sales:newCustomer.title')}</h2>
        </header>
        <form onSubmit={onSubmit} noValidate aria-label={t('people:customers.addForm')}>
          <TextField form={form} name="first_name" label={t('common:staff.firstName')} autoComplete="off" />
          <TextField form={form} name="last_name" label={t('common:staff.lastName')} autoComplete="off" />
          <TextField form={form} name="address" label={t('people:customers.address')} autoComplete="off" />
          <TextField
            form={form}
            name="phone_number"
            label={t('people:customers.phone')}
            type="tel"
            autoComplete="off"
          />
          <div className="record-actions">
            <button type="button" className="secondary" onClick={onClose}>
              {t('common:confirm.cancel')}
            </button>
            <FormFooter form={form} submit={t('people:customers.add')} />
          </div>
        </form>
      </article>
    </dialog>
  );
}
