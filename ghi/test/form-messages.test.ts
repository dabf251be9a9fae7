import { automobileCreateBody } from '@carcar/common/contract/inventory';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { describe, expect, it } from 'vitest';

// The browser's forms check with the contract's own schemas through @hookform/resolvers, which
// shows, for a value no option of a union takes, the message of one option rather than the union's.
const resolve = zodResolver(automobileCreateBody as never) as unknown as Resolver<Record<string, string>>;

/** The messages the add-a-car form shows for `values`, as react-hook-form asks (no native validation). */
async function messagesFor(values: Record<string, string>) {
  const { errors } = await resolve(values, undefined, { fields: {}, shouldUseNativeValidation: false });
  return Object.fromEntries(Object.entries(errors).map(([field, error]) => [field, error?.message]));
}

describe('a form left partly empty', () => {
  it('says what to do with a picker left empty, not "Enter a number"', async () => {
    expect(await messagesFor({ vin: '1C3CC5FB2AN120174', color: 'red', year: '2012', model_id: '' })).toEqual({
      model_id: 'Choose a vehicle model',
    });
  });

  it('says what a year must be when it is not a number', async () => {
    const messages = await messagesFor({ vin: '1C3CC5FB2AN120174', color: 'red', year: 'soon', model_id: '1' });
    expect(messages).toEqual({ year: expect.stringMatching(/^Enter a year from 1900 to/) });
  });
});
