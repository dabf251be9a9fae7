import { roles } from '@carcar/common/contract/permissions';
import { auditLogTable } from '@carcar/common/db/audit';
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  pgSchema,
  serial,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

export const identity = pgSchema('identity');

/** A role column holds one of the roles of the permission table (constants, so `sql.raw` is safe). */
const roleCheck = sql.raw(`role in (${roles.map((role) => `'${role}'`).join(', ')})`);

export const users = identity.table(
  'users',
  {
    id: serial().primaryKey(),
    email: varchar({ length: 254 }).notNull(),
    name: varchar({ length: 100 }).notNull(),
    role: varchar({ length: 20 }).notNull(),
    /** An argon2id PHC string; never leaves the repository. */
    passwordHash: varchar('password_hash', { length: 255 }).notNull(),
    disabled: boolean().notNull().default(false),
    technicianId: integer('technician_id'),
    salespersonId: integer('salesperson_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // "Ann@Dealer.com" and "ann@dealer.com" are one person signing in.
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    check('users_role_check', roleCheck),
  ],
);

/**
 * express-session's store. `user_id` is a column (not only inside `data`) so every session of a
 * person ends with one statement when they are disabled; `created_at` bounds a session's whole life.
 */
export const sessions = identity.table(
  'sessions',
  {
    sid: varchar({ length: 255 }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    data: jsonb().notNull(),
    /** The idle expiry: pushed forward by each request (rolling). */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);

export const apiTokens = identity.table(
  'api_tokens',
  {
    id: serial().primaryKey(),
    name: varchar({ length: 100 }).notNull(),
    role: varchar({ length: 20 }).notNull(),
    /** SHA-256 of the token, hex: the token itself is shown once and never stored. */
    tokenHash: char('token_hash', { length: 64 }).notNull().unique(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_created_by_idx').on(t.createdBy), check('api_tokens_role_check', roleCheck)],
);

/**
 * Identity events (accounts, tokens, sign-ins, refusals), appended by the use cases in the same
 * transaction as the change; the custom migration makes it refuse UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = auditLogTable(identity);
