import { MAX_PHOTO_BYTES } from '@carcar/common/contract/inspections';
import { AppError, invalidField } from '@carcar/common/errors';
import busboy from 'busboy';
import type { Request } from 'express';

// Reading the `photo` field of a multipart/form-data upload with busboy, which streams: at most
// MAX_PHOTO_BYTES of it are ever held, and a larger file is refused with 413 as soon as it passes
// the limit (the rest of the request is read and dropped, so the client still gets the answer).

/** Room for the form's boundaries and headers around the photo. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export function photoTooLarge(): AppError {
  const message = `The photo is larger than the ${MAX_PHOTO_BYTES / 1024 / 1024} MB allowed`;
  return new AppError(413, 'payload_too_large', message, [{ path: 'photo', message }]);
}

function notMultipart(): AppError {
  return new AppError(415, 'unsupported_media_type', 'Send the photo as multipart/form-data with a field named photo', [
    { path: 'photo', message: 'Send the photo as multipart/form-data with a field named photo' },
  ]);
}

/**
 * The bytes of the request's `photo` file. 415 unless the request is multipart/form-data, 413 for a
 * body or file over the limit (a declared Content-Length is refused before anything is read), 400
 * when there is no `photo` file.
 */
export function readPhotoField(req: Request): Promise<Buffer> {
  if (!req.is('multipart/form-data')) return Promise.reject(notMultipart());
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_PHOTO_BYTES + FORM_OVERHEAD_BYTES) {
    return Promise.reject(photoTooLarge());
  }
  return new Promise<Buffer>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 20, fieldSize: 1024, parts: 25 },
      });
    } catch {
      reject(notMultipart());
      return;
    }
    const chunks: Buffer[] = [];
    let found = false;
    let tooLarge = false;
    parser.on('file', (name, stream) => {
      if (name !== 'photo' || found) {
        stream.resume();
        return;
      }
      found = true;
      stream.on('data', (chunk: Buffer) => {
        if (!tooLarge) chunks.push(chunk);
      });
      stream.on('limit', () => {
        // Past the limit: drop what was held; busboy reads on and discards the rest.
        tooLarge = true;
        chunks.length = 0;
      });
    });
    parser.on('error', () =>
      reject(invalidField('photo', 'The upload was cut short or is not valid multipart/form-data')),
    );
    parser.on('close', () => {
      if (tooLarge) reject(photoTooLarge());
      else if (!found) reject(invalidField('photo', 'Attach the photo as a file in a field named photo'));
      else resolve(Buffer.concat(chunks));
    });
    req.on('aborted', () => reject(invalidField('photo', 'The upload was cut short')));
    req.pipe(parser);
  });
}
