import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { FormFooter, SelectField, TextField } from '../../../components/form';
import { roleLabel } from '../../../components/role-label';
import { useTranslation } from '../../../lib/i18n';
import { userPath } from '../../../lib/paths';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateUser } from '../api/create-user';
import { useLinkableSalespeople } from '../api/get-salespeople';
import { useLinkableTechnicians } from '../api/get-technicians';
import { useUsers } from '../api/get-users';
import { roleOptions } from '../options';
import { createUserForm, MIN_PASSWORD_LENGTH } from '../schemas';
import { type StaffLink, staffName, type User } from '../types';
import { UserLinks } from './user-links';

function linkText(
  t: TFunction,
  user: User,
  technicians: StaffLink[] | undefined,
  salespeople: StaffLink[] | undefined,
): string {
  const parts: string[] = [];
  if (user.technician_id !== null) {
    const tech = technicians?.find((p) => p.id === user.technician_id);
    parts.push(t('admin:users.linkTechnician', { name: tech ? staffName(tech) : `#${user.technician_id}` }));
  }
  if (user.salesperson_id !== null) {
    const s = salespeople?.find((p) => p.id === user.salesperson_id);
    parts.push(t('admin:users.linkSalesperson', { name: s ? staffName(s) : `#${user.salesperson_id}` }));
  }
  return parts.join('; ') || '—';
}

function AddUserForm({ onAdded }: { onAdded: (user: User) => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const { form, onSubmit } = useApiForm({
    schema: createUserForm,
    defaultValues: { email: '', name: '', role: '' as never, password: '', technician_id: '', salesperson_id: '' },
    save: create.mutateAsync,
    success: t('admin:users.added'),
    onSaved: (user) => onAdded(user as User),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('admin:users.addForm')}>
      <div className="grid">
        <TextField form={form} name="name" label={t('admin:users.name')} autoComplete="off" />
        <TextField form={form} name="email" label={t('admin:users.email')} type="email" autoComplete="off" />
      </div>
      <div className="grid">
        <SelectField
          form={form}
          name="role"
          label={t('admin:users.role')}
          placeholder={t('admin:users.chooseRole')}
          options={roleOptions(t)}
        />
        <TextField
          form={form}
          name="password"
          label={t('admin:users.password')}
          type="password"
          autoComplete="new-password"
          hint={t('admin:users.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        />
      </div>
      <UserLinks form={form} />
      <FormFooter form={form} submit={t('admin:users.add')} />
    </form>
  );
}

/** `/admin/users`: every staff account, and adding one. */
export function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const technicians = useLinkableTechnicians();
  const salespeople = useLinkableSalespeople();
  const [added, setAdded] = useState<number | null>(null);
  return (
    <>
      <h1>{t('admin:users.title')}</h1>
      <h2>{t('admin:users.addForm')}</h2>
      <AddUserForm onAdded={(user) => setAdded(user.id)} />
      <DataTable<User>
        caption={t('admin:users.title')}
        rows={users.data}
        isLoading={users.isLoading}
        error={users.error}
        retry={() => users.refetch()}
        rowKey={(u) => u.id}
        highlight={(u) => u.id === added}
        searchText={(u) =>
          `${u.name} ${u.email} ${roleLabel(t, u.role)} ${u.disabled ? t('admin:users.disabled') : t('admin:users.active')}`
        }
        empty={t('admin:users.empty')}
        columns={[
          {
            key: 'name',
            header: t('admin:users.name'),
            cell: (u) => <Link to={userPath(u.id)}>{u.name}</Link>,
            sortValue: (u) => u.name.toLowerCase(),
          },
          { key: 'email', header: t('admin:users.email'), cell: (u) => u.email, sortValue: (u) => u.email },
          {
            key: 'role',
            header: t('admin:users.role'),
            cell: (u) => roleLabel(t, u.role),
            sortValue: (u) => roleLabel(t, u.role),
          },
          {
            key: 'link',
            header: t('admin:users.linkedTo'),
            cell: (u) => linkText(t, u, technicians.data, salespeople.data),
          },
          {
            key: 'status',
            header: t('admin:users.status'),
            cell: (u) =>
              u.disabled ? (
                <span className="badge canceled">{t('admin:users.disabled')}</span>
              ) : (
                t('admin:users.active')
              ),
            sortValue: (u) => (u.disabled ? 1 : 0),
          },
        ]}
      />
    </>
  );
}
