import type { customerBody } from '@carcar/common/contract/sales';
import { SimpleGrid } from '@mantine/core';
import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { TextField } from '../../../components/form';
import { useTranslation } from '../../../lib/i18n';

/**
 * A customer's name, address and phone, as adding one and editing one ask for them. They are
 * someone else's details, so the browser offers none of the staff member's own (autoComplete off).
 * The names two to a row; the address and phone too on a page, each the full width in a drawer or
 * dialog (`narrow`), where half of 440 px is too short for an address.
 */
export function CustomerFields({
  form,
  narrow = false,
}: {
  form: UseFormReturn<z.input<typeof customerBody>, unknown, unknown>;
  narrow?: boolean;
}) {
  const { t } = useTranslation();
  const contact = (
    <>
      <TextField form={form} name="address" label={t('people:customers.address')} autoComplete="off" />
      <TextField form={form} name="phone_number" label={t('people:customers.phone')} type="tel" autoComplete="off" />
    </>
  );
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {/* In a drawer or dialog, the focus trap starts on the first name rather than on the close button. */}
        <TextField
          form={form}
          name="first_name"
          label={t('common:staff.firstName')}
          autoComplete="off"
          data-autofocus={narrow || undefined}
        />
        <TextField form={form} name="last_name" label={t('common:staff.lastName')} autoComplete="off" />
      </SimpleGrid>
      {narrow ? (
        contact
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {contact}
        </SimpleGrid>
      )}
    </>
  );
}
