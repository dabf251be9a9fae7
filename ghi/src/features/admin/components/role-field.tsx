import type { Role } from '@carcar/common/contract/permissions';
import type { UseFormReturn } from 'react-hook-form';
import { SelectField } from '../../../components/form';
import { useTranslation } from '../../../lib/i18n';
import { roleOptions } from '../options';

/** The role an account or a token acts as, chosen from every role in the user's language. */
export function RoleField<V extends { role: Role }>({ form }: { form: UseFormReturn<V, unknown, unknown> }) {
  const { t } = useTranslation();
  // Each form that grants a role (a new user, an edited one, a token) names its field `role`.
  const roleForm = form as unknown as UseFormReturn<{ role: Role }, unknown, unknown>;
  return (
    <SelectField
      form={roleForm}
      name="role"
      label={t('admin:users.role')}
      placeholder={t('admin:users.chooseRole')}
      options={roleOptions(t)}
    />
  );
}
