import type { InspectionPhoto } from '@carcar/common/contract/inspections';
import { Button, Group, Image, Modal, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useCallback, useEffect } from 'react';
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
 * One photo large, in a modal: focus stays inside it and the page behind is inert; Escape or Close
 * shuts it and focus goes back to the thumbnail that opened it. Arrow keys (and the buttons) step
 * through the finding's photos.
 */
export function PhotoLightbox({ itemName, photos, index, onIndex, onClose }: PhotoLightboxProps) {
  const { t } = useTranslation('inspections');
  const open = index !== null;
  const photo = index === null ? undefined : photos[index];
  const step = useCallback(
    (by: number) => {
      if (index === null || photos.length < 2) return;
      onIndex((index + by + photos.length) % photos.length);
    },
    [index, photos.length, onIndex],
  );
  // The arrows step wherever the focus is inside the modal (Close, the buttons, the photo).
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'ArrowRight') step(1);
      else if (event.key === 'ArrowLeft') step(-1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, step]);
  return (
    <Modal
      opened={open}
      onClose={onClose}
      size="min(96vw, 1100px)"
      centered
      withCloseButton={false}
      returnFocus
      className="photo-lightbox"
      title={
        <>
          {itemName}{' '}
          {index !== null && (
            <Text component="span" c="dimmed" inherit>
              ({t('inspections:lightbox.position', { number: index + 1, total: photos.length })})
            </Text>
          )}
        </>
      }
    >
      {photo && index !== null && (
        <Stack gap="xs">
          <Group justify="flex-end">
            <Button variant="default" mih={44} onClick={onClose} data-autofocus>
              {t('inspections:lightbox.close')}
            </Button>
          </Group>
          <Image
            src={photoSource(photo.url)}
            alt={photoAlt(t, itemName, index, photos.length)}
            width={photo.width}
            height={photo.height}
            fit="contain"
            mah="75vh"
            w="100%"
            h="auto"
          />
          {photos.length > 1 && (
            <Group grow gap="xs">
              <Button variant="default" mih={44} onClick={() => step(-1)}>
                {t('inspections:lightbox.previous')}
              </Button>
              <Button variant="default" mih={44} onClick={() => step(1)}>
                {t('inspections:lightbox.next')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  );
}
