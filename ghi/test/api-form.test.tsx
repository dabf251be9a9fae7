// @vitest-environment jsdom
import { manufacturerBody } from '@carcar/common/contract/inventory';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FormFooter, TextField } from '../src/components/form';
import { ApiError } from '../src/lib/api-client';
import { useApiForm } from '../src/lib/use-api-form';
import { renderThemed } from './render';

function ManufacturerForm({
  save,
  keepValues,
}: {
  save: (values: { name: string }) => Promise<unknown>;
  keepValues?: boolean;
}) {
  const { form, onSubmit } = useApiForm({
    schema: manufacturerBody,
    defaultValues: { name: '' },
    save,
    success: 'Saved',
    keepValues,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <TextField form={form} name="name" label="Name" />
      <FormFooter form={form} submit="Add" />
    </form>
  );
}

afterEach(cleanup);

describe('forms built with useApiForm', () => {
  it('shows the client-side field error without calling the API', async () => {
    const calls: unknown[] = [];
    renderThemed(<ManufacturerForm save={async (v) => calls.push(v)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Enter the name')).toBeTruthy();
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(calls).toEqual([]);
  });

  it("puts the API's 400 field messages next to the fields", async () => {
    renderThemed(
      <ManufacturerForm
        save={async () => {
          throw new ApiError('Invalid request', 400, [{ path: 'name', message: 'is reserved' }]);
        }}
      />,
    );
    await userEvent.type(screen.getByLabelText('Name'), 'Acme');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByText('is reserved')).id).toBe('field-name-error');
  });

  it("shows a 409's message on the form, and keeps the button disabled while saving", async () => {
    let finish: (() => void) | undefined;
    renderThemed(
      <ManufacturerForm
        save={() =>
          new Promise((_, reject) => {
            finish = () => reject(new ApiError('A manufacturer named "Acme" already exists', 409));
          })
        }
      />,
    );
    await userEvent.type(screen.getByLabelText('Name'), 'Acme');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    const saving = await screen.findByRole('button', { name: 'Saving…' });
    expect((saving as HTMLButtonElement).disabled).toBe(true);
    finish?.();
    expect((await screen.findByRole('alert')).textContent).toBe('A manufacturer named "Acme" already exists');
    expect(((await screen.findByRole('button', { name: 'Add' })) as HTMLButtonElement).disabled).toBe(false);
  });

  it("marks the field a 409 names, and says a 400's point about another field above the button", async () => {
    renderThemed(
      <ManufacturerForm
        save={async () => {
          throw new ApiError('A manufacturer named "Acme" already exists', 409, [
            { path: 'name', message: 'A manufacturer named "Acme" already exists' },
          ]);
        }}
      />,
    );
    await userEvent.type(screen.getByLabelText('Name'), 'Acme');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toBe('A manufacturer named "Acme" already exists');
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    cleanup();
    renderThemed(
      <ManufacturerForm
        save={async () => {
          throw new ApiError('Check the highlighted fields', 400, [{ path: 'country', message: 'Enter the country' }]);
        }}
      />,
    );
    await userEvent.type(screen.getByLabelText('Name'), 'Acme');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Check the highlighted fields');
  });

  it('keeps the saved values in an edit form, and empties an add form', async () => {
    renderThemed(<ManufacturerForm keepValues save={async () => ({})} />);
    await userEvent.type(screen.getByLabelText('Name'), 'Acme');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    await screen.findByRole('button', { name: 'Add' });
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Acme');
    cleanup();
    renderThemed(<ManufacturerForm save={async () => ({})} />);
    await userEvent.type(screen.getByLabelText('Name'), 'Acme');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    await expect.poll(() => (screen.getByLabelText('Name') as HTMLInputElement).value).toBe('');
  });
});
