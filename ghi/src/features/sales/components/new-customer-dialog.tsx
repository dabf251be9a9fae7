import { customerBody } from '@carcar/common/contract/sales';
import { useEffect, useId, useRef } from 'react';
import { FormFooter, TextField } from '../../../components/form';
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
  const dialog = useRef<HTMLDialogElement>(null);
  const create = useCreateCustomer();
  const titleId = useId();
  const { form, onSubmit } = useApiForm({
    schema: customerBody,
    defaultValues: { first_name: '', last_name: '', address: '', phone_number: '' },
    save: create.mutateAsync,
    success: 'Customer added and chosen for this sale',
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
          <h2 id={titleId}>New customer</h2>
        </header>
        <form onSubmit={onSubmit} noValidate aria-label="Add a customer">
          <TextField form={form} name="first_name" label="First name" autoComplete="off" />
          <TextField form={form} name="last_name" label="Last name" autoComplete="off" />
          <TextField form={form} name="address" label="Address" autoComplete="off" />
          <TextField form={form} name="phone_number" label="Phone number" type="tel" autoComplete="off" />
          <div className="record-actions">
            <button type="button" className="secondary" onClick={onClose}>
              Cancel
            </button>
            <FormFooter form={form} submit="Add customer" />
          </div>
        </form>
      </article>
    </dialog>
  );
}
