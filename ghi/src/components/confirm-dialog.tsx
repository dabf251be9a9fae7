import { Box, Button, Group, Modal, Text, Textarea } from '@mantine/core';
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../lib/api-client';
import { useTranslation } from '../lib/i18n';
import { BusyButton } from './form';

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
 * A confirmation in Mantine's Modal: focus is trapped in it, goes to the reason box (or to the safe
 * Cancel button) on opening, and back to what had it on closing; Escape and a click outside cancel.
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
  const reasonBox = useRef<HTMLTextAreaElement | null>(null);
  const opener = useRef<Element | null>(null);
  const [text, setText] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = `${useId()}-form`;
  const maxLength = reason?.maxLength ?? 500;

  // Each opening starts afresh: no reason, error or failure left from the last time. On closing,
  // focus goes back to what opened the dialog, at once and only if it is still on the page: Mantine's
  // own return comes a moment later and would take focus from where the page has just put it (the
  // heading, after a delete).
  useEffect(() => {
    if (open) {
      setText('');
      setReasonError(null);
      setFailure(null);
    } else if (opener.current) {
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
      opener.current = null;
    }
  }, [open]);

  // The first focus, as the dialog's content mounts: at once, not on the focus trap's next tick, so
  // what comes next (typing, a screen reader) starts in the dialog. What had focus is kept first.
  const focusFirst = useCallback(
    (node: HTMLElement | null) => {
      if (!node || !open) return;
      opener.current ??= document.activeElement;
      node.focus();
    },
    [open],
  );
  const reasonRef = useCallback(
    (node: HTMLTextAreaElement | null) => {
      reasonBox.current = node;
      focusFirst(node);
    },
    [focusFirst],
  );

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

  // The dialog says it is open as a native <dialog> does, with an `open` attribute, so whatever reads
  // a dialog's state that way (tests, scripts) still can; Mantine's section has no such attribute.
  const openAttribute = { open };

  return (
    <Modal.Root
      opened={open}
      onClose={cancel}
      centered
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      // A node of its own, added at the end of the page as the dialog opens: it always comes after the
      // page in document order, as a native dialog's top layer does, not before it in a node that an
      // earlier dialog or menu left at the start of <body>.
      portalProps={{ reuseTargetNode: false }}
      returnFocus={false}
      // Kept in the page while closed (hidden), so the dialog element itself says it closed: its
      // `open` attribute goes, as a native <dialog>'s does, rather than the element being dropped.
      keepMounted
    >
      <Modal.Overlay />
      <Modal.Content {...openAttribute}>
        <Modal.Header>
          {/* Modal.Title is the dialog's accessible name (aria-labelledby). */}
          <Modal.Title component="h2" fw={650} fz="lg">
            {title}
          </Modal.Title>
        </Modal.Header>
        {/* Modal.Body is the dialog's description (aria-describedby): the sentence, not the form. */}
        {children && <Modal.Body>{children}</Modal.Body>}
        <Box
          component="form"
          id={formId}
          noValidate
          px="md"
          pb="md"
          onSubmit={(event) => {
            event.preventDefault();
            void confirm();
          }}
        >
          {reason && (
            <Textarea
              ref={reasonRef}
              // Focused on opening (Mantine's focus trap looks for this attribute).
              data-autofocus
              label={`${reason.label}${reason.required ? t('components:confirm.required') : t('components:confirm.optional')}`}
              // "(required)" is said in the label's words; Mantine's asterisk would say it twice.
              withAsterisk={false}
              required={reason.required}
              description={reasonError ? undefined : reason.hint}
              error={reasonError}
              rows={3}
              maxLength={maxLength}
              value={text}
              onChange={(event) => {
                setText(event.currentTarget.value);
                if (reasonError) setReasonError(null);
              }}
              mb="sm"
            />
          )}
          {failure && (
            <Text role="alert" c="red.9" size="sm" mb="sm">
              {failure}
            </Text>
          )}
          {/* Side by side and as wide as their words; on a phone they wrap, the confirming one last. */}
          <Group justify="flex-end" gap="sm">
            <Button
              ref={reason ? undefined : focusFirst}
              type="button"
              variant="default"
              onClick={cancel}
              disabled={busy}
              data-autofocus={!reason || undefined}
            >
              {cancelLabel ?? t('common:confirm.cancel')}
            </Button>
            <BusyButton type="submit" color={destructive ? 'red' : undefined} busy={busy}>
              {busy ? t('common:confirm.working') : confirmLabel}
            </BusyButton>
          </Group>
        </Box>
      </Modal.Content>
    </Modal.Root>
  );
}
