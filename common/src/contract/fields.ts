import { z } from 'zod';

// Field rules shared by every request body of the contract; browser-safe like the rest of contract/.
// Every message is a sentence the person at the form can act on, because the same text is shown
// next to the field in the browser app and answered in a 400's `errors[].message`.

/** The largest id Postgres' `integer` holds. */
export const MAX_INT = 2_147_483_647;

/** A number as people read it: 10,000,000. */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US');
}

type Issue = z.core.$ZodRawIssue;

const typeWords: Record<string, string> = {
  number: 'Enter a number',
  int: 'Enter a whole number',
  string: 'Enter some text',
  boolean: 'Choose true or false',
  object: 'Send the details as a JSON object',
  array: 'Send a list',
  date: 'Enter a date',
};

function sizeMessage(issue: Issue & { code: 'too_small' | 'too_big' }): string {
  const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
  const atLeast = issue.code === 'too_small';
  const limit = typeof bound === 'bigint' ? bound.toString() : formatNumber(Number(bound));
  if (issue.origin === 'string') {
    if (atLeast && Number(bound) <= 1) return 'Fill in this field';
    return atLeast ? `Enter at least ${limit} characters` : `Enter at most ${limit} characters`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return atLeast ? `Choose at least ${limit}` : `Choose at most ${limit}`;
  }
  return atLeast ? `Enter a number of at least ${limit}` : `Enter a number of at most ${limit}`;
}

/**
 * The message of an issue no schema worded itself: zod's own English ("Invalid input: expected
 * number, received string") is for programmers. The field it belongs to is in the issue's path,
 * so these say what to enter, not which field.
 */
export function plainMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined && issue.expected !== 'object') return 'Fill in this field';
      return typeWords[issue.expected] ?? 'Check this value';
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue);
    case 'invalid_value':
      return `Choose one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'url') return 'Enter a web address starting with http:// or https://';
      if (issue.format === 'email') return 'Enter an email address';
      if (issue.format === 'datetime') return 'Enter a date and time';
      if (issue.format === 'date') return 'Enter a date as YYYY-MM-DD';
      return 'Check the format of this value';
    case 'not_multiple_of':
      return `Enter a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `Remove the unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    default:
      return 'Check this value';
  }
}

// Installed once for every schema of this zod instance, in the services and the browser app alike:
// any issue a schema did not word itself gets a plain sentence rather than zod's jargon.
z.config({ customError: plainMessage });

/**
 * A required, trimmed, non-empty text field of at most `max` characters. `label` names it in the
 * messages ("Enter the color", "The color can be at most 50 characters").
 */
export function requiredText(max: number, label?: string) {
  // "your name" (a customer's own field) takes no article: "Enter your name", not "Enter the your name".
  const subject = label === undefined ? undefined : label.startsWith('your ') ? label : `the ${label}`;
  const empty = subject ? `Enter ${subject}` : 'Fill in this field';
  const tooLong = subject
    ? `${subject.charAt(0).toUpperCase()}${subject.slice(1)} can be at most ${formatNumber(max)} characters`
    : `Enter at most ${formatNumber(max)} characters`;
  return z.string({ error: empty }).trim().min(1, empty).max(max, tooLong);
}

/**
 * An optional reason in words (a void's, a cancellation's): trimmed, at most `max` characters.
 * `error` is the message for a value that is not text.
 */
export function optionalReason(error: string, max = 500) {
  return z.string({ error }).trim().max(max, `The reason can be at most ${max} characters`).optional();
}

/**
 * An integer field. Classic CarCar forms post input values as strings ("2012", "3"), so a string
 * of digits is accepted too; anything else ("abc", 1.5, true) is refused. Every refusal says the
 * same thing, `message(max)`, since it tells what to enter whatever was wrong; by default
 * "Enter a whole number from <min> to <max>".
 */
export function integerField(
  min: number,
  max: () => number = () => MAX_INT,
  message: (max: number) => string = (limit) =>
    `Enter a whole number from ${formatNumber(min)} to ${formatNumber(limit)}`,
) {
  const refuse = () => message(max());
  // Each option says it too: the browser's form resolver shows the first option's own message for a
  // value neither option takes, so a model picker left empty read "Enter a number".
  return z
    .union(
      [
        z.number({ error: refuse }),
        z
          .string({ error: refuse })
          .trim()
          .regex(/^-?\d{1,10}$/, { error: refuse })
          .transform(Number),
      ],
      { error: refuse },
    )
    .pipe(
      z
        .number()
        .int({ error: refuse })
        .min(min, { error: refuse })
        .superRefine((value, ctx) => {
          if (value > max()) ctx.addIssue({ code: 'custom', message: refuse() });
        }),
    );
}

/**
 * A reference to another row by id (a positive 32-bit integer), as a form's picker sends it:
 * `message` is what to do when it is empty or not an id, such as "Choose a salesperson".
 */
export function choiceField(message: string) {
  return integerField(
    1,
    () => MAX_INT,
    () => message,
  );
}

/** A reference to another row by id: a positive 32-bit integer. */
export const idField = choiceField('Choose one from the list');
