import { partAdjustmentBody, partCreateBody, partReceiptBody, partUpdateBody } from '@carcar/common/contract/parts';
import { z } from 'zod';
import { ApiError } from '../../lib/api-client';

// The parts forms, checked by the API's own rules (the contract's fields); a box left empty is a
// field left out. Forms that share a page have their own field names (receive_quantity,
// adjust_quantity), so no two inputs share an id; the API's field errors are renamed to match.

const blank = <T extends z.ZodType>(field: T) => z.preprocess((v) => (v === '' ? undefined : v), field);

export const newPartForm = z.object({
  number: partCreateBody.shape.number,
  description: partCreateBody.shape.description,
  price: partCreateBody.shape.price,
  cost: blank(partCreateBody.shape.cost),
  on_hand: blank(partCreateBody.shape.on_hand),
  reorder_point: blank(partCreateBody.shape.reorder_point),
});

export const editPartForm = z
  .object({
    edit_description: partUpdateBody.shape.description,
    edit_price: partUpdateBody.shape.price,
    // Emptied: the cost is no longer known.
    edit_cost: z.preprocess((v) => (v === '' ? null : v), partUpdateBody.shape.cost),
    edit_reorder_point: blank(partUpdateBody.shape.reorder_point),
  })
  .transform((v) => ({
    description: v.edit_description,
    price: v.edit_price,
    cost: v.edit_cost,
    reorder_point: v.edit_reorder_point,
  }));

export const receiveForm = z
  .object({
    receive_quantity: partReceiptBody.shape.quantity,
    receive_cost: blank(partReceiptBody.shape.cost),
    receive_reference: partReceiptBody.shape.reference,
  })
  .transform((v) => ({ quantity: v.receive_quantity, cost: v.receive_cost, reference: v.receive_reference }));

export const adjustForm = z
  .object({
    adjust_quantity: partAdjustmentBody.shape.quantity,
    adjust_reason: partAdjustmentBody.shape.reason,
  })
  .transform((v) => ({ quantity: v.adjust_quantity, reason: v.adjust_reason }));

/** Runs `save`, giving the API's field errors this form's names (`quantity` → `receive_quantity`). */
export async function withPrefix<T>(prefix: string, save: () => Promise<T>): Promise<T> {
  try {
    return await save();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    throw new ApiError(
      error.message,
      error.status,
      error.fieldErrors.map((f) => ({ ...f, path: `${prefix}${f.path}` })),
      error.code,
    );
  }
}
