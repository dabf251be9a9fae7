import { passwordSchema } from '@carcar/common/contract/passwords';
import { roles } from '@carcar/common/contract/permissions';
import { z } from 'zod';
import { i18n } from '../../lib/i18n';

// The gateway's own rules (its bodies are common/src/contract/identity.ts; a password's rules are
// shared, common/src/contract/passwords.ts, and used here as they are), checked here first so a
// mistake shows next to its field at once, in the app's language; the gateway checks again and its
// messages land in the same places.

export { MIN_PASSWORD_LENGTH } from '@carcar/common/contract/passwords';

// The messages are asked for when a form is checked, so they are in the language chosen by then.
const name = z
  .string()
  .trim()
  .min(1, { error: () => i18n.t('admin:validation.name') })
  .max(100, { error: () => i18n.t('admin:validation.nameTooLong') });
const role = z.enum(roles, { error: () => i18n.t('admin:validation.role') });
// The shared rules (length, not blank, enough different characters); the list of common passwords
// stays on the server, whose answer lands next to the field as well.
const password = passwordSchema({ capitalize: true });
/** A link select: '' is "not linked". */
const link = z
  .union([z.string(), z.number()])
  .transform((value) => (value === '' ? null : Number(value)))
  .pipe(z.int().positive().nullable());

export const createUserForm = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: () => i18n.t('admin:validation.email') })),
  name,
  role,
  password,
  technician_id: link,
  salesperson_id: link,
});

export const editUserForm = z.object({ name, role, technician_id: link, salesperson_id: link });

export const resetPasswordForm = z.object({ password });

export const createTokenForm = z.object({ name, role });
