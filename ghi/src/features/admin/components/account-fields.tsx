import type { Role } from '@carcar/common/contract/permissions';
import type { UseFormReturn } from 'react-hook-form';
import { SelectField, TextField } from '../../../components/form';
import { useTranslation } from '../../../lib/i18n';
import { roleOptions } from '../options';
import { MIN_PASSWORD_LENGTH } from '../schemas';

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

/**
 * A password set for someone else (a new account's, or a reset): never the browser's saved one, and
 * the hint, given the least length, says what happens with it.
 */
export function NewPasswordField<V extends { password: string }>({
  form,
  label,
  hint,
}: {
  form: UseFormReturn<V, unknown, unknown>;
  label: string;
  hint: (min: number) => string;
}) {
  const passwordForm = form as unknown as UseFormReturn<{ password: string }, unknown, unknown>;
  return (
    <TextField
      form={passwordForm}
      name="password"
      label={label}
      type="password"
      autoComplete="new-password"
      hint={hint(MIN_PASSWORD_LENGTH)}
    />
  );
}
