import { SimpleGrid } from '@mantine/core';
import type { UseFormReturn } from 'react-hook-form';
import { SelectField } from '../../../components/form';
import { useTranslation } from '../../../lib/i18n';
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
  const { t } = useTranslation();
  const technicians = useLinkableTechnicians();
  const salespeople = useLinkableSalespeople();
  const linkForm = form as unknown as UseFormReturn<LinkFields, unknown, unknown>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <SelectField
        form={linkForm}
        name="technician_id"
        label={t('admin:users.linkedTechnician')}
        placeholder={technicians.isLoading ? t('admin:users.loadingTechnicians') : t('admin:users.notLinked')}
        options={staffOptions(technicians.data, t)}
      />
      <SelectField
        form={linkForm}
        name="salesperson_id"
        label={t('admin:users.linkedSalesperson')}
        placeholder={salespeople.isLoading ? t('admin:users.loadingSalespeople') : t('admin:users.notLinked')}
        options={staffOptions(salespeople.data, t)}
      />
    </SimpleGrid>
  );
}
