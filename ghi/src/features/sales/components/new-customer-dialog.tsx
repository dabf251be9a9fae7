import { Button, Group, Modal } from '@mantine/core';
import { FormFooter } from '../../../components/form';
import { useTranslation } from '../../../lib/i18n';
import type { Customer } from '../types';
import { CustomerFields } from './customer-fields';
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
      <CustomerFields form={form} narrow />
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
