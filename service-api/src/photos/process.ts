import { AppError } from '@carcar/common/errors';
import sharp from 'sharp';

// An uploaded photo becomes two new JPEG files: a display image at most 1600 px on its longer side
// and a 320 px thumbnail. Re-encoding from pixels is what strips EXIF, GPS and every other piece of
// metadata (sharp writes none unless asked), and what makes a hostile file harmless: only decoded
// pixels reach the stored image. The sizes and what they cost a year are in docs/photos.md.

export const DISPLAY_PX = 1600;
export const THUMBNAIL_PX = 320;
const JPEG_QUALITY = 80;
/**
 * Decoding stops above this many pixels (a "decompression bomb": a small PNG of 30,000 × 30,000 px
 * would need gigabytes). 100 MP is above any phone's full-size photo (a 50 MP camera's 8,160 × 6,120).
 */
export const MAX_INPUT_PIXELS = 100_000_000;

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The type the bytes say, by their signature; never the file's name or its declared type. */
export function sniffPhotoType(bytes: Buffer): PhotoType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    return 'image/webp';
  }
  return undefined;
}

/** sharp's name for each accepted type: the decoder it picked must agree with the signature. */
const sharpFormats: Record<PhotoType, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };

export function unsupportedPhoto(): AppError {
  return new AppError(415, 'unsupported_media_type', 'The photo must be a JPEG, PNG or WebP image', [
    { path: 'photo', message: 'Send a JPEG, PNG or WebP image' },
  ]);
}

export interface ProcessedPhoto {
  sourceType: PhotoType;
  display: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
}

/** One size of the photo: upright, within `px` × `px`, on white where it was transparent, as JPEG. */
function render(bytes: Buffer, px: number) {
  return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
    .autoOrient()
    .resize(px, px, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
}

/**
 * The display image and thumbnail of an upload, or 415 when the bytes are not a JPEG, PNG or WebP
 * image sharp can decode (a text file named .jpg, a truncated or corrupt image), or 413 when it has
 * more pixels than `MAX_INPUT_PIXELS`.
 */
export async function processPhoto(bytes: Buffer): Promise<ProcessedPhoto> {
  const sourceType = sniffPhotoType(bytes);
  if (!sourceType) throw unsupportedPhoto();
  let format: string | undefined;
  let pixels = 0;
  try {
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
    format = metadata.format;
    pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
  } catch {
    throw unsupportedPhoto();
  }
  if (format !== sharpFormats[sourceType]) throw unsupportedPhoto();
  if (pixels > MAX_INPUT_PIXELS) {
    throw new AppError(
      413,
      'payload_too_large',
      `The photo has more than ${MAX_INPUT_PIXELS / 1_000_000} megapixels; send a smaller one`,
      [{ path: 'photo', message: 'Send a photo of at most 100 megapixels' }],
    );
  }
  try {
    const display = await render(bytes, DISPLAY_PX);
    // From the display image, already upright and flat: the original is decoded once.
    const thumbnail = await render(display.data, THUMBNAIL_PX);
    return {
      sourceType,
      display: display.data,
      thumbnail: thumbnail.data,
      width: display.info.width,
      height: display.info.height,
    };
  } catch {
    // The header read, the pixels did not (a truncated or corrupt file): not an image we can keep.
    throw unsupportedPhoto();
  }
}
