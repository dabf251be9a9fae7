import type { ReactNode } from 'react';
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
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        {...rest}
        {...form.register(name)}
      />
      {error ? (
        <small id={`${id}-error`} className="field-error">
          {said(error.message)}
        </small>
      ) : (
        hint && <small id={`${id}-hint`}>{hint}</small>
      )}
    </div>
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
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...form.register(name)}
      >
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <small id={`${id}-error`} className="field-error">
          {said(error.message)}
        </small>
      )}
    </div>
  );
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
      {serverError && (
        <p role="alert" className="form-error">
          {said(serverError.message)}
        </p>
      )}
      <button type="submit" disabled={form.formState.isSubmitting} aria-busy={form.formState.isSubmitting || undefined}>
        {form.formState.isSubmitting ? (busy ?? t('common:form.saving')) : submit}
      </button>
    </>
  );
}
