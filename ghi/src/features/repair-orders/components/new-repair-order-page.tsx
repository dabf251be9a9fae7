import '../../../components/record.css';
import '../repair-orders.css';
import { normalizeVin } from '@carcar/common/contract/vin';
import { zodResolver } from '@hookform/resolvers/zod';
import { type Path, type UseFormRegisterReturn, useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router-dom';
import { toast } from 'sonner';
import { z } from 'zod';
import { FormFooter, TextField } from '../../../components/form';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { type RepairOrderBody, useCreateRepairOrder } from '../api/create-repair-order';
import { repairOrderPath } from './repair-order-columns';

// The form's own checks, in words; the API checks again (the VIN's check digit among them).
export const writeUpForm = z.object({
  customer_name: z.string().trim().min(1, 'Enter the customer’s name').max(100, 'At most 100 characters'),
  customer_phone: z.string().trim().max(40, 'At most 40 characters'),
  customer_email: z.union([z.literal(''), z.email('Enter an email address such as jane@example.com')]),
  mileage: z.coerce
    .number({ error: 'Enter the odometer reading in miles' })
    .int('Whole miles only')
    .min(0, 'Miles cannot be negative')
    .max(2_000_000, 'That is more miles than a car drives'),
  concern: z
    .string()
    .trim()
    .min(1, 'Say what the customer asks for, in their words')
    .max(2000, 'At most 2,000 characters'),
});
const walkInForm = writeUpForm.extend({
  vin: z.string().transform(normalizeVin).pipe(z.string().length(17, 'A VIN has 17 characters')),
});
type WalkInInput = z.input<typeof walkInForm>;
type WalkInValues = z.output<typeof walkInForm>;
export type WriteUpValues = z.output<typeof writeUpForm>;

/**
 * The API's body from the form's flat fields. A new order leaves an empty phone or email out; an
 * edit sends it as null, which clears what was there (a field left out would keep it).
 */
export function writeUpBody(
  values: WriteUpValues,
  { clearEmpty = false } = {},
): Pick<RepairOrderBody, 'customer' | 'mileage' | 'concern'> {
  const optional = (key: 'phone' | 'email', value: string) =>
    value ? { [key]: value } : clearEmpty ? { [key]: null } : {};
  return {
    customer: {
      name: values.customer_name,
      ...optional('phone', values.customer_phone),
      ...optional('email', values.customer_email),
    },
    mileage: values.mileage,
    concern: values.concern,
  };
}

/** The API names `customer.name`; the form's field is `customer_name`. */
export const formPath = (path: string) => path.replace(/^customer\./, 'customer_');

const empty: WalkInInput = {
  vin: '',
  customer_name: '',
  customer_phone: '',
  customer_email: '',
  mileage: '',
  concern: '',
};

/** A walk-in: the car, who brought it, the odometer and what they ask for; the order opens next. */
export function NewRepairOrderPage() {
  const create = useCreateRepairOrder();
  const navigate = useNavigate();
  const form = useForm<WalkInInput, unknown, WalkInValues>({ resolver: zodResolver(walkInForm), defaultValues: empty });
  const submit = form.handleSubmit(async (values) => {
    try {
      const order = await create.mutateAsync({ vin: values.vin, ...writeUpBody(values) });
      toast.success(`Repair order ${order.id} opened`);
      navigate(repairOrderPath(order.id));
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors.filter((f) => formPath(f.path) in empty) : [];
      for (const field of fields) {
        form.setError(formPath(field.path) as Path<WalkInInput>, { type: 'server', message: field.message });
      }
      if (fields.length === 0 || (error instanceof ApiError && error.status !== 400)) {
        form.setError('root.server', { type: 'server', message: errorMessage(error) });
      }
    }
  });
  return (
    <>
      <nav aria-label="breadcrumb">
        <ul>
          <li>
            <Link to="/service/repair-orders">Repair orders</Link>
          </li>
          <li aria-current="page">New</li>
        </ul>
      </nav>
      <h1>New repair order</h1>
      <p className="muted">
        For a car with an appointment, open the appointment and choose “Start repair order”: this is for walk-ins.
      </p>
      <form onSubmit={submit} noValidate aria-label="New repair order">
        <div className="grid">
          <TextField form={form} name="vin" label="VIN" autoComplete="off" hint="The 17 characters on the car" />
          <TextField form={form} name="mileage" label="Mileage" type="number" min="0" hint="Odometer, in miles" />
        </div>
        <div className="grid">
          <TextField form={form} name="customer_name" label="Customer name" autoComplete="off" />
          <TextField form={form} name="customer_phone" label="Phone (optional)" type="tel" autoComplete="off" />
          <TextField form={form} name="customer_email" label="Email (optional)" type="email" autoComplete="off" />
        </div>
        <ConcernField field={form.register('concern')} error={form.formState.errors.concern?.message} />
        <FormFooter form={form} submit="Open repair order" busy="Opening…" />
      </form>
    </>
  );
}

/** The customer's concern: a few lines of their own words. */
export function ConcernField({ field, error }: { field: UseFormRegisterReturn; error: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor="field-concern">Concern</label>
      <textarea
        id="field-concern"
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'field-concern-error' : 'field-concern-hint'}
        {...field}
      />
      {error ? (
        <small id="field-concern-error" className="field-error">
          {error}
        </small>
      ) : (
        <small id="field-concern-hint">What the customer asks for, in their words</small>
      )}
    </div>
  );
}
