import './confirm-dialog.css';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../lib/api-client';
import { useTranslation } from '../lib/i18n';

export interface ConfirmDialogProps {
  /** Whether the dialog is showing; the caller owns it and sets it back to false in `onClose`. */
  open: boolean;
  /** The question, as the dialog's heading and accessible name: "Void this sale?" */
  title: string;
  /** What will happen, in a sentence or two. */
  children?: ReactNode;
  /** The confirming button's label, a verb: "Void sale". */
  confirmLabel: string;
  /** The cancelling button's label: keeping things as they are. */
  cancelLabel?: string;
  /** Ask for a reason in a labelled text box; `required` refuses an empty one. */
  reason?: { label: string; required?: boolean; hint?: string; maxLength?: number; missing?: string };
  /**
   * Runs on confirm with the reason typed (trimmed; '' without a reason box). While its promise is
   * pending the buttons are busy; if it fails the message shows inside the dialog, which stays open.
   */
  onConfirm: (reason: string) => unknown;
  /** Called on cancel, Escape, and after a confirm that succeeded. */
  onClose: () => void;
  /** The confirming button in red, for what cannot simply be undone (the default); false for plain blue. */
  destructive?: boolean;
}

/**
 * A confirmation in a native modal <dialog>: the browser traps focus and makes the rest of the page
 * inert. Focus goes to the reason box (or to the safe Cancel button) on opening, and back to what had
 * it on closing; Escape cancels.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  reason,
  onConfirm,
  onClose,
  destructive = true,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);
  const [text, setText] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useId();
  const titleId = `${ids}-title`;
  const textId = `${ids}-text`;
  const reasonId = `${ids}-reason`;
  const formId = `${ids}-form`;
  const maxLength = reason?.maxLength ?? 500;

  // biome-ignore lint/correctness/useExhaustiveDependencies: only opening and closing matter here
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement;
      setText('');
      setReasonError(null);
      setFailure(null);
      // jsdom has no showModal; the attribute alone still shows the dialog there.
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
      (reason ? reasonBox.current : cancelButton.current)?.focus();
    } else if (!open && element.open) {
      if (typeof element.close === 'function') element.close();
      else element.removeAttribute('open');
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    }
  }, [open]);

  const cancel = () => {
    if (!busy) onClose();
  };

  const confirm = async () => {
    const trimmed = text.trim();
    if (reason?.required && trimmed === '') {
      setReasonError(reason.missing ?? t('common:confirm.reasonMissing'));
      reasonBox.current?.focus();
      return;
    }
    setFailure(null);
    setBusy(true);
    try {
      await onConfirm(trimmed);
      setBusy(false);
      onClose();
    } catch (error) {
      setBusy(false);
      setFailure(errorMessage(error));
    }
  };

  const describedBy = [reasonError ? `${reasonId}-error` : null, reason?.hint ? `${reasonId}-hint` : null]
    .filter(Boolean)
    .join(' ');

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={children ? textId : undefined}
      onCancel={(event) => {
        // Escape: the caller's state decides, so the dialog and `open` never disagree.
        event.preventDefault();
        cancel();
      }}
    >
      <article>
        <header>
          <h2 id={titleId}>{title}</h2>
        </header>
        {children && <div id={textId}>{children}</div>}
        <form
          id={formId}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void confirm();
          }}
        >
          {reason && (
            <div className="field">
              <label htmlFor={reasonId}>
                {reason.label}
                {reason.required ? t('components:confirm.required') : t('components:confirm.optional')}
              </label>
              <textarea
                ref={reasonBox}
                id={reasonId}
                rows={3}
                maxLength={maxLength}
                value={text}
                required={reason.required}
                aria-invalid={reasonError ? true : undefined}
                aria-describedby={describedBy || undefined}
                onChange={(event) => {
                  setText(event.target.value);
                  if (reasonError) setReasonError(null);
                }}
              />
              {reasonError ? (
                <small id={`${reasonId}-error`} className="field-error">
                  {reasonError}
                </small>
              ) : (
                reason.hint && <small id={`${reasonId}-hint`}>{reason.hint}</small>
              )}
            </div>
          )}
          {failure && (
            <p role="alert" className="form-error">
              {failure}
            </p>
          )}
        </form>
        {/* A direct child of the article, so Pico lays the buttons out as a dialog's footer. */}
        <footer>
          <button ref={cancelButton} type="button" className="secondary" onClick={cancel} disabled={busy}>
            {cancelLabel ?? t('common:confirm.cancel')}
          </button>
          <button
            type="submit"
            form={formId}
            className={destructive ? 'danger' : undefined}
            disabled={busy}
            aria-busy={busy || undefined}
          >
            {busy ? t('common:confirm.working') : confirmLabel}
          </button>
        </footer>
      </article>
    </dialog>
  );
}
