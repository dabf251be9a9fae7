import { saleCreateBody } from '@carcar/common/contract/sales';
import { normalizeVin } from '@carcar/common/contract/vin';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller } from 'react-hook-form';
import { Link } from 'react-router-dom';
import '../../../components/record.css';
import { Combobox } from '../../../components/combobox';
import { FormFooter, SelectField, TextField } from '../../../components/form';
import { VinLink } from '../../../components/vin-link';
import { useCan } from '../../../lib/auth';
import { salePath } from '../../../lib/paths';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateSale } from '../api/create-sale';
import { useCustomers } from '../api/get-customers';
import { getSaleableCars, saleableCarsKey, useSaleableCars } from '../api/get-saleable-cars';
import { useSalespeople } from '../api/get-salespeople';
import { personName, type Sale, type SaleableCar } from '../types';
import { NewCustomerDialog } from './new-customer-dialog';

const describeCar = (car: SaleableCar) => `${car.year} ${car.manufacturer} ${car.model}, ${car.color}`;

/** Unsold cars whose VIN, make, model, color or year holds every word typed; the first 10. */
function matchCars(cars: SaleableCar[], query: string): SaleableCar[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return cars
    .filter((car) => {
      const text = `${car.vin} ${describeCar(car)}`.toLowerCase();
      return words.every((word) => text.includes(word));
    })
    .slice(0, 10);
}

export function RecordSalePage() {
  const queryClient = useQueryClient();
  const cars = useSaleableCars();
  const salespeople = useSalespeople({ active: true });
  const customers = useCustomers();
  const create = useCreateSale();
  const mayAddCustomer = useCan('customers.create');
  const [recorded, setRecorded] = useState<Sale | null>(null);
  const [addingCustomer, setAddingCustomer] = useState(false);
  const { form, onSubmit } = useApiForm({
    schema: saleCreateBody,
    defaultValues: { automobile: '', salesperson: '', customer: '', price: '' },
    save: create.mutateAsync,
    success: 'Sale recorded',
    onSaved: (sale) => setRecorded(sale as Sale),
  });
  // The customer just added is chosen once the picker lists them (a native select keeps only a value it offers).
  const [newCustomer, setNewCustomer] = useState<number | null>(null);
  useEffect(() => {
    if (newCustomer !== null && customers.data?.some((c) => c.id === newCustomer)) {
      form.setValue('customer', String(newCustomer), { shouldValidate: true });
      setNewCustomer(null);
    }
  }, [newCustomer, customers.data, form]);
  const typedVin = normalizeVin(String(form.watch('automobile') ?? ''));
  const chosenCar = cars.data?.find((car) => car.vin === typedVin);
  return (
    <>
      <h1>Record a sale</h1>
      <form onSubmit={onSubmit} noValidate aria-label="Record a sale">
        <Controller
          control={form.control}
          name="automobile"
          render={({ field, fieldState }) => (
            <Combobox<SaleableCar>
              id="field-automobile"
              label="Automobile"
              name={field.name}
              inputRef={field.ref}
              value={String(field.value ?? '')}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
              placeholder="Type a VIN, make, model or color"
              hint={
                chosenCar ? `${describeCar(chosenCar)}: in stock, unsold.` : 'Only unsold cars in stock are offered.'
              }
              noMatches="No unsold car in stock matches."
              minLength={1}
              debounceMs={100}
              loadOptions={async (query) =>
                matchCars(
                  await queryClient.ensureQueryData({ queryKey: saleableCarsKey, queryFn: getSaleableCars }),
                  query,
                )
              }
              optionKey={(car) => car.vin}
              optionText={(car) => car.vin}
              renderOption={(car) => (
                <>
                  <code>{car.vin}</code> · {describeCar(car)}
                </>
              )}
            />
          )}
        />
        <div className="grid">
          <SelectField
            form={form}
            name="salesperson"
            label="Salesperson"
            placeholder={salespeople.isLoading ? 'Loading salespeople…' : 'Choose a salesperson'}
            options={(salespeople.data ?? []).map((p) => ({ value: p.id, label: personName(p) }))}
          />
          <div className="inline-actions">
            <SelectField
              form={form}
              name="customer"
              label="Customer"
              placeholder={customers.isLoading ? 'Loading customers…' : 'Choose a customer'}
              options={(customers.data ?? []).map((c) => ({
                value: c.id,
                label: `${personName(c)} · ${c.phone_number}`,
              }))}
            />
            {mayAddCustomer && (
              <button type="button" className="secondary outline" onClick={() => setAddingCustomer(true)}>
                New customer
              </button>
            )}
          </div>
          <TextField form={form} name="price" label="Price (USD)" type="number" step="0.01" min="0" />
        </div>
        <FormFooter form={form} submit="Record sale" />
      </form>
      <output className="new-sale-note" aria-live="polite">
        {recorded && (
          <>
            Sale recorded: <VinLink vin={recorded.automobile.vin} /> to {personName(recorded.customer)}.{' '}
            <Link to={salePath(recorded.id)}>Open the sale</Link> or{' '}
            <Link to={`/sales?new=${recorded.id}`}>see it in the sales list</Link>.
          </>
        )}
      </output>
      <NewCustomerDialog
        open={addingCustomer}
        onClose={() => setAddingCustomer(false)}
        onAdded={(customer) => setNewCustomer(customer.id)}
      />
    </>
  );
}
