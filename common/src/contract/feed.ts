import { z } from 'zod';

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
});
export type FeedChange = z.infer<typeof feedChangeSchema>;

/** A page of the feed; `next` is the `after` of the following request. */
export const feedPageSchema = z.object({ changes: z.array(feedChangeSchema), next: z.number().int() });
export type FeedPage = z.infer<typeof feedPageSchema>;

/** The body of `PUT /api/automobiles/:vin/` that sales' outbox sends when a car is sold or a sale undone. */
export const soldUpdateBody = z.object({ sold: z.boolean({ error: 'Choose whether the car is sold: true or false' }) });
export type SoldUpdate = z.infer<typeof soldUpdateBody>;
