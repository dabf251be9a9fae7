import type { InspectionItem } from '@carcar/common/contract/inspections';
import { Button, Paper, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { BusyButton } from '../../../components/form';
import { errorMessage } from '../../../lib/api-client';
import { useTranslation } from '../../../lib/i18n';
import { serviceKeys } from '../../../lib/query-keys';
import { useDeleteInspectionItem, useProposeFromItem } from '../api/inspection';
import { photoProblem, photoSource, uploadPhoto } from '../api/upload-photo';
import { needsWork } from '../conditions';
import { ConditionChip } from './condition-chip';
import { EditFinding } from './edit-finding';
import { PhotoLightbox, photoAlt } from './photo-lightbox';

/** The photos of one finding as thumbnails, each opening the lightbox. */
export function PhotoStrip({ item }: { item: InspectionItem }) {
  const { t } = useTranslation('inspections');
  const [shown, setShown] = useState<number | null>(null);
  if (item.photos.length === 0) return null;
  return (
    <>
      <ul className="photo-strip" aria-label={t('inspections:finding.photosOf', { name: item.name })}>
        {item.photos.map((photo, index) => (
          <li key={photo.id}>
            <UnstyledButton
              type="button"
              className="photo-thumb"
              onClick={() => setShown(index)}
              aria-label={t('inspections:finding.showLarger', {
                photo: photoAlt(t, item.name, index, item.photos.length),
              })}
            >
              <img
                src={photoSource(photo.thumbnail_url)}
                alt=""
                width={photo.width}
                height={photo.height}
                loading="lazy"
              />
            </UnstyledButton>
          </li>
        ))}
      </ul>
      <PhotoLightbox
        itemName={item.name}
        photos={item.photos}
        index={shown}
        onIndex={setShown}
        onClose={() => setShown(null)}
      />
    </>
  );
}

/** "Take photo": the phone's rear camera (or a picture from the files on a computer), uploaded at once. */
function CameraButton({ orderId, item }: { orderId: number; item: InspectionItem }) {
  const { t } = useTranslation('inspections');
  const queryClient = useQueryClient();
  const inputId = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const send = async (file: File | undefined) => {
    if (!file) return;
    const refused = photoProblem(file);
    setProblem(refused);
    if (refused) return;
    setProgress(0);
    try {
      await uploadPhoto(orderId, item.id, file, setProgress).done;
      await queryClient.invalidateQueries({ queryKey: serviceKeys.repairOrders.all });
      toast.success(t('inspections:finding.photoAdded', { name: item.name }));
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setProgress(null);
    }
  };
  const busy = progress !== null;
  return (
    <div className="camera">
      <label htmlFor={inputId} className={`camera-button${busy ? ' busy' : ''}`} aria-disabled={busy || undefined}>
        {busy
          ? t('inspections:finding.uploading')
          : item.photos.length > 0
            ? t('inspections:finding.takeAnother')
            : t('inspections:finding.takePhoto')}
        <span className="visually-hidden"> {t('inspections:finding.ofItem', { name: item.name })}</span>
      </label>
      <input
        id={inputId}
        className="visually-hidden camera-input"
        type="file"
        accept="image/*"
        capture="environment"
        disabled={busy}
        onChange={(event) => {
          void send(event.target.files?.[0]);
          // The same picture chosen again (after a failure) is a change too.
          event.target.value = '';
        }}
      />
      {busy && (
        <div className="upload-progress">
          <progress
            value={Math.round(progress * 100)}
            max={100}
            aria-label={t('inspections:finding.uploadingPhotoOf', { name: item.name })}
          />
          <span aria-hidden="true">{Math.round(progress * 100)}%</span>
        </div>
      )}
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
    </div>
  );
}

/**
 * One recorded finding: its condition, note and photos; for those who may add to the order, the
 * camera, Edit and Delete and, on a yellow or red finding, "Add to estimate".
 */
export function FindingCard({
  orderId,
  item,
  onEstimate,
  mayPropose,
  onRemoved,
}: {
  orderId: number;
  item: InspectionItem;
  /** Already a proposed line on the order (the line is named after the finding). */
  onEstimate: boolean;
  mayPropose: boolean;
  /** After the finding is deleted: its card is gone, so the page says where focus goes. */
  onRemoved?: () => void;
}) {
  const { t } = useTranslation('inspections');
  const propose = useProposeFromItem(orderId);
  const remove = useDeleteInspectionItem(orderId);
  const [added, setAdded] = useState(false);
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const headingId = useId();
  const estimated = onEstimate || added;

  const removed = useRef(false);
  const removedCallback = useRef(onRemoved);
  removedCallback.current = onRemoved;

  // Back from the form (saved or cancelled): focus returns to Edit, where the keyboard left.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  // Once the deleted finding's card is gone (after the dialog gave focus back to its Delete button),
  // the page says where focus goes.
  useEffect(
    () => () => {
      if (removed.current) removedCallback.current?.();
    },
    [],
  );

  return (
    <Paper
      component="article"
      withBorder
      radius="md"
      p="sm"
      mb="sm"
      className={`finding ${item.condition}`}
      aria-labelledby={headingId}
      data-testid={`finding-${item.id}`}
    >
      <div className="finding-head">
        <h3 id={headingId}>{item.name}</h3>
        <ConditionChip condition={item.condition} />
      </div>
      {editing && <EditFinding orderId={orderId} item={item} onDone={() => setEditing(false)} />}
      {!editing && item.note && <p className="finding-note">{item.note}</p>}
      {!editing && <PhotoStrip item={item} />}
      {mayPropose && !editing && (
        <div className="finding-actions">
          <CameraButton orderId={orderId} item={item} />
          {needsWork(item.condition) &&
            (estimated ? (
              <p className="on-estimate" role="status">
                {t('inspections:finding.onEstimate')}
              </p>
            ) : (
              <BusyButton
                type="button"
                size="lg"
                fullWidth
                busy={propose.isPending}
                aria-label={t('inspections:finding.addToEstimateOf', { name: item.name })}
                onClick={() =>
                  propose.mutate(item.id, {
                    onSuccess: () => {
                      setAdded(true);
                      toast.success(t('inspections:finding.proposed', { name: item.name }));
                    },
                    onError: (error) => toast.error(errorMessage(error)),
                  })
                }
              >
                {t('inspections:finding.addToEstimate')}
              </BusyButton>
            ))}
          <Button
            ref={editButton}
            type="button"
            variant="default"
            size="lg"
            fullWidth
            aria-label={t('inspections:finding.editOf', { name: item.name })}
            onClick={() => setEditing(true)}
          >
            {t('inspections:finding.edit')}
          </Button>
          <Button
            type="button"
            variant="default"
            size="lg"
            fullWidth
            aria-label={t('inspections:finding.deleteOf', { name: item.name })}
            onClick={() => setAsking(true)}
          >
            {t('inspections:finding.delete')}
          </Button>
          <ConfirmDialog
            open={asking}
            title={t('inspections:remove.title', { name: item.name })}
            confirmLabel={t('inspections:remove.confirm')}
            cancelLabel={t('inspections:remove.keep')}
            onConfirm={async () => {
              await remove.mutateAsync(item.id);
              removed.current = true;
              toast.success(t('inspections:remove.done', { name: item.name }));
            }}
            onClose={() => setAsking(false)}
          >
            <p>
              {item.photos.length > 0
                ? t('inspections:remove.withPhotos', { count: item.photos.length })
                : t('inspections:remove.text')}
            </p>
          </ConfirmDialog>
        </div>
      )}
      {!mayPropose && needsWork(item.condition) && estimated && (
        <p className="on-estimate">{t('inspections:finding.onEstimate')}</p>
      )}
    </Paper>
  );
}
