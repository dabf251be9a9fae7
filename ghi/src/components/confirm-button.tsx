import { useRef } from 'react';

/** A destructive action that asks first, in a native modal dialog (focus trapped, Esc closes). */
export function ConfirmButton({
  label,
  question,
  confirm,
  onConfirm,
  disabled,
}: {
  label: string;
  question: string;
  confirm: string;
  onConfirm: () => void;
  disabled?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        className="secondary outline small"
        disabled={disabled}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </button>
      <dialog ref={dialog} aria-label={question}>
        <article>
          <p>{question}</p>
          <footer>
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              Keep it
            </button>
            <button
              type="button"
              onClick={() => {
                dialog.current?.close();
                onConfirm();
              }}
            >
              {confirm}
            </button>
          </footer>
        </article>
      </dialog>
    </>
  );
}
