import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, passwordSchema } from './passwords.js';
import { type Permission, permissions, type Role, roles } from './permissions.js';
import type { SameType } from './same-type.js';

// Identity's API at the gateway (`/auth/...`): signing in, who is signed in, staff accounts and API
// tokens. The gateway parses its request bodies with these schemas and types its answers with these
// shapes; the browser app reads the same. The gateway adds the check against the most common
// passwords (a list that stays on the server) to the password fields. Browser-safe: no node imports.

/** Emails are kept lower-case and trimmed: one address, one account, however it is typed. */
export const emailField = z
  .string({ error: 'is required' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'must be an email address' }).max(254, 'must be at most 254 characters'));

export const nameField = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

export const roleField = z.enum(roles, { error: `must be one of ${roles.join(', ')}` });

/** A link to a technician or salesperson in another service: its id, or null for none. */
export const staffLinkField = z
  .int({ error: 'must be a whole number or null' })
  .min(1, 'must be a positive id')
  .max(2_147_483_647, 'is too large')
  .nullable();

/** `POST /auth/login`. No format check on the email: a malformed one is simply not an account (401, like any other). */
export const signInBody = z.object({
  email: z.string({ error: 'is required' }).trim().min(1, 'is required').max(254, 'must be at most 254 characters'),
  password: z
    .string({ error: 'is required' })
    .min(1, 'is required')
    .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`),
});
export type SignIn = z.input<typeof signInBody>;

/** `POST /auth/users` (administrators). */
export const createUserBody = z.object({
  email: emailField,
  name: nameField,
  role: roleField,
  password: passwordSchema(),
  technician_id: staffLinkField.optional(),
  salesperson_id: staffLinkField.optional(),
});
export type UserCreate = z.input<typeof createUserBody>;

/** `PUT /auth/users/:id` (administrators): only the fields given change. */
export const updateUserBody = z.object({
  name: nameField.optional(),
  role: roleField.optional(),
  disabled: z.boolean({ error: 'must be true or false' }).optional(),
  password: passwordSchema().optional(),
  technician_id: staffLinkField.optional(),
  salesperson_id: staffLinkField.optional(),
});
export type UserUpdate = z.input<typeof updateUserBody>;

/** `POST /auth/tokens` (administrators). */
export const createTokenBody = z.object({ name: nameField, role: roleField });
export type TokenCreate = z.input<typeof createTokenBody>;

/** A member of staff as the gateway answers them (`GET /auth/me`, `/auth/users`, the sign-in's `user`). */
export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  /** What the role allows (common/src/contract/permissions.ts), so the app need not work it out. */
  permissions: readonly Permission[];
  technician_id: number | null;
  salesperson_id: number | null;
}

/** `GET /auth/me` asked with an API token: the token, in the User shape (it has no email or links). */
export interface ApiTokenIdentity extends Omit<User, 'email'> {
  email: null;
  technician_id: null;
  salesperson_id: null;
  api_token: true;
}

/** `GET /auth/me`: the signed-in person, or the API token asking. The browser app, with a session, gets a User. */
export type Me = User | ApiTokenIdentity;

/** `POST /auth/login`'s answer. */
export interface SignedIn {
  user: User;
}

/** `GET /auth/users`. */
export interface UserList {
  users: User[];
}

/** An API token as listed (`GET /auth/tokens`): never the token or its hash. */
export interface ApiToken {
  id: number;
  name: string;
  role: Role;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** `GET /auth/tokens`. */
export interface ApiTokenList {
  tokens: ApiToken[];
}

/** `POST /auth/tokens`'s answer: the only time the token is ever shown. */
export interface CreatedToken {
  id: number;
  name: string;
  role: Role;
  token: string;
}

// The answers above as strict zod schemas, for the gateway's route table (./gateway-routes.ts) and
// the gateway's API tests' answer check (testing/src/response-check.ts). The types stay the
// interfaces, which the browser app reads; each schema is held identical to its interface by a
// `SameType` line, so neither can change alone.

const recordId = z.number().int();
/** An instant as the gateway writes it (`Date.toISOString()`): ISO 8601 in UTC. */
const instant = z.iso.datetime({ offset: true });

export const userSchema = z.strictObject({
  id: recordId,
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  disabled: z.boolean(),
  permissions: z.array(z.enum(permissions)).readonly(),
  technician_id: recordId.nullable(),
  salesperson_id: recordId.nullable(),
});
true satisfies SameType<z.infer<typeof userSchema>, User>;

export const apiTokenIdentitySchema = userSchema.extend({
  email: z.null(),
  technician_id: z.null(),
  salesperson_id: z.null(),
  api_token: z.literal(true),
});
true satisfies SameType<z.infer<typeof apiTokenIdentitySchema>, ApiTokenIdentity>;

export const meSchema = z.union([userSchema, apiTokenIdentitySchema]);
true satisfies SameType<z.infer<typeof meSchema>, Me>;

export const signedInSchema = z.strictObject({ user: userSchema });
true satisfies SameType<z.infer<typeof signedInSchema>, SignedIn>;

export const userListSchema = z.strictObject({ users: z.array(userSchema) });
true satisfies SameType<z.infer<typeof userListSchema>, UserList>;

export const apiTokenSchema = z.strictObject({
  id: recordId,
  name: z.string(),
  role: z.enum(roles),
  created_by: recordId.nullable(),
  created_at: instant,
  last_used_at: instant.nullable(),
  revoked_at: instant.nullable(),
});
true satisfies SameType<z.infer<typeof apiTokenSchema>, ApiToken>;

export const apiTokenListSchema = z.strictObject({ tokens: z.array(apiTokenSchema) });
true satisfies SameType<z.infer<typeof apiTokenListSchema>, ApiTokenList>;

export const createdTokenSchema = z.strictObject({
  id: recordId,
  name: z.string(),
  role: z.enum(roles),
  token: z.string(),
});
true satisfies SameType<z.infer<typeof createdTokenSchema>, CreatedToken>;
