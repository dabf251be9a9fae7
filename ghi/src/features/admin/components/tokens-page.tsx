import { roleLabels } from '@carcar/common/contract/permissions';
import { useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DataTable } from '../../../components/data-table';
import { FormFooter, SelectField, TextField } from '../../../components/form';
import { formatDateTime } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateToken } from '../api/create-token';
import { useTokens } from '../api/get-tokens';
import { useRevokeToken } from '../api/revoke-token';
import { roleOptions } from '../options';
import { createTokenForm } from '../schemas';
import type { ApiToken, CreatedToken } from '../types';

/** The new token, shown this once, selected for copying. */
function NewToken({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  const id = useId();
  const copy = async () => {
    field.current?.select();
    try {
      await navigator.clipboard.writeText(created.token);
      toast.success('Token copied');
    } catch {
      toast.error('Copying is not allowed here: the token is selected, press Ctrl+C (⌘C on a Mac).');
    }
  };
  return (
    <section className="token-once" aria-labelledby={`${id}-heading`} role="status">
      <h2 id={`${id}-heading`}>Token “{created.name}” created</h2>
      <p>
        <strong>Copy it now: it will not be shown again.</strong> Only a fingerprint of it is kept, so if it is lost,
        revoke it and create another.
      </p>
      <label htmlFor={`${id}-token`}>API token for {created.name}</label>
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
          Copy token
        </button>
        <button type="button" className="secondary outline" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </section>
  );
}

function AddTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const create = useCreateToken();
  const { form, onSubmit } = useApiForm({
    schema: createTokenForm,
    defaultValues: { name: '', role: '' as never },
    save: create.mutateAsync,
    success: 'API token created',
    onSaved: (token) => onCreated(token as CreatedToken),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create an API token">
      <div className="grid">
        <TextField
          form={form}
          name="name"
          label="Token name"
          autoComplete="off"
          hint="What uses it, e.g. “Website stock feed”."
        />
        <SelectField form={form} name="role" label="Role" placeholder="Choose a role" options={roleOptions} />
      </div>
      <FormFooter form={form} submit="Create token" />
    </form>
  );
}

/** `/admin/tokens`: integrations' API tokens; a new one is shown once, an old one can be revoked. */
export function TokensPage() {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  return (
    <>
      <h1>API tokens</h1>
      <p>
        An integration calls the APIs with a token in its <code>Authorization: Bearer</code> header and may do what the
        token’s role allows.
      </p>
      {created ? (
        <NewToken created={created} onDone={() => setCreated(null)} />
      ) : (
        <>
          <h2>Create a token</h2>
          <AddTokenForm onCreated={setCreated} />
        </>
      )}
      <DataTable<ApiToken>
        caption="API tokens"
        rows={tokens.data}
        isLoading={tokens.isLoading}
        error={tokens.error}
        retry={() => tokens.refetch()}
        rowKey={(t) => t.id}
        highlight={(t) => t.id === created?.id}
        searchText={(t) => `${t.name} ${roleLabels[t.role]} ${t.revoked_at ? 'revoked' : 'active'}`}
        empty="No API tokens yet."
        columns={[
          { key: 'name', header: 'Name', cell: (t) => t.name, sortValue: (t) => t.name.toLowerCase() },
          { key: 'role', header: 'Role', cell: (t) => roleLabels[t.role], sortValue: (t) => roleLabels[t.role] },
          {
            key: 'created',
            header: 'Created',
            cell: (t) => formatDateTime(t.created_at),
            sortValue: (t) => t.created_at,
          },
          {
            key: 'used',
            header: 'Last used',
            cell: (t) => (t.last_used_at ? formatDateTime(t.last_used_at) : 'Never'),
            sortValue: (t) => t.last_used_at ?? '',
          },
          {
            key: 'status',
            header: 'Status',
            cell: (t) =>
              t.revoked_at ? (
                <span>
                  <span className="badge canceled">Revoked</span> {formatDateTime(t.revoked_at)}
                </span>
              ) : (
                'Active'
              ),
            sortValue: (t) => (t.revoked_at ? 1 : 0),
          },
          {
            key: 'actions',
            header: 'Actions',
            cell: (t) =>
              t.revoked_at ? null : (
                <button
                  type="button"
                  className="secondary outline small"
                  aria-label={`Revoke ${t.name}…`}
                  onClick={() => setRevoking(t)}
                >
                  Revoke…
                </button>
              ),
          },
        ]}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke token"
        cancelLabel="Keep it"
        onConfirm={async () => {
          if (!revoking) return;
          await revoke.mutateAsync(revoking.id);
          toast.success(`Token “${revoking.name}” revoked`);
        }}
        onClose={() => setRevoking(null)}
      >
        <p>Whatever uses this token is refused from its next request. A revoked token cannot be restored.</p>
      </ConfirmDialog>
    </>
  );
}
