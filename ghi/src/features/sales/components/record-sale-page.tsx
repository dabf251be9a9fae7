import { saleCreateBody } from '@carcar/common/contract/sales';
import { FormFooter, SelectField, TextField } from '../../../components/form';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateSale } from '../api/create-sale';
import { useCustomers } from '../api/get-customers';
import { useSaleableCars } from '../api/get-saleable-cars';
import { useSalespeople } from '../api/get-salespeople';
import { personName } from '../types';

export function RecordSalePage() {
  const cars = useSaleableCars();
  const salespeople = useSalespeople();
  const customers = useCustomers();
  const create = useCreateSale();
  const { form, onSubmit } = useApiForm({
    schema: saleCreateBody,
    defaultValues: { automobile: '', salesperson: '', customer: '', price: '' },
    save: create.mutateAsync,
    success: 'Sale recorded',
  });
  return (
    <>
      <h1>Record a sale</h1>
      <form onSubmit={onSubmit} noValidate aria-label="Record a sale">
        <SelectField
          form={form}
          name="automobile"
          label="Automobile"
          placeholder={cars.isLoading ? 'Loading cars…' : 'Choose an unsold car'}
          options={(cars.data ?? []).map((car) => ({
            value: car.vin,
            label: `${car.vin} · ${car.year} ${car.manufacturer} ${car.model}, ${car.color}`,
          }))}
        />
        <div className="grid">
          <SelectField
            form={form}
            name="salesperson"
            label="Salesperson"
            placeholder="Choose a salesperson"
            options={(salespeople.data ?? []).map((p) => ({ value: p.id, label: personName(p) }))}
          />
          <SelectField
            form={form}
            name="customer"
            label="Customer"
            placeholder="Choose a customer"
            options={(customers.data ?? []).map((c) => ({ value: c.id, label: personName(c) }))}
          />
          <TextField form={form} name="price" label="Price (USD)" type="number" step="0.01" min="0" />
        </div>
        <FormFooter form={form} submit="Record sale" />
      </form>
    </>
  );
}
