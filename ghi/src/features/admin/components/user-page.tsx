import { Button, SimpleGrid, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DetailPage, DetailSection } from '../../../components/detail-page';
import { FormFooter, TextField } from '../../../components/form';
import { roleLabel } from '../../../components/role-label';
import { ErrorState, Loading } from '../../../components/states';
import { StatusBadge } from '../../../components/status-badge';
import { ApiError } from '../../../lib/api-client';
import { useCurrentUser } from '../../../lib/auth';
import { useTranslation } from '../../../lib/i18n';
import { useApiForm } from '../../../lib/use-api-form';
import { useUser } from '../api/get-user';
import { useUpdateUser } from '../api/update-user';
import { editUserForm, resetPasswordForm } from '../schemas';
import type { User } from '../types';
import { NewPasswordField, RoleField } from './account-fields';
import { UserLinks } from './user-links';

function EditUserForm({ user }: { user: User }) {
  const { t } = useTranslation();
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
    success: t('admin:user.saved'),
    keepValues: true,
  });
  return (
    <DetailSection title={t('admin:user.details')}>
      <form onSubmit={onSubmit} noValidate aria-label={t('admin:user.detailsForm')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextField form={form} name="name" label={t('admin:user.name')} autoComplete="off" />
          <RoleField form={form} />
        </SimpleGrid>
        <UserLinks form={form} />
        <FormFooter form={form} submit={t('admin:user.save')} />
      </form>
    </DetailSection>
  );
}

function ResetPasswordForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const { form, onSubmit } = useApiForm({
    schema: resetPasswordForm,
    defaultValues: { password: '' },
    save: update.mutateAsync,
    success: t('admin:user.passwordChanged', { name: user.name }),
  });
  return (
    <DetailSection title={t('admin:user.resetPassword')}>
      <form onSubmit={onSubmit} noValidate aria-label={t('admin:user.resetPassword')}>
        <NewPasswordField
          form={form}
          label={t('admin:user.newPassword')}
          hint={(min) => t('admin:user.passwordHint', { min })}
        />
        <FormFooter form={form} submit={t('admin:user.setPassword')} />
      </form>
    </DetailSection>
  );
}

function AccessSection({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const me = useCurrentUser();
  const [asking, setAsking] = useState(false);
  const yourself = me?.id === user.id;
  const setDisabled = async (disabled: boolean) => {
    await update.mutateAsync({ disabled });
    toast.success(
      disabled ? t('admin:user.disabledToast', { name: user.name }) : t('admin:user.enabledToast', { name: user.name }),
    );
  };
  return (
    <DetailSection
      title={t('admin:user.access')}
      actions={
        // Keyed apart: one button changing into the other would fade between their colours.
        user.disabled ? (
          <Button key="enable" disabled={update.isPending} onClick={() => setAsking(true)}>
            {t('admin:user.enable')}
          </Button>
        ) : (
          <Button
            key="disable"
            variant="default"
            color="red"
            disabled={update.isPending}
            onClick={() => setAsking(true)}
          >
            {t('admin:user.disable')}
          </Button>
        )
      }
    >
      <Text size="sm">{user.disabled ? t('admin:user.isDisabled') : t('admin:user.isActive')}</Text>
      <ConfirmDialog
        open={asking}
        title={
          user.disabled
            ? t('admin:user.enableTitle', { name: user.name })
            : t('admin:user.disableTitle', { name: user.name })
        }
        confirmLabel={user.disabled ? t('admin:user.enableUser') : t('admin:user.disableUser')}
        cancelLabel={user.disabled ? t('admin:user.keepDisabled') : t('admin:user.keepActive')}
        destructive={!user.disabled}
        onConfirm={() => setDisabled(!user.disabled)}
        onClose={() => setAsking(false)}
      >
        <p>
          {user.disabled
            ? t('admin:user.enableText', { name: user.name })
            : t('admin:user.disableText', { name: user.name })}
          {yourself && !user.disabled && t('admin:user.yourself')}
        </p>
      </ConfirmDialog>
    </DetailSection>
  );
}

/** `/admin/users/:id`: one account's name, role and links, its access, and a new password. */
export function UserPage() {
  const { t } = useTranslation();
  const rawId = useParams().id ?? '';
  const id = Number(rawId);
  const user = useUser(id);
  if (user.isLoading) return <Loading />;
  if (user.error || !user.data) {
    const missing = !Number.isInteger(id) || (user.error instanceof ApiError && user.error.status === 404);
    return (
      <>
        <h1>{t('admin:user.title')}</h1>
        {missing ? (
          <p>
            {t('admin:user.missing', { id: rawId })} <Link to="/admin/users">{t('admin:user.backToUsers')}</Link>.
          </p>
        ) : (
          <ErrorState error={user.error} retry={() => user.refetch()} />
        )}
      </>
    );
  }
  const data = user.data;
  return (
    <DetailPage
      crumbs={[{ label: t('admin:users.title'), to: '/admin/users' }, { label: data.name }]}
      title={data.name}
      status={
        data.disabled ? (
          <StatusBadge tone="danger">{t('admin:user.disabled')}</StatusBadge>
        ) : (
          <StatusBadge tone="success">{t('admin:user.active')}</StatusBadge>
        )
      }
      subtitle={
        <>
          {/* An address broken mid-word reads as two; it keeps to one line. */}
          <span style={{ whiteSpace: 'nowrap' }}>{data.email}</span> · {roleLabel(t, data.role)}
        </>
      }
    >
      <EditUserForm
        key={`${data.id}-${data.name}-${data.role}-${data.technician_id}-${data.salesperson_id}`}
        user={data}
      />
      <AccessSection user={data} />
      <ResetPasswordForm user={data} />
    </DetailPage>
  );
}
