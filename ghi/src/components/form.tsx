import { Button, type ButtonProps, type MantineSpacing, NativeSelect, Paper, Text, TextInput } from '@mantine/core';
import type { ComponentPropsWithoutRef, FormEvent, ReactNode } from 'react';
import type { FieldError, FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { useContractMessage } from '../lib/contract-messages';
import { useTranslation } from '../lib/i18n';

interface FieldProps<V extends FieldValues> {
  form: UseFormReturn<V, unknown, unknown>;
  name: Path<V>;
  label: string;
  hint?: ReactNode;
}

function errorOf<V extends FieldValues>(
  form: UseFormReturn<V, unknown, unknown>,
  name: Path<V>,
): FieldError | undefined {
  return name
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], form.formState.errors) as
    | FieldError
    | undefined;
}

// The app's form fields are the component library's (issue 26), wired to react-hook-form. Each
// keeps the id `field-<name>`, so its hint and its error are `field-<name>-description` and
// `field-<name>-error`, which the library points the input's aria-describedby at.

/** A labelled input with its error (from the client or from the API's 400, in the language shown) right below it. */
export function TextField<V extends FieldValues>({
  form,
  name,
  label,
  hint,
  type = 'text',
  ...rest
}: FieldProps<V> & { type?: string; autoComplete?: string; step?: string; min?: string; max?: string }) {
  const error = errorOf(form, name);
  const said = useContractMessage();
  return (
    <TextInput
      id={`field-${name}`}
      className="field"
      mb="sm"
      type={type}
      label={label}
      // The hint gives way to the error: one line under the field says what to do.
      description={error ? undefined : hint}
      error={error ? said(error.message) : undefined}
      errorProps={{ className: 'field-error' }}
      {...rest}
      {...form.register(name)}
    />
  );
}

export function SelectField<V extends FieldValues>({
  form,
  name,
  label,
  options,
  placeholder,
}: FieldProps<V> & { options: { value: string | number; label: string }[]; placeholder: string }) {
  const error = errorOf(form, name);
  const said = useContractMessage();
  return (
    <NativeSelect
      id={`field-${name}`}
      className="field"
      mb="sm"
      label={label}
      error={error ? said(error.message) : undefined}
      errorProps={{ className: 'field-error' }}
      data={[{ value: '', label: placeholder }, ...options.map((o) => ({ value: String(o.value), label: o.label }))]}
      {...form.register(name)}
    />
  );
}

/**
 * A labelled input the page keeps in its own state (a form that is not react-hook-form's), its error
 * (from the check before sending or the API's 400) right below it. The error keeps the id
 * `<id>-error` that the API's 400 is placed by.
 */
export function StateField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  inputMode,
  placeholder,
  autoComplete = 'off',
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  inputMode?: 'decimal' | 'numeric' | 'text';
  placeholder?: string;
  autoComplete?: string;
}) {
  return (
    <TextInput
      id={id}
      className="field"
      label={label}
      value={value}
      inputMode={inputMode}
      placeholder={placeholder}
      autoComplete={autoComplete}
      // The hint gives way to the error, as in the fields above.
      description={error ? undefined : hint}
      error={error}
      errorProps={{ className: 'field-error' }}
      onChange={(event) => onChange(event.currentTarget.value)}
      mb="sm"
    />
  );
}

/** What stops a form as a whole (a refusal, an outage), announced as it appears, above its button. */
export function FormError({ children, mb = 'sm' }: { children: ReactNode; mb?: MantineSpacing | 0 }) {
  return (
    <Text role="alert" className="form-error" c="var(--mantine-color-error)" size="sm" mb={mb}>
      {children}
    </Text>
  );
}

/**
 * A button held while its request is out: not pressed twice, and `aria-busy` says why to assistive
 * technology.
 */
export function BusyButton({
  busy,
  ...props
}: ButtonProps & Omit<ComponentPropsWithoutRef<'button'>, keyof ButtonProps> & { busy: boolean }) {
  return <Button disabled={busy} aria-busy={busy || undefined} {...props} />;
}

/** The form's own error (a 409, an outage) and a submit button that is disabled while saving. */
export function FormFooter<V extends FieldValues>({
  form,
  submit,
  busy,
}: {
  form: UseFormReturn<V, unknown, unknown>;
  submit: string;
  /** The button's words while the request is out. */
  busy?: string;
}) {
  const { t } = useTranslation();
  const said = useContractMessage();
  const serverError = (form.formState.errors as { root?: { server?: FieldError } }).root?.server;
  return (
    <>
      {serverError && <FormError>{said(serverError.message)}</FormError>}
      <BusyButton type="submit" busy={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? (busy ?? t('common:form.saving')) : submit}
      </BusyButton>
    </>
  );
}

/**
 * A form on a card of its own (a page's one form, or one opened in place): bordered and padded,
 * named by `label` for assistive technology; the browser's own checks give way to the form's.
 */
export function FormCard({
  label,
  onSubmit,
  maw,
  children,
}: {
  label: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** The widest the card grows, where a page gives it more room than its fields need. */
  maw?: string;
  children: ReactNode;
}) {
  return (
    <Paper component="form" withBorder p="md" radius="md" maw={maw} onSubmit={onSubmit} noValidate aria-label={label}>
      {children}
    </Paper>
  );
}
