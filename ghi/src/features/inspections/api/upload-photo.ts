import type { InspectionPhoto } from '@carcar/common/contract/inspections';
import { MAX_PHOTO_BYTES } from '@carcar/common/contract/inspections';
import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import { ApiError, CSRF_HEADER, serviceApi } from '../../../lib/api-client';
import { formatDecimal } from '../../../lib/format';
import { i18n } from '../../../lib/i18n';

// The words here are read when a file is chosen or an upload ends, in the language shown then.

/** What the camera gives that the API takes; anything else is refused here before a byte is sent. */
const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** The photo's own address on the app's origin, for an <img> (the API answers a path). */
export function photoSource(path: string): string {
  return `${serviceApi.defaults.baseURL ?? ''}${path}`;
}

/** A reason not to send this file at all, in words, or null when it may go. */
export function photoProblem(file: File): string | null {
  // Some phones leave the type empty; the API reads the bytes anyway and answers 415 if it is no image.
  if (file.type && !ACCEPTED.has(file.type)) return i18n.t('inspections:photo.notPicture');
  if (file.size > MAX_PHOTO_BYTES) {
    return i18n.t('inspections:photo.tooBig', { size: formatDecimal(file.size / 1024 / 1024, 1, 1) });
  }
  return null;
}

function failure(xhr: XMLHttpRequest): ApiError {
  let body: { message?: unknown; code?: unknown } = {};
  try {
    body = JSON.parse(xhr.responseText) as typeof body;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  const fallback =
    xhr.status === 413
      ? i18n.t('inspections:photo.tooLarge')
      : xhr.status === 415
        ? i18n.t('inspections:photo.notImage')
        : i18n.t('inspections:photo.answered', { status: xhr.status });
  return new ApiError(
    typeof body.message === 'string' ? body.message : fallback,
    xhr.status,
    [],
    typeof body.code === 'string' ? body.code : null,
  );
}

/**
 * `POST /api/repair-orders/:id/inspection/:item/photos/` as multipart, through XMLHttpRequest, which
 * alone reports how much of the upload has gone (a phone photo on the shop's Wi-Fi takes seconds).
 * It carries the gateway's CSRF header, as every write of the app does.
 */
export function uploadPhoto(
  orderId: number,
  itemId: number,
  file: File,
  onProgress: (fraction: number) => void,
): { done: Promise<InspectionPhoto>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<InspectionPhoto>((resolve, reject) => {
    xhr.open('POST', photoSource(pathTo(serviceApiRoutes.inspection.addPhoto, { id: orderId, item: itemId })));
    xhr.setRequestHeader(CSRF_HEADER, '1');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status === 201 || xhr.status === 200) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as InspectionPhoto);
      } else {
        reject(failure(xhr));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(i18n.t('inspections:photo.unreachable'), null)));
    xhr.addEventListener('abort', () => reject(new ApiError(i18n.t('inspections:photo.stopped'), null)));
    const form = new FormData();
    form.append('photo', file, file.name || 'photo.jpg');
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
