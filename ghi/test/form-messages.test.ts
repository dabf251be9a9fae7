import { automobileCreateBody } from '@carcar/common/contract/inventory';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { describe, expect, it } from 'vitest';

// The browser's forms check with the contract's own schemas through @hookform/resolvers, which
// shows, for a value no option of a union takes, the message of one option rather than the union's.
/** The resolver's call as react-hook-form makes it, for a form with no native validation. */
const asForm = { fields: {}, shouldUseNativeValidation: false } as const;

describe('a form left partly empty', () => {
  it('says what to do with a picker left empty, not "Enter a number"', async () => {
    const resolve = zodResolver(automobileCreateBody as never) as unknown as Resolver<Record<string, string>>;
    const { errors } = await resolve(
      { vin: '1C3CC5FB2AN120174', color: 'red', year: '2012', model_id: '' },
      undefined,
      asForm,
    );
    expect(errors.model_id?.message).toBe('Choose a vehicle model');
    expect(errors.vin).toBeUndefined();
  });

  it('says what a year must be when it is not a number', async () => {
    const resolve = zodResolver(automobileCreateBody as never) as unknown as Resolver<Record<string, string>>;
    const { errors } = await resolve(
      { vin: '1C3CC5FB2AN120174', color: 'red', year: 'soon', model_id: '1' },
      undefined,
      asForm,
    );
    expect(String(errors.year?.message)).toMatch(/^Enter a year from 1900 to/);
  });
});
