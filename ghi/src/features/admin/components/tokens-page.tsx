import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { Trans } from 'react-i18next';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DataTable, dateTimeColumn } from '../../../components/data-table';
import { FormFooter, TextField } from '../../../components/form';
import { AddInDrawer, ListPage } from '../../../components/list-page';
import { roleLabel } from '../../../components/role-label';
import { StatusBadge } from '../../../components/status-badge';
import { formatListDateTime, formatNumber } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useApiForm } from '../../../lib/use-api-form';
import { usePhone } from '../../../lib/use-phone';
import { useCreateToken } from '../api/create-token';
import { useTokens } from '../api/get-tokens';
import { useRevokeToken } from '../api/revoke-token';
import { createTokenForm } from '../schemas';
import type { ApiToken, CreatedToken } from '../types';
import { RoleField } from './account-fields';
import { ShownOnce } from './shown-once';

/** The new token, shown this once, selected for copying. */
function NewToken({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <ShownOnce
      value={created.token}
      onDone={onDone}
      words={{
        heading: t('admin:tokens.created', { name: created.name }),
        copyNow: t('admin:tokens.copyNow'),
        about: t('admin:tokens.fingerprint'),
        label: t('admin:tokens.tokenFor', { name: created.name }),
        copy: t('admin:tokens.copy'),
        copied: t('admin:tokens.copied'),
        copyRefused: t('admin:tokens.copyRefused'),
        done: t('admin:tokens.done'),
      }}
    />
  );
}

function AddTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const { form, onSubmit } = useApiForm({
    schema: createTokenForm,
    defaultValues: { name: '', role: '' as never },
    save: create.mutateAsync,
    success: t('admin:tokens.createdToast'),
    onSaved: (token) => onCreated(token as CreatedToken),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('admin:tokens.form')}>
      <TextField
        form={form}
        name="name"
        label={t('admin:tokens.name')}
        autoComplete="off"
        hint={t('admin:tokens.nameHint')}
      />
      <RoleField form={form} />
      <FormFooter form={form} submit={t('admin:tokens.create')} />
    </form>
  );
}

/** `/admin/tokens`: integrations' API tokens; a new one is shown once, an old one can be revoked. */
export function TokensPage() {
  const { t } = useTranslation();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  // Row actions are tapped on a phone: a full 44 px target there.
  const phone = usePhone();
  const total = tokens.data?.length;
  return (
    <ListPage
      title={t('admin:tokens.title')}
      count={
        total === undefined ? undefined : t('admin:tokens.count', { count: total, formatted: formatNumber(total) })
      }
      actions={
        <AddInDrawer label={t('admin:tokens.create')} title={t('admin:tokens.createHeading')}>
          {(close) => (
            <AddTokenForm
              onCreated={(token) => {
                close();
                setCreated(token);
              }}
            />
          )}
        </AddInDrawer>
      }
    >
      <Text size="sm" c="dimmed">
        <Trans t={t} i18nKey="admin:tokens.intro" components={{ code: <code /> }} />
      </Text>
      {created && <NewToken created={created} onDone={() => setCreated(null)} />}
      <DataTable<ApiToken>
        caption={t('admin:tokens.title')}
        rows={tokens.data}
        isLoading={tokens.isLoading}
        error={tokens.error}
        retry={() => tokens.refetch()}
        rowKey={(token) => token.id}
        highlight={(token) => token.id === created?.id}
        searchHint={t('admin:tokens.searchHint')}
        searchText={(token) =>
          `${token.name} ${roleLabel(t, token.role)} ${token.revoked_at ? t('admin:tokens.revokedWord') : t('admin:tokens.activeWord')}`
        }
        empty={t('admin:tokens.empty')}
        columns={[
          {
            key: 'name',
            header: t('admin:tokens.nameColumn'),
            cell: (token) => token.name,
            sortValue: (token) => token.name.toLowerCase(),
          },
          {
            key: 'role',
            header: t('admin:tokens.role'),
            cell: (token) => roleLabel(t, token.role),
            sortValue: (token) => roleLabel(t, token.role),
          },
          dateTimeColumn('created', t('admin:tokens.createdColumn'), (token) => token.created_at),
          {
            key: 'used',
            header: t('admin:tokens.lastUsed'),
            cell: (token) => (token.last_used_at ? formatListDateTime(token.last_used_at) : t('admin:tokens.never')),
            sortValue: (token) => token.last_used_at ?? '',
          },
          {
            key: 'status',
            header: t('admin:tokens.status'),
            cell: (token) =>
              token.revoked_at ? (
                <Group gap={6} wrap="nowrap">
                  <StatusBadge tone="neutral">{t('admin:tokens.revoked')}</StatusBadge>
                  <Text size="sm">{formatListDateTime(token.revoked_at)}</Text>
                </Group>
              ) : (
                <StatusBadge tone="success">{t('admin:tokens.active')}</StatusBadge>
              ),
            sortValue: (token) => (token.revoked_at ? 1 : 0),
          },
          {
            key: 'actions',
            header: t('admin:tokens.actions'),
            cell: (token) =>
              token.revoked_at ? null : (
                <Button
                  variant="light"
                  color="red"
                  size={phone ? 'md' : 'xs'}
                  aria-label={t('admin:tokens.revokeLabel', { name: token.name })}
                  onClick={() => setRevoking(token)}
                >
                  {t('admin:tokens.revoke')}
                </Button>
              ),
          },
        ]}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={t('admin:tokens.revokeTitle', { name: revoking?.name ?? '' })}
        confirmLabel={t('admin:tokens.revokeToken')}
        cancelLabel={t('admin:tokens.keep')}
        onConfirm={async () => {
          if (!revoking) return;
          await revoke.mutateAsync(revoking.id);
          toast.success(t('admin:tokens.revokedToast', { name: revoking.name }));
        }}
        onClose={() => setRevoking(null)}
      >
        <p>{t('admin:tokens.revokeText')}</p>
      </ConfirmDialog>
    </ListPage>
  );
}
