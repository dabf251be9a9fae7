import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { choiceField, integerField, requiredText } from '../src/contract/fields.js';
import { automobileCreateBody, modelCreateBody } from '../src/contract/inventory.js';
import { customerBody, priceField, saleCreateBody, saleVoidBody } from '../src/contract/sales.js';
import { pageQuery } from '../src/db/pagination.js';
import { toFieldErrors } from '../src/http/validation.js';

// The contract's messages as the browser app's forms see them (zodResolver reads issue.message):
// the same sentences the services answer in a 400.

/** The first message of each field: what the 400 answers and what a form shows next to the field. */
const messages = (schema: z.ZodType, input: unknown) => {
  const error = schema.safeParse(input).error;
  return error
    ? toFieldErrors(error).map(({ path, message }) => ({ path: path === '(root)' ? '' : path, message }))
    : [];
};
const jargon = /Invalid input|expected|received|NaN|undefined|must be/;

describe('field messages', () => {
  it('names a required text by its label, and says something plain without one', () => {
    expect(messages(requiredText(50, 'color'), '  ')).toEqual([{ path: '', message: 'Enter the color' }]);
    expect(messages(requiredText(50, 'color'), 7)).toEqual([{ path: '', message: 'Enter the color' }]);
    expect(messages(requiredText(50, 'color'), 'c'.repeat(51))).toEqual([
      { path: '', message: 'The color can be at most 50 characters' },
    ]);
    expect(messages(requiredText(1000), '')).toEqual([{ path: '', message: 'Fill in this field' }]);
    expect(messages(requiredText(1000), 'x'.repeat(1001))).toEqual([
      { path: '', message: 'Enter at most 1,000 characters' },
    ]);
  });

  it('says what number to enter, whatever was wrong with it', () => {
    const duration = integerField(15, () => 480);
    for (const bad of ['abc', '', 1.5, 14, 481, '481', null, true, undefined]) {
      expect(messages(duration, bad), String(bad)).toEqual([
        { path: '', message: 'Enter a whole number from 15 to 480' },
      ]);
    }
    expect(duration.parse('60')).toBe(60);
    const picker = choiceField('Choose a technician');
    for (const bad of ['', 0, -1, 'Ada', '2147483648', undefined]) {
      expect(messages(picker, bad), String(bad)).toEqual([{ path: '', message: 'Choose a technician' }]);
    }
  });

  it('words every field of a sale and a customer', () => {
    expect(messages(saleCreateBody, {})).toEqual([
      { path: 'automobile', message: 'Enter the VIN' },
      { path: 'salesperson', message: 'Choose a salesperson' },
      { path: 'customer', message: 'Choose a customer' },
      { path: 'price', message: 'Enter a price from 0 to 10,000,000 with at most 2 decimals' },
    ]);
    for (const bad of ['lots', '-1', 10.001, 10_000_000.01, '', null, '1e3']) {
      expect(messages(priceField, bad), String(bad)).toEqual([
        { path: '', message: 'Enter a price from 0 to 10,000,000 with at most 2 decimals' },
      ]);
    }
    expect(messages(customerBody, { phone_number: '12-34' })).toEqual([
      { path: 'first_name', message: 'Enter the first name' },
      { path: 'last_name', message: 'Enter the last name' },
      { path: 'address', message: 'Enter the address' },
      { path: 'phone_number', message: 'A phone number has at least 7 characters' },
    ]);
    expect(messages(customerBody.shape.phone_number, '')).toEqual([{ path: '', message: 'Enter the phone number' }]);
    expect(messages(customerBody.shape.phone_number, 'call me now')[0]?.message).toBe(
      'A phone number uses only digits, a leading +, spaces, dashes, dots and parentheses',
    );
    expect(messages(customerBody.shape.phone_number, '(555) - - 12')[0]?.message).toBe(
      'A phone number has at least 7 digits',
    );
    expect(messages(saleVoidBody, { reason: 'x'.repeat(501) })).toEqual([
      { path: 'reason', message: 'The reason can be at most 500 characters' },
    ]);
    expect(saleVoidBody.parse({ reason: '  ' })).toEqual({ reason: undefined });
  });

  it('words the pickers of the inventory forms', () => {
    expect(
      messages(modelCreateBody, { name: 'Sebring', picture_url: 'https://p.example/s.jpg', manufacturer_id: '' }),
    ).toEqual([{ path: 'manufacturer_id', message: 'Choose a manufacturer' }]);
    const latest = new Date().getUTCFullYear() + 2;
    expect(messages(automobileCreateBody, { color: 'red', year: '', vin: '1HGCM82633A004352', model_id: '' })).toEqual([
      { path: 'year', message: `Enter a year from 1900 to ${latest}` },
      { path: 'model_id', message: 'Choose a vehicle model' },
    ]);
  });

  it('gives plain sentences where a schema did not word its messages (the global error map)', () => {
    expect(messages(pageQuery, { limit: 'abc', offset: '-1' })).toEqual([
      { path: 'limit', message: 'Enter a number' },
      { path: 'offset', message: 'Enter a number of at least 0' },
    ]);
    expect(messages(pageQuery, { limit: '1.5' })).toEqual([{ path: 'limit', message: 'Enter a whole number' }]);
    expect(messages(pageQuery, { limit: '501' })).toEqual([
      { path: 'limit', message: 'Enter a number of at most 500' },
    ]);
    expect(messages(z.object({ a: z.string() }), {})).toEqual([{ path: 'a', message: 'Fill in this field' }]);
    expect(messages(z.object({ a: z.string() }), 5)).toEqual([
      { path: '', message: 'Send the details as a JSON object' },
    ]);
    expect(messages(z.enum(['x', 'y']), 'z')).toEqual([{ path: '', message: 'Choose one of: x, y' }]);
    expect(messages(z.strictObject({}), { extra: 1 })).toEqual([
      { path: '', message: 'Remove the unknown field extra' },
    ]);
  });

  it('never shows parser jargon for a sample of bad inputs to every contract body', () => {
    const schemas = [saleCreateBody, customerBody, modelCreateBody, automobileCreateBody, saleVoidBody, pageQuery];
    const inputs: unknown[] = [
      undefined,
      null,
      'x',
      3,
      [],
      { automobile: 1, salesperson: [], customer: {}, price: false, phone_number: 9, first_name: null },
      { name: 1, picture_url: 'nope', manufacturer_id: 'NaN', color: [], year: 'NaN', vin: {}, model_id: null },
      { reason: 5, limit: 'NaN', offset: 'x' },
    ];
    for (const schema of schemas) {
      for (const input of inputs) {
        for (const { message } of messages(schema, input)) expect(message).not.toMatch(jargon);
      }
    }
  });
});
