import type { InspectionItem, InspectionPhoto } from '@carcar/common/contract/inspections';
import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import type { Db } from '@carcar/common/db/database';
import { asc, inArray } from 'drizzle-orm';
import { inspectionItems, inspectionPhotos } from './schema.js';

// The `inspection` array of a repair order's JSON, shared by the inspection routes and the repair
// orders' JSON (staff and the customer's estimate). A photo's URLs depend on who reads: staff get
// the service's path (behind the gateway's /service prefix), the customer the approval link's own.

/** Whose URLs: staff's (`/api/...`, needing repair_orders.read) or through an approval token. */
export type PhotoLinks = { kind: 'staff' } | { kind: 'public'; token: string };

export type InspectionItemRow = typeof inspectionItems.$inferSelect;
export type InspectionPhotoRow = typeof inspectionPhotos.$inferSelect;

/** The photo's JSON; `?size=thumbnail` answers the 320 px thumbnail. */
export function photoJson(photo: InspectionPhotoRow, links: PhotoLinks): InspectionPhoto {
  const url =
    links.kind === 'staff'
      ? pathTo(serviceApiRoutes.inspection.photo, { id: photo.repairOrderId, item: photo.itemId, photo: photo.id })
      : `/public/estimates/${links.token}/photos/${photo.id}`;
  return { id: photo.id, url, thumbnail_url: `${url}?size=thumbnail`, width: photo.width, height: photo.height };
}

export function inspectionItemJson(
  item: InspectionItemRow,
  photos: readonly InspectionPhotoRow[],
  links: PhotoLinks,
): InspectionItem {
  return {
    id: item.id,
    name: item.name,
    condition: item.condition,
    note: item.note,
    photos: photos.map((photo) => photoJson(photo, links)),
  };
}

/** Each order's inspection items, oldest first, with their photos: two queries for any number of orders. */
export async function inspectionsOf(
  db: Db,
  orderIds: readonly number[],
  links: PhotoLinks,
): Promise<Map<number, InspectionItem[]>> {
  const byOrder = new Map<number, InspectionItem[]>(orderIds.map((id) => [id, []]));
  if (orderIds.length === 0) return byOrder;
  const ids = [...new Set(orderIds)];
  const [items, photos] = await Promise.all([
    db
      .select()
      .from(inspectionItems)
      .where(inArray(inspectionItems.repairOrderId, ids))
      .orderBy(asc(inspectionItems.id)),
    db
      .select()
      .from(inspectionPhotos)
      .where(inArray(inspectionPhotos.repairOrderId, ids))
      .orderBy(asc(inspectionPhotos.id)),
  ]);
  const photosByItem = new Map<number, InspectionPhotoRow[]>();
  for (const photo of photos) {
    const list = photosByItem.get(photo.itemId) ?? [];
    list.push(photo);
    photosByItem.set(photo.itemId, list);
  }
  for (const item of items) {
    byOrder.get(item.repairOrderId)?.push(inspectionItemJson(item, photosByItem.get(item.id) ?? [], links));
  }
  return byOrder;
}

/** One order's inspection, for a repair order's JSON. */
export async function inspectionOf(db: Db, orderId: number, links: PhotoLinks): Promise<InspectionItem[]> {
  return (await inspectionsOf(db, [orderId], links)).get(orderId) ?? [];
}
