import { createHash } from 'node:crypto';
import type { InspectionPhoto } from '@carcar/common/contract/inspections';
import type { RepairOrderStatus } from '@carcar/common/contract/repair-orders';
import type { RequestContext } from '@carcar/common/db/audit';
import { auditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { PG_FOREIGN_KEY_VIOLATION, pgErrorCode } from '@carcar/common/db/pg-errors';
import { AppError, conflict, notFound } from '@carcar/common/errors';
import { photoJson } from '../db/inspection.js';
import { processPhoto } from './process.js';
import { photoStatements } from './statements.js';
import type { PhotoSize, PhotoStore } from './store.js';

/** Orders whose inspection is closed: an invoiced order is final, a void one is gone. */
const CLOSED: readonly RepairOrderStatus[] = ['invoiced', 'closed', 'void'];

/** An approval link's token as the repair orders issue it: 256 random bits, base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Photos of inspection items: upload (processed, stored as files, the row audited) and reading them back. */
export function photoUseCases(db: Db, store: PhotoStore) {
  const statements = photoStatements(db);

  return {
    /** 404 unless the item is on the order; 409 once the order is invoiced or void. Before the upload is read. */
    async assertCanAdd(orderId: number, itemId: number): Promise<void> {
      const item = await statements.item(orderId, itemId);
      if (!item) throw notFound();
      if (CLOSED.includes(item.status)) {
        throw conflict(`This order is ${item.status}; its inspection can no longer change`, { status: item.status });
      }
    },

    /**
     * Processes the upload (415 for anything but a JPEG, PNG or WebP image), stores its two files and
     * then its row; a row that cannot be written takes its files with it.
     */
    async add(orderId: number, itemId: number, bytes: Buffer, context: RequestContext): Promise<InspectionPhoto> {
      const processed = await processPhoto(bytes);
      const file = await store.save(processed.display, processed.thumbnail);
      try {
        const row = await statements.insert(
          {
            itemId,
            repairOrderId: orderId,
            file,
            width: processed.width,
            height: processed.height,
            bytes: processed.display.length,
            thumbnailBytes: processed.thumbnail.length,
            sourceType: processed.sourceType,
          },
          auditContext(context),
        );
        return photoJson(row, { kind: 'staff' });
      } catch (error) {
        await store.remove(file);
        // The finding was removed while the photo was on its way (its check passed before the body
        // arrived): the photo has nothing left to belong to.
        if (pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION) throw notFound();
        throw error;
      }
    },

    /** Staff's read: the photo must be of this order and item. */
    async readForStaff(orderId: number, itemId: number, photoId: number, size: PhotoSize): Promise<Buffer> {
      const photo = await statements.photo(orderId, photoId, itemId);
      if (!photo) throw notFound();
      return store.read(photo.file, size);
    },

    /**
     * The customer's read through the approval link: only a photo of the token's own order. 404 for
     * a token never given (or replaced), 410 once it expired, as the estimate itself answers.
     */
    async readForToken(token: string, photoId: number, size: PhotoSize): Promise<Buffer> {
      if (!TOKEN_PATTERN.test(token)) throw notFound();
      // Only the token's SHA-256 is stored (repair-orders/approval-token.ts).
      const order = await statements.orderOfTokenHash(createHash('sha256').update(token).digest('hex'));
      if (!order) throw notFound();
      if (!order.expiresAt || order.expiresAt.getTime() <= Date.now()) {
        throw new AppError(410, 'gone', 'This approval link has expired; ask the service advisor to send a new one');
      }
      const photo = await statements.photo(order.id, photoId);
      if (!photo) throw notFound();
      return store.read(photo.file, size);
    },
  };
}
