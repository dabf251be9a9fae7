import { z } from 'zod';
import { vinSchema } from '../vin/vin.js';
import { idField, integerField, requiredText } from './fields.js';

// Request bodies of the Inventory API. The service validates with them and the browser app's forms
// do too, so this file (like all of contract/) imports no server code.

export const manufacturerBody = z.object({ name: requiredText(100) });

const pictureUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2000, 'must be at most 2000 characters');

export const modelCreateBody = z.object({
  name: requiredText(100),
  picture_url: pictureUrl,
  manufacturer_id: idField,
});

export const modelUpdateBody = z.object({
  name: requiredText(100).optional(),
  picture_url: pictureUrl.optional(),
});

/** The newest model year a car can carry: next year's models go on sale this year. */
export const latestModelYear = () => new Date().getUTCFullYear() + 2;
const yearField = integerField(1900, latestModelYear);

export const automobileCreateBody = z.object({
  color: requiredText(50),
  year: yearField,
  vin: vinSchema,
  model_id: idField,
});

export const automobileUpdateBody = z.object({
  color: requiredText(50).optional(),
  year: yearField.optional(),
  sold: z.boolean({ error: 'must be true or false' }).optional(),
});
