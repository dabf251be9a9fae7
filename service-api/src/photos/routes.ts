import type { Db } from '@carcar/common/db/database';
import { contextOf } from '@carcar/common/http/routes';
import { parseId, parseInput } from '@carcar/common/http/validation';
import { type Response, Router } from 'express';
import { z } from 'zod';
import { photoStore } from './store.js';
import { readPhotoField } from './upload.js';
import { photoUseCases } from './use-cases.js';

/** `?size=thumbnail` answers the 320 px thumbnail; without it, the display image. */
const photoQuery = z.object({
  size: z.enum(['display', 'thumbnail'], { error: 'Choose a size: display or thumbnail' }).default('display'),
});

/**
 * An image: its type said (every stored photo is a JPEG we wrote), never sniffed by the browser,
 * and kept only by the reader's own browser, for an hour (a photo never changes; a new one is a new id).
 */
function sendImage(res: Response, image: Buffer): void {
  res.set({
    'Content-Type': 'image/jpeg',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, max-age=3600',
    'Content-Disposition': 'inline',
  });
  res.send(image);
}

/** `/api/repair-orders/:id/inspection/:item/photos/…`: staff upload and read inspection photos. */
export function photosRouter(db: Db, photosDir: string): Router {
  const photos = photoUseCases(db, photoStore(photosDir));
  const router = Router();
  router.post('/:id/inspection/:item/photos', async (req, res) => {
    const orderId = parseId(req.params.id);
    const itemId = parseId(req.params.item);
    await photos.assertCanAdd(orderId, itemId);
    const bytes = await readPhotoField(req);
    res.status(201).json(await photos.add(orderId, itemId, bytes, contextOf(res)));
  });
  router.get('/:id/inspection/:item/photos/:photo', async (req, res) => {
    const { size } = parseInput(photoQuery, req.query);
    const image = await photos.readForStaff(
      parseId(req.params.id),
      parseId(req.params.item),
      parseId(req.params.photo),
      size,
    );
    sendImage(res, image);
  });
  return router;
}

/** `/public/estimates/<token>/photos/<photo>`: the customer's view of a photo of their own order. */
export function publicPhotosRouter(db: Db, photosDir: string): Router {
  const photos = photoUseCases(db, photoStore(photosDir));
  const router = Router();
  router.get('/:token/photos/:photo', async (req, res) => {
    const { size } = parseInput(photoQuery, req.query);
    sendImage(res, await photos.readForToken(req.params.token, parseId(req.params.photo), size));
  });
  return router;
}
