import { customerBody } from '@carcar/common/contract/sales';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateCustomer } from '../api/create-customer';
import type { Customer } from '../types';

/**
 * The add-a-customer form, as the customers page and the sale's dialog both open it: empty, checked
 * against the contract, and the customer saved handed on once `success` has been said.
 */
export function useAddCustomerForm(success: string, onAdded: (customer: Customer) => void) {
  const create = useCreateCustomer();
  return useApiForm({
    schema: customerBody,
    defaultValues: { first_name: '', last_name: '', address: '', phone_number: '' },
    save: create.mutateAsync,
    success,
    onSaved: (customer) => onAdded(customer as Customer),
  });
}
