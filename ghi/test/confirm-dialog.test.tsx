// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfirmDialog } from '../src/components/confirm-dialog';
import { renderThemed } from './render';

afterEach(cleanup);

function Harness({ confirm }: { confirm: (reason: string) => Promise<void> | void }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Void sale
      </button>
      {done !== null && <p>Voided: {done}</p>}
      <ConfirmDialog
        open={open}
        title="Void this sale?"
        confirmLabel="Void sale"
        cancelLabel="Keep the sale"
        reason={{ label: 'Reason', required: true }}
        onConfirm={async (reason) => {
          await confirm(reason);
          setDone(reason);
        }}
        onClose={() => setOpen(false)}
      >
        <p>The car goes back into stock.</p>
      </ConfirmDialog>
    </>
  );
}

describe('ConfirmDialog', () => {
  it('asks for the required reason, then confirms with it', async () => {
    const user = userEvent.setup();
    renderThemed(<Harness confirm={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Void sale' }));
    const dialog = screen.getByRole('dialog', { name: 'Void this sale?' });
    const reason = screen.getByLabelText('Reason (required)');
    expect(document.activeElement).toBe(reason);
    await user.click(screen.getAllByRole('button', { name: 'Void sale' })[1] as HTMLElement);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Please write a reason first/)).toBeTruthy();
    expect(dialog.hasAttribute('open')).toBe(true);
    await user.type(reason, '  Customer changed their mind ');
    await user.click(screen.getAllByRole('button', { name: 'Void sale' })[1] as HTMLElement);
    expect(screen.getByText('Voided: Customer changed their mind')).toBeTruthy();
    // The dialog closes in the render after the confirmation: on a busy machine that is a moment later.
    await waitFor(() => expect(dialog.hasAttribute('open')).toBe(false));
    // Focus returns to what opened the dialog.
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByRole('button', { name: 'Void sale' })[0]));
  });

  it('keeps the dialog open with the message when the action fails, and cancels on Keep', async () => {
    const user = userEvent.setup();
    renderThemed(
      <Harness
        confirm={() => {
          throw new Error('This sale is already voided.');
        }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Void sale' }));
    const dialog = screen.getByRole('dialog', { name: 'Void this sale?' });
    await user.type(screen.getByLabelText('Reason (required)'), 'Typo');
    await user.click(screen.getAllByRole('button', { name: 'Void sale' })[1] as HTMLElement);
    expect(screen.getByRole('alert').textContent).toBe('This sale is already voided.');
    expect(dialog.hasAttribute('open')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Keep the sale' }));
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(screen.queryByText(/Voided:/)).toBeNull();
  });
});
