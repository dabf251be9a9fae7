import type { InspectionPhoto } from '@carcar/common/contract/inspections';
import type { TFunction } from 'i18next';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { photoSource } from '../api/upload-photo';

interface PhotoLightboxProps {
  /** The finding the photos are of: the dialog's title and each photo's alt text. */
  itemName: string;
  photos: InspectionPhoto[];
  /** The photo shown, or null when closed. */
  index: number | null;
  onIndex: (index: number) => void;
  onClose: () => void;
}

export const photoAlt = (t: TFunction, itemName: string, index: number, count: number) =>
  t('inspections:lightbox.alt', { name: itemName, number: index + 1, total: count });

/**
 * One photo large, in a native modal <dialog>: the browser keeps focus inside it and the page
 * behind inert; Escape or Close shuts it and focus goes back to the thumbnail that opened it.
 * Arrow keys (and the buttons) step through the finding's photos.
 */
export function PhotoLightbox({ itemName, photos, index, onIndex, onClose }: PhotoLightboxProps) {
  const { t } = useTranslation('inspections');
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  const open = index !== null;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement;
      // jsdom has no showModal; the attribute alone still shows the dialog there.
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
      closeButton.current?.focus();
    } else if (!open && element.open) {
      if (typeof element.close === 'function') element.close();
      else element.removeAttribute('open');
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    }
  }, [open]);

  const photo = index === null ? undefined : photos[index];
  const step = (by: number) => {
    if (index === null || photos.length < 2) return;
    onIndex((index + by + photos.length) % photos.length);
  };
  return (
    <dialog
      ref={dialog}
      className="photo-lightbox"
      aria-labelledby={titleId}
      // Escape: the browser's cancel; the state is ours, so close through it (and put focus back).
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        } else if (event.key === 'ArrowRight') step(1);
        else if (event.key === 'ArrowLeft') step(-1);
      }}
    >
      {photo && index !== null && (
        <article>
          <header className="lightbox-bar">
            <h2 id={titleId}>
              {itemName}{' '}
              <span className="muted">
                ({t('inspections:lightbox.position', { number: index + 1, total: photos.length })})
              </span>
            </h2>
            <button ref={closeButton} type="button" className="secondary" onClick={onClose}>
              {t('inspections:lightbox.close')}
            </button>
          </header>
          <img
            src={photoSource(photo.url)}
            alt={photoAlt(t, itemName, index, photos.length)}
            width={photo.width}
            height={photo.height}
          />
          {photos.length > 1 && (
            <div className="lightbox-steps">
              <button type="button" className="secondary outline" onClick={() => step(-1)}>
                {t('inspections:lightbox.previous')}
              </button>
              <button type="button" className="secondary outline" onClick={() => step(1)}>
                {t('inspections:lightbox.next')}
              </button>
            </div>
          )}
        </article>
      )}
    </dialog>
  );
}
