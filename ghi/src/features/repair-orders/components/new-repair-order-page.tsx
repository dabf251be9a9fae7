import { SimpleGrid, Text, Textarea, Title } from '@mantine/core';
import '../../../components/record.css';
import '../repair-orders.css';
import { normalizeVin } from '@carcar/common/contract/vin';
import { zodResolver } from '@hookform/resolvers/zod';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { type FieldValues, type Path, type UseFormRegisterReturn, type UseFormReturn, useForm } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { toast } from 'sonner';
import { z } from 'zod';
import { Breadcrumb } from '../../../components/breadcrumb';
import { FormCard, FormFooter, TextField } from '../../../components/form';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { type RepairOrderBody, useCreateRepairOrder } from '../api/create-repair-order';
import { repairOrderPath } from './repair-order-columns';

// The form's own checks, in the user's words; the API checks again (the VIN's check digit among them).
export const writeUpForm = (t: TFunction) =>
  z.object({
    customer_name: z
      .string()
      .trim()
      .min(1, t('repairOrders:writeUp.nameMissing'))
      .max(100, t('repairOrders:writeUp.atMost', { max: formatNumber(100) })),
    customer_phone: z
      .string()
      .trim()
      .max(40, t('repairOrders:writeUp.atMost', { max: formatNumber(40) })),
    customer_email: z.union([z.literal(''), z.email(t('repairOrders:writeUp.emailInvalid'))]),
    mileage: z.coerce
      .number({ error: t('repairOrders:writeUp.mileageMissing') })
      .int(t('repairOrders:writeUp.mileageWhole'))
      .min(0, t('repairOrders:writeUp.mileageNegative'))
      .max(2_000_000, t('repairOrders:writeUp.mileageTooHigh')),
    concern: z
      .string()
      .trim()
      .min(1, t('repairOrders:writeUp.concernMissing'))
      .max(2000, t('repairOrders:writeUp.atMost', { max: formatNumber(2000) })),
  });
const walkInForm = (t: TFunction) =>
  writeUpForm(t).extend({
    vin: z
      .string()
      .transform(normalizeVin)
      .pipe(z.string().length(17, t('repairOrders:writeUp.vinLength'))),
  });
type WalkInInput = z.input<ReturnType<typeof walkInForm>>;
type WalkInValues = z.output<ReturnType<typeof walkInForm>>;
export type WriteUpInput = z.input<ReturnType<typeof writeUpForm>>;
export type WriteUpValues = z.output<ReturnType<typeof writeUpForm>>;

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
const formPath = (path: string) => path.replace(/^customer\./, 'customer_');

/**
 * A refused write-up (new or edited) on its form: each of the API's field messages by the field it
 * names among `fields` (the form's values), and the API's message above the button when none of them
 * is a field here or the refusal is not a 400.
 */
export function showWriteUpError<I extends FieldValues, O>(
  form: UseFormReturn<I, unknown, O>,
  fields: I,
  error: unknown,
) {
  const placed = error instanceof ApiError ? error.fieldErrors.filter((f) => formPath(f.path) in fields) : [];
  for (const field of placed) {
    form.setError(formPath(field.path) as Path<I>, { type: 'server', message: field.message });
  }
  if (placed.length === 0 || (error instanceof ApiError && error.status !== 400)) {
    form.setError('root.server', { type: 'server', message: errorMessage(error) });
  }
}

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
  const { t } = useTranslation();
  const create = useCreateRepairOrder();
  const navigate = useNavigate();
  const schema = useMemo(() => walkInForm(t), [t]);
  const form = useForm<WalkInInput, unknown, WalkInValues>({ resolver: zodResolver(schema), defaultValues: empty });
  const submit = form.handleSubmit(async (values) => {
    try {
      const order = await create.mutateAsync({ vin: values.vin, ...writeUpBody(values) });
      toast.success(t('repairOrders:newOrder.opened', { id: order.id }));
      navigate(repairOrderPath(order.id));
    } catch (error) {
      showWriteUpError(form, empty, error);
    }
  });
  return (
    <>
      <Breadcrumb
        crumbs={[
          { label: t('repairOrders:list.title'), to: '/service/repair-orders' },
          { label: t('repairOrders:newOrder.crumb') },
        ]}
      />
      <Title order={1}>{t('repairOrders:newOrder.title')}</Title>
      <Text c="dimmed" size="sm" mb="md">
        {t('repairOrders:newOrder.walkInsOnly')}
      </Text>
      <FormCard label={t('repairOrders:newOrder.title')} onSubmit={submit} maw="60rem">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextField
            form={form}
            name="vin"
            label={t('repairOrders:writeUp.vin')}
            autoComplete="off"
            hint={t('repairOrders:writeUp.vinHint')}
          />
          <TextField
            form={form}
            name="mileage"
            label={t('repairOrders:writeUp.mileage')}
            type="number"
            min="0"
            hint={t('repairOrders:writeUp.mileageHint')}
          />
        </SimpleGrid>
        <CustomerFields form={form} spacing="md" />
        <ConcernField field={form.register('concern')} error={form.formState.errors.concern?.message} />
        <FormFooter form={form} submit={t('repairOrders:newOrder.submit')} busy={t('repairOrders:newOrder.opening')} />
      </FormCard>
    </>
  );
}

/** Who brought the car and how to reach them, as a new order and an edited one ask for it. */
export function CustomerFields<V extends WriteUpInput>({
  form: anyWriteUp,
  spacing,
}: {
  form: UseFormReturn<V, unknown, unknown>;
  spacing: 'sm' | 'md';
}) {
  const { t } = useTranslation();
  // A walk-in's form adds the VIN to the write-up's; these three fields are in both, by the same names.
  const form = anyWriteUp as unknown as UseFormReturn<WriteUpInput, unknown, unknown>;
  const fields = [
    { name: 'customer_name', label: t('repairOrders:writeUp.customerName'), type: 'text' },
    { name: 'customer_phone', label: t('repairOrders:writeUp.phone'), type: 'tel' },
    { name: 'customer_email', label: t('repairOrders:writeUp.email'), type: 'email' },
  ] as const;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing={spacing}>
      {fields.map((field) => (
        <TextField key={field.name} form={form} {...field} autoComplete="off" />
      ))}
    </SimpleGrid>
  );
}

/** The customer's concern: a few lines of their own words, drawn as every other field is. */
export function ConcernField({ field, error }: { field: UseFormRegisterReturn; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Textarea
      id="field-concern"
      className="field"
      mb="sm"
      rows={3}
      label={t('repairOrders:writeUp.concern')}
      // The hint gives way to the error, as in TextField.
      description={error ? undefined : t('repairOrders:writeUp.concernHint')}
      error={error}
      errorProps={{ className: 'field-error' }}
      {...field}
    />
  );
}
