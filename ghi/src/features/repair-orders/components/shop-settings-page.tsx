import { Alert, Button, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { FormCard } from '../../../components/form';
import { ErrorState, Loading } from '../../../components/states';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { formatDecimal, formatMoney } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useShopSettings } from '../api/get-shop-settings';
import { useUpdateShopSettings } from '../api/update-shop-settings';
import type { ShopSettings } from '../types';

type Field = 'labor_rate' | 'tax_rate';

function SettingsForm({ settings }: { settings: ShopSettings }) {
  const { t } = useTranslation();
  const update = useUpdateShopSettings();
  const [values, setValues] = useState({
    labor_rate: settings.labor_rate.toFixed(2),
    tax_rate: String(settings.tax_rate),
  });
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const labor = values.labor_rate.trim().replace(/^\$/, '');
    const tax = values.tax_rate.trim().replace(/%$/, '').trim();
    if (!/^\d+(\.\d{1,2})?$/.test(labor)) found.labor_rate = t('repairOrders:shopSettings.laborRateInvalid');
    if (!/^\d+(\.\d{1,3})?$/.test(tax) || Number(tax) > 100)
      found.tax_rate = t('repairOrders:shopSettings.taxRateInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await update.mutateAsync({ labor_rate: Number(labor), tax_rate: Number(tax) });
      toast.success(t('repairOrders:shopSettings.saved'));
    } catch (error) {
      const next: Partial<Record<Field | 'form', string>> = {};
      if (error instanceof ApiError) {
        for (const f of error.fieldErrors)
          if (f.path === 'labor_rate' || f.path === 'tax_rate') next[f.path] = f.message;
      }
      if (Object.keys(next).length === 0) next.form = errorMessage(error);
      setErrors(next);
    }
  };
  const field = (name: Field, label: string, hint: string) => (
    <TextInput
      label={label}
      inputMode="decimal"
      value={values[name]}
      description={hint}
      error={errors[name]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setValues((v) => ({ ...v, [name]: value }));
      }}
    />
  );
  return (
    <FormCard label={t('repairOrders:shopSettings.title')} onSubmit={submit}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mb="md">
        {field(
          'labor_rate',
          t('repairOrders:shopSettings.laborRate'),
          t('repairOrders:shopSettings.laborRateNow', { rate: formatMoney(settings.labor_rate) }),
        )}
        {field(
          'tax_rate',
          t('repairOrders:shopSettings.taxRate'),
          // A tax rate has up to three decimals (8.875 %), one more than formatNumber shows.
          t('repairOrders:shopSettings.taxRateNow', {
            rate: formatDecimal(settings.tax_rate, 3),
          }),
        )}
      </SimpleGrid>
      {errors.form && (
        <Alert color="red" role="alert" mb="md">
          {errors.form}
        </Alert>
      )}
      <Button type="submit" loading={update.isPending} aria-busy={update.isPending || undefined}>
        {t('repairOrders:shopSettings.save')}
      </Button>
    </FormCard>
  );
}

/** The shop's labor rate and tax rate, for managers; lines already written keep their rate. */
export function ShopSettingsPage() {
  const { t } = useTranslation();
  const settings = useShopSettings();
  return (
    <Stack gap="md" maw="40rem">
      <Title order={1}>{t('repairOrders:shopSettings.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('repairOrders:shopSettings.explain')}
      </Text>
      {settings.isLoading ? (
        <Loading />
      ) : settings.error || !settings.data ? (
        <ErrorState error={settings.error} retry={() => settings.refetch()} />
      ) : (
        <SettingsForm key={`${settings.data.labor_rate}-${settings.data.tax_rate}`} settings={settings.data} />
      )}
    </Stack>
  );
}
