import { roleLabels } from '@carcar/common/contract/permissions';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { toast } from 'sonner';
import '../../../components/record.css';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { FormFooter, SelectField, TextField } from '../../../components/form';
import { ErrorState, Loading } from '../../../components/states';
import { ApiError } from '../../../lib/api-client';
import { useCurrentUser } from '../../../lib/auth';
import { useApiForm } from '../../../lib/use-api-form';
import { useUser } from '../api/get-user';
import { useUpdateUser } from '../api/update-user';
import { roleOptions } from '../options';
import { editUserForm, MIN_PASSWORD_LENGTH, resetPasswordForm } from '../schemas';
import type { User } from '../types';
import { UserLinks } from './user-links';

function EditUserForm({ user }: { user: User }) {
  const update = useUpdateUser(user.id);
  const { form, onSubmit } = useApiForm({
    schema: editUserForm,
    defaultValues: {
      name: user.name,
      role: user.role,
      technician_id: user.technician_id === null ? '' : String(user.technician_id),
      salesperson_id: user.salesperson_id === null ? '' : String(user.salesperson_id),
    },
    save: update.mutateAsync,
    success: 'Changes saved',
    keepValues: true,
  });
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <form onSubmit={onSubmit} noValidate aria-label="Change the user's details">
        <div className="grid">
          <TextField form={form} name="name" label="Name" autoComplete="off" />
          <SelectField form={form} name="role" label="Role" placeholder="Choose a role" options={roleOptions} />
        </div>
        <UserLinks form={form} />
        <FormFooter form={form} submit="Save changes" />
      </form>
    </section>
  );
}

function ResetPasswordForm({ user }: { user: User }) {
  const update = useUpdateUser(user.id);
  const { form, onSubmit } = useApiForm({
    schema: resetPasswordForm,
    defaultValues: { password: '' },
    save: update.mutateAsync,
    success: `Password of ${user.name} changed`,
  });
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">Reset the password</h2>
      <form onSubmit={onSubmit} noValidate aria-label="Reset the password">
        <TextField
          form={form}
          name="password"
          label="New password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. Their other sessions end; they sign in with the new one.`}
        />
        <FormFooter form={form} submit="Set new password" />
      </form>
    </section>
  );
}

function AccessSection({ user }: { user: User }) {
  const update = useUpdateUser(user.id);
  const me = useCurrentUser();
  const [asking, setAsking] = useState(false);
  const yourself = me?.id === user.id;
  const setDisabled = async (disabled: boolean) => {
    await update.mutateAsync({ disabled });
    toast.success(disabled ? `${user.name} can no longer sign in` : `${user.name} can sign in again`);
  };
  return (
    <section aria-labelledby="access-heading">
      <h2 id="access-heading">Access</h2>
      <p>
        {user.disabled
          ? 'Disabled: this person cannot sign in, and any session they had has ended.'
          : 'Active: this person can sign in.'}
      </p>
      <button
        type="button"
        className={user.disabled ? 'secondary' : 'secondary outline'}
        disabled={update.isPending}
        onClick={() => setAsking(true)}
      >
        {user.disabled ? 'Enable…' : 'Disable…'}
      </button>
      <ConfirmDialog
        open={asking}
        title={user.disabled ? `Enable ${user.name}?` : `Disable ${user.name}?`}
        confirmLabel={user.disabled ? 'Enable user' : 'Disable user'}
        cancelLabel={user.disabled ? 'Keep disabled' : 'Keep active'}
        destructive={!user.disabled}
        onConfirm={() => setDisabled(!user.disabled)}
        onClose={() => setAsking(false)}
      >
        <p>
          {user.disabled
            ? `${user.name} will be able to sign in again with their password.`
            : `${user.name} will be signed out at once and unable to sign in until enabled again. Their records keep their name.`}
          {yourself && !user.disabled && ' This is your own account: you will be signed out.'}
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** `/admin/users/:id`: one account's name, role and links, its access, and a new password. */
export function UserPage() {
  const rawId = useParams().id ?? '';
  const id = Number(rawId);
  const user = useUser(id);
  if (user.isLoading) return <Loading />;
  if (user.error || !user.data) {
    const missing = !Number.isInteger(id) || (user.error instanceof ApiError && user.error.status === 404);
    return (
      <>
        <h1>User</h1>
        {missing ? (
          <p>
            There is no user {rawId}. <Link to="/admin/users">Back to the users</Link>.
          </p>
        ) : (
          <ErrorState error={user.error} retry={() => user.refetch()} />
        )}
      </>
    );
  }
  const data = user.data;
  return (
    <>
      <p>
        <Link to="/admin/users">← Users</Link>
      </p>
      <header className="record-header">
        <h1>
          {data.name} {data.disabled && <span className="badge canceled">Disabled</span>}
        </h1>
        <p>
          {data.email} · {roleLabels[data.role]}
        </p>
      </header>
      <EditUserForm
        key={`${data.id}-${data.name}-${data.role}-${data.technician_id}-${data.salesperson_id}`}
        user={data}
      />
      <AccessSection user={data} />
      <ResetPasswordForm user={data} />
    </>
  );
}
