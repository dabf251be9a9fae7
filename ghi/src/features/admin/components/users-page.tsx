import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DataTable, keepIdsWhole } from '../../../components/data-table';
import { FormFooter, TextField } from '../../../components/form';
import { AddInDrawer, ListPage } from '../../../components/list-page';
import { roleLabel } from '../../../components/role-label';
import { StatusBadge } from '../../../components/status-badge';
import { formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { userPath } from '../../../lib/paths';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateUser } from '../api/create-user';
import { useLinkableSalespeople } from '../api/get-salespeople';
import { useLinkableTechnicians } from '../api/get-technicians';
import { useUsers } from '../api/get-users';
import { createUserForm } from '../schemas';
import { type StaffLink, staffName, type User } from '../types';
import { NewPasswordField, RoleField } from './account-fields';
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
      <TextField form={form} name="name" label={t('admin:users.name')} autoComplete="off" />
      <TextField form={form} name="email" label={t('admin:users.email')} type="email" autoComplete="off" />
      <RoleField form={form} />
      <NewPasswordField
        form={form}
        label={t('admin:users.password')}
        hint={(min) => t('admin:users.passwordHint', { min })}
      />
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
  const navigate = useNavigate();
  const total = users.data?.length;
  return (
    <ListPage
      title={t('admin:users.title')}
      count={total === undefined ? undefined : t('admin:users.count', { count: total, formatted: formatNumber(total) })}
      actions={
        <AddInDrawer label={t('admin:users.add')} title={t('admin:users.addForm')}>
          {(close) => (
            <AddUserForm
              onAdded={(user) => {
                close();
                setAdded(user.id);
              }}
            />
          )}
        </AddInDrawer>
      }
    >
      <DataTable<User>
        caption={t('admin:users.title')}
        rows={users.data}
        isLoading={users.isLoading}
        error={users.error}
        retry={() => users.refetch()}
        rowKey={(u) => u.id}
        highlight={(u) => u.id === added}
        searchHint={t('admin:users.searchHint')}
        searchText={(u) =>
          `${u.name} ${u.email} ${roleLabel(t, u.role)} ${u.disabled ? t('admin:users.disabled') : t('admin:users.active')}`
        }
        empty={t('admin:users.empty')}
        onRowClick={(u) => navigate(userPath(u.id))}
        columns={[
          {
            key: 'name',
            header: t('admin:users.name'),
            cell: (u) => <Link to={userPath(u.id)}>{u.name}</Link>,
            sortValue: (u) => u.name.toLowerCase(),
          },
          {
            key: 'email',
            header: t('admin:users.email'),
            cell: (u) => u.email,
            sortValue: (u) => u.email,
            nowrap: true,
          },
          {
            key: 'role',
            header: t('admin:users.role'),
            cell: (u) => roleLabel(t, u.role),
            sortValue: (u) => roleLabel(t, u.role),
          },
          {
            key: 'link',
            header: t('admin:users.linkedTo'),
            // An employee number ("(T-100)") kept whole: at 768 px the cell broke it at its hyphen.
            cell: (u) => keepIdsWhole(linkText(t, u, technicians.data, salespeople.data)),
          },
          {
            key: 'status',
            header: t('admin:users.status'),
            // The badge says it ("Active"): no column name before it on a phone.
            phoneLabel: false,
            cell: (u) =>
              u.disabled ? (
                <StatusBadge tone="neutral">{t('admin:users.disabled')}</StatusBadge>
              ) : (
                <StatusBadge tone="success">{t('admin:users.active')}</StatusBadge>
              ),
            sortValue: (u) => (u.disabled ? 1 : 0),
          },
        ]}
      />
    </ListPage>
  );
}
