import type { UseFormReturn } from 'react-hook-form';
import { SelectField } from '../../../components/form';
import { useLinkableSalespeople } from '../api/get-salespeople';
import { useLinkableTechnicians } from '../api/get-technicians';
import { staffOptions } from '../options';

interface LinkFields {
  technician_id: string | number;
  salesperson_id: string | number;
}

/**
 * Which technician or salesperson this account is: a technician finishes only their own
 * appointments, a salesperson reads only their own sales.
 */
export function UserLinks<V extends LinkFields>({ form }: { form: UseFormReturn<V, unknown, unknown> }) {
  const technicians = useLinkableTechnicians();
  const salespeople = useLinkableSalespeople();
  const linkForm = form as unknown as UseFormReturn<LinkFields, unknown, unknown>;
  return (
    <div className="grid">
      <SelectField
        form={linkForm}
        name="technician_id"
        label="Linked technician"
        placeholder={technicians.isLoading ? 'Loading technicians…' : 'Not linked'}
        options={staffOptions(technicians.data)}
      />
      <SelectField
        form={linkForm}
        name="salesperson_id"
        label="Linked salesperson"
        placeholder={salespeople.isLoading ? 'Loading salespeople…' : 'Not linked'}
        options={staffOptions(salespeople.data)}
      />
    </div>
  );
}
