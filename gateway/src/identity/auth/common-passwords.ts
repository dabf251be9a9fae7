import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The most common passwords, from zxcvbn-ts's common dictionary (about 49,000 from leaked
 * password lists, most common first, lower-case): read once, looked up in a Set. A password is
 * common when it, lower-cased and without surrounding spaces, is on the list.
 */
let common: ReadonlySet<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common']);
  return common.has(password.trim().toLowerCase());
}
