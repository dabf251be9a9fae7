import { z } from 'zod';
import { isVinFormat, normalizeVin } from '../vin/vin.js';

// Inventory's changes feed (`GET /api/automobiles/changes/`) and the sold flag sales sends back: the
// messages between inventory and the services that keep a copy of its cars, defined once here.

/**
 * One feed entry, as far as the services read it. Inventory sends the whole automobile JSON with
 * `seq` and `deleted`; keys beyond these pass the parse (zod objects strip unknown keys), so
 * inventory may add to the entry without breaking its readers.
 */
export const feedChangeSchema = z.object({
  seq: z.number().int(),
  deleted: z.boolean(),
  vin: z.string(),
  sold: z.boolean(),
  year: z.number().int(),
  color: z.string(),
  model: z.object({ name: z.string(), manufacturer: z.object({ name: z.string() }) }),
  /** (sales desk) What the car cost the dealership: in entries read with sales' credential only. */
  cost: z.number().nullable().optional(),
});
export type FeedChange = z.infer<typeof feedChangeSchema>;

/** A page of the feed; `next` is the `after` of the following request. */
export const feedPageSchema = z.object({ changes: z.array(feedChangeSchema), next: z.number().int() });
export type FeedPage = z.infer<typeof feedPageSchema>;

/** The body of `PUT /api/automobiles/:vin/` that sales' outbox sends when a car is sold or a sale undone. */
export const soldUpdateBody = z.object({ sold: z.boolean({ error: 'Choose whether the car is sold: true or false' }) });
export type SoldUpdate = z.infer<typeof soldUpdateBody>;

/** The most cars one `POST /api/automobiles/sold/` may carry: one transaction of a few milliseconds. */
export const SOLD_BATCH_MAX = 500;

/**
 * The body of `POST /api/automobiles/sold/`: the sales outbox's sold and unsold updates for many
 * cars at once, in the order they happened. A VIN appears at most once: a sale and its void go in
 * two requests, one after the other, so each keeps its own place in the trail and the feed.
 */
export const soldBatchBody = z.object({
  automobiles: z
    .array(
      z.object({
        vin: z
          .string({ error: 'Enter the VIN' })
          .transform(normalizeVin)
          .refine(isVinFormat, 'A VIN has 17 letters and digits (no I, O or Q)'),
        sold: soldUpdateBody.shape.sold,
      }),
      { error: 'List the automobiles as [{"vin", "sold"}]' },
    )
    .min(1, 'List at least one automobile')
    .max(SOLD_BATCH_MAX, `At most ${SOLD_BATCH_MAX} automobiles a request; send the rest in another`)
    .superRefine((cars, ctx) => {
      const seen = new Set<string>();
      cars.forEach((car, index) => {
        if (seen.has(car.vin))
          ctx.addIssue({
            code: 'custom',
            path: [index, 'vin'],
            message: `${car.vin} is already in this request; send its next change in a later one`,
          });
        seen.add(car.vin);
      });
    }),
});
export type SoldBatch = z.infer<typeof soldBatchBody>;

/** What inventory did with a batch: how many cars changed, and the VINs it has no car for. */
export const soldBatchResultSchema = z.strictObject({ updated: z.number().int().min(0), missing: z.array(z.string()) });
export type SoldBatchResult = z.infer<typeof soldBatchResultSchema>;
