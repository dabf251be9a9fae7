import { roleLabels } from '@carcar/common/contract/permissions';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { DataTable } from '../../../components/data-table';
import { FormFooter, SelectField, TextField } from '../../../components/form';
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

function linkText(user: User, technicians: StaffLink[] | undefined, salespeople: StaffLink[] | undefined): string {
  const parts: string[] = [];
  if (user.technician_id !== null) {
    const t = technicians?.find((p) => p.id === user.technician_id);
    parts.push(`Technician ${t ? staffName(t) : `#${user.technician_id}`}`);
  }
  if (user.salesperson_id !== null) {
    const s = salespeople?.find((p) => p.id === user.salesperson_id);
    parts.push(`Salesperson ${s ? staffName(s) : `#${user.salesperson_id}`}`);
  }
  return parts.join('; ') || '—';
}

function AddUserForm({ onAdded }: { onAdded: (user: User) => void }) {
  const create = useCreateUser();
  const { form, onSubmit } = useApiForm({
    schema: createUserForm,
    defaultValues: { email: '', name: '', role: '' as never, password: '', technician_id: '', salesperson_id: '' },
    save: create.mutateAsync,
    success: 'User added',
    onSaved: (user) => onAdded(user as User),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add a user">
      <div className="grid">
        <TextField form={form} name="name" label="Name" autoComplete="off" />
        <TextField form={form} name="email" label="Email" type="email" autoComplete="off" />
      </div>
      <div className="grid">
        <SelectField form={form} name="role" label="Role" placeholder="Choose a role" options={roleOptions} />
        <TextField
          form={form}
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. Give it to them in person; they sign in with it.`}
        />
      </div>
      <UserLinks form={form} />
      <FormFooter form={form} submit="Add user" />
    </form>
  );
}

/** `/admin/users`: every staff account, and adding one. */
export function UsersPage() {
  const users = useUsers();
  const technicians = useLinkableTechnicians();
  const salespeople = useLinkableSalespeople();
  const [added, setAdded] = useState<number | null>(null);
  return (
    <>
      <h1>Users</h1>
      <h2>Add a user</h2>
      <AddUserForm onAdded={(user) => setAdded(user.id)} />
      <DataTable<User>
        caption="Users"
        rows={users.data}
        isLoading={users.isLoading}
        error={users.error}
        retry={() => users.refetch()}
        rowKey={(u) => u.id}
        highlight={(u) => u.id === added}
        searchText={(u) => `${u.name} ${u.email} ${roleLabels[u.role]} ${u.disabled ? 'disabled' : 'active'}`}
        empty="No users yet."
        columns={[
          {
            key: 'name',
            header: 'Name',
            cell: (u) => <Link to={userPath(u.id)}>{u.name}</Link>,
            sortValue: (u) => u.name.toLowerCase(),
          },
          { key: 'email', header: 'Email', cell: (u) => u.email, sortValue: (u) => u.email },
          { key: 'role', header: 'Role', cell: (u) => roleLabels[u.role], sortValue: (u) => roleLabels[u.role] },
          { key: 'link', header: 'Linked to', cell: (u) => linkText(u, technicians.data, salespeople.data) },
          {
            key: 'status',
            header: 'Status',
            cell: (u) => (u.disabled ? <span className="badge canceled">Disabled</span> : 'Active'),
            sortValue: (u) => (u.disabled ? 1 : 0),
          },
        ]}
      />
    </>
  );
}
