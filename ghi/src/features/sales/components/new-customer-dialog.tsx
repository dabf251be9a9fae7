import { Button, Group, Modal } from '@mantine/core';
import { FormFooter, TextField } from '../../../components/form';
import { useTranslation } from '../../../lib/i18n';
import type { Customer } from '../types';
import { useAddCustomerForm } from './customer-form';

/** The form, mounted afresh each time the dialog opens: it starts empty, the first name focused. */
function NewCustomerForm({ onClose, onAdded }: { onClose: () => void; onAdded: (customer: Customer) => void }) {
  const { t } = useTranslation();
  const { form, onSubmit } = useAddCustomerForm(t('sales:newCustomer.added'), (customer) => {
    onAdded(customer);
    onClose();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('people:customers.addForm')}>
      {/* The modal's focus trap starts on the first name, not on its close button. */}
      <TextField form={form} name="first_name" label={t('common:staff.firstName')} autoComplete="off" data-autofocus />
      <TextField form={form} name="last_name" label={t('common:staff.lastName')} autoComplete="off" />
      <TextField form={form} name="address" label={t('people:customers.address')} autoComplete="off" />
      <TextField form={form} name="phone_number" label={t('people:customers.phone')} type="tel" autoComplete="off" />
      <Group justify="flex-end" gap="xs" align="flex-start">
        <Button variant="default" onClick={onClose}>
          {t('common:confirm.cancel')}
        </Button>
        <FormFooter form={form} submit={t('people:customers.add')} />
      </Group>
    </form>
  );
}

/**
 * Adding a customer without leaving the sale being recorded: a small form in a modal dialog.
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
  return (
    <Modal
      opened={open}
      onClose={onClose}
      title={t('sales:newCustomer.title')}
      centered
      closeButtonProps={{ 'aria-label': t('components:listPage.close') }}
    >
      {open && <NewCustomerForm onClose={onClose} onAdded={onAdded} />}
    </Modal>
  );
}
