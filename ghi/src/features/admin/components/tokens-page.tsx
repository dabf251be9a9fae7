import { useId, useRef, useState } from 'react';
import { Trans } from 'react-i18next';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DataTable } from '../../../components/data-table';
import { FormFooter, SelectField, TextField } from '../../../components/form';
import { roleLabel } from '../../../components/role-label';
import { formatDateTime } from '../../../lib/format';
import { useTranslation } from '../../../lib/i18n';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateToken } from '../api/create-token';
import { useTokens } from '../api/get-tokens';
import { useRevokeToken } from '../api/revoke-token';
import { roleOptions } from '../options';
import { createTokenForm } from '../schemas';
import type { ApiToken, CreatedToken } from '../types';

/** The new token, shown this once, selected for copying. */
function NewToken({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const id = useId();
  const copy = async () => {
    field.current?.select();
    try {
      await navigator.clipboard.writeText(created.token);
      toast.success(t('admin:tokens.copied'));
    } catch {
      toast.error(t('admin:tokens.copyRefused'));
    }
  };
  return (
    <section className="token-once" aria-labelledby={`${id}-heading`} role="status">
      <h2 id={`${id}-heading`}>{t('admin:tokens.created', { name: created.name })}</h2>
      <p>
        <strong>{t('admin:tokens.copyNow')}</strong> {t('admin:tokens.fingerprint')}
      </p>
      <label htmlFor={`${id}-token`}>{t('admin:tokens.tokenFor', { name: created.name })}</label>
      <input
        ref={field}
        id={`${id}-token`}
        type="text"
        readOnly
        value={created.token}
        onFocus={(event) => event.currentTarget.select()}
        spellCheck={false}
        autoComplete="off"
      />
      <div className="actions">
        <button type="button" onClick={copy}>
          {t('admin:tokens.copy')}
        </button>
        <button type="button" className="secondary outline" onClick={onDone}>
          {t('admin:tokens.done')}
        </button>
      </div>
    </section>
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
      <div className="grid">
        <TextField
          form={form}
          name="name"
          label={t('admin:tokens.name')}
          autoComplete="off"
          hint={t('admin:tokens.nameHint')}
        />
        <SelectField
          form={form}
          name="role"
          label={t('admin:tokens.role')}
          placeholder={t('admin:tokens.chooseRole')}
          options={roleOptions(t)}
        />
      </div>
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
  return (
    <>
      <h1>{t('admin:tokens.title')}</h1>
      <p>
        <Trans t={t} i18nKey="admin:tokens.intro" components={{ code: <code /> }} />
      </p>
      {created ? (
        <NewToken created={created} onDone={() => setCreated(null)} />
      ) : (
        <>
          <h2>{t('admin:tokens.createHeading')}</h2>
          <AddTokenForm onCreated={setCreated} />
        </>
      )}
      <DataTable<ApiToken>
        caption={t('admin:tokens.title')}
        rows={tokens.data}
        isLoading={tokens.isLoading}
        error={tokens.error}
        retry={() => tokens.refetch()}
        rowKey={(token) => token.id}
        highlight={(token) => token.id === created?.id}
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
          {
            key: 'created',
            header: t('admin:tokens.createdColumn'),
            cell: (token) => formatDateTime(token.created_at),
            sortValue: (token) => token.created_at,
          },
          {
            key: 'used',
            header: t('admin:tokens.lastUsed'),
            cell: (token) => (token.last_used_at ? formatDateTime(token.last_used_at) : t('admin:tokens.never')),
            sortValue: (token) => token.last_used_at ?? '',
          },
          {
            key: 'status',
            header: t('admin:tokens.status'),
            cell: (token) =>
              token.revoked_at ? (
                <span>
                  <span className="badge canceled">{t('admin:tokens.revoked')}</span> {formatDateTime(token.revoked_at)}
                </span>
              ) : (
                t('admin:tokens.active')
              ),
            sortValue: (token) => (token.revoked_at ? 1 : 0),
          },
          {
            key: 'actions',
            header: t('admin:tokens.actions'),
            cell: (token) =>
              token.revoked_at ? null : (
                <button
                  type="button"
                  className="secondary outline small"
                  aria-label={t('admin:tokens.revokeLabel', { name: token.name })}
                  onClick={() => setRevoking(token)}
                >
                  {t('admin:tokens.revoke')}
                </button>
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
    </>
  );
}
