import { z } from 'zod';
import { formatNumber, requiredText } from './fields.js';
import type { InspectionItem } from './repair-orders.js';

// The multi-point inspection of a repair order (service API), shared with the browser app: what
// the technician found, item by item, with photos; a yellow or red item can become a proposed line.

export const inspectionConditions = ['green', 'yellow', 'red'] as const;
export type InspectionCondition = (typeof inspectionConditions)[number];

export type { InspectionItem };
export type InspectionPhoto = InspectionItem['photos'][number];

/** The largest photo accepted, in bytes (10 MB): a phone's full-size JPEG is 2 to 5 MB. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** The image types accepted, by their content (never by the file's name or declared type). */
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** `POST /api/repair-orders/:id/inspection/`. */
export const inspectionItemBody = z.object({
  name: requiredText(100, 'name of the item inspected'),
  condition: z.enum(inspectionConditions, { error: 'Choose a condition: green, yellow or red' }),
  note: z
    .string({ error: 'Enter the note as text' })
    .trim()
    .max(1000, `The note can be at most ${formatNumber(1000)} characters`)
    .optional()
    .transform((note) => note || undefined),
});
export type InspectionItemInput = z.output<typeof inspectionItemBody>;

/**
 * `PUT /api/repair-orders/:id/inspection/:item/`: the fields given change, the others stay. An empty
 * note (or null) clears it. Nothing to change is a 400, so a client that lost its fields hears so.
 */
export const inspectionItemUpdateBody = z
  .object({
    name: requiredText(100, 'name of the item inspected').optional(),
    condition: z.enum(inspectionConditions, { error: 'Choose a condition: green, yellow or red' }).optional(),
    note: z
      .string({ error: 'Enter the note as text' })
      .trim()
      .max(1000, `The note can be at most ${formatNumber(1000)} characters`)
      .nullable()
      .optional()
      .transform((note) => (note === undefined ? undefined : note || null)),
  })
  .refine((body) => body.name !== undefined || body.condition !== undefined || body.note !== undefined, {
    message: 'Send at least one of name, condition or note',
  });
export type InspectionItemUpdateInput = z.output<typeof inspectionItemUpdateBody>;

/** The most items the shop's checklist may have. */
export const MAX_TEMPLATE_ITEMS = 100;

/** `GET, PUT /api/inspection-template/`: the checklist a technician walks through on each car. */
export const inspectionTemplateBody = z.object({
  items: z
    .array(z.object({ name: requiredText(100, 'name of the item') }), {
      error: 'Send the items as a list of {"name"}',
    })
    .min(1, 'Keep at least one item on the checklist')
    .max(MAX_TEMPLATE_ITEMS, `The checklist can have at most ${MAX_TEMPLATE_ITEMS} items`),
});
export type InspectionTemplate = z.output<typeof inspectionTemplateBody>;

/** The checklist a shop starts with, until a manager changes it: a common multi-point inspection. */
export const defaultInspectionTemplate: InspectionTemplate = {
  items: [
    'Tires and tread depth',
    'Tire pressure',
    'Front brakes',
    'Rear brakes',
    'Brake fluid',
    'Engine oil',
    'Coolant',
    'Transmission fluid',
    'Power steering fluid',
    'Washer fluid',
    'Battery and terminals',
    'Drive belts',
    'Hoses',
    'Air filter',
    'Cabin air filter',
    'Wiper blades',
    'Lights and signals',
    'Horn',
    'Steering and suspension',
    'Shocks and struts',
    'Exhaust system',
    'CV boots and axles',
    'Leaks under the car',
  ].map((name) => ({ name })),
};
