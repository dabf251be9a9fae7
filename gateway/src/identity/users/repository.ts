import type { Role } from '@carcar/common/contract/permissions';
import type { AuditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { translatePgError } from '@carcar/common/db/pg-errors';
import { type AppError, conflict } from '@carcar/common/errors';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { withRole } from '../../db/roles.js';
import { apiTokens, sessions, users } from '../../db/schema.js';
import { recordEvent } from '../audit/trail.js';
import { type IdentityCache, noIdentityCache } from '../auth/identity-cache.js';
import type { UserRecord } from './schemas.js';

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
  technicianId: users.technicianId,
  salespersonId: users.salespersonId,
};

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  technicianId?: number | null;
  salespersonId?: number | null;
}

export interface UserChanges {
  name?: string;
  role?: Role;
  disabled?: boolean;
  passwordHash?: string;
  technicianId?: number | null;
  salespersonId?: number | null;
}

/** The 409 for a change that would leave no active administrator: nobody could manage users. */
function lastAdministrator(path: 'role' | 'disabled'): AppError {
  return conflict('This is the last active administrator; make another administrator first', {
    errors: [{ path, message: 'would leave no active administrator' }],
  });
}

const duplicateEmail = translatePgError({
  unique: { path: 'email', message: 'Another user already has this email address' },
});

/** A user's fields as the trail names them (the User JSON's names); never the password hash. */
function trailFields(user: UserRecord): Record<string, unknown> {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    technician_id: user.technicianId,
    salesperson_id: user.salespersonId,
  };
}

/** What a new account was made with, from nothing; fields left empty are not news. */
function createdFields(user: UserRecord): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(trailFields(user))) {
    if (value !== null) changes[field] = [null, value];
  }
  return changes;
}

/** How a password change reads in the trail: that it changed, and nothing of either password. */
const HIDDEN = '(hidden)';
const CHANGED = '(changed)';

/** Only what changed, before and after; a new password is said to have changed, never shown. */
function changedFields(
  before: UserRecord,
  after: UserRecord,
  newPassword: boolean,
): Record<string, [unknown, unknown]> {
  const old = trailFields(before);
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(trailFields(after))) {
    if (old[field] !== value) changes[field] = [old[field], value];
  }
  if (newPassword) changes.password = [HIDDEN, CHANGED];
  return changes;
}

/** The new user as the rest of the gateway sees them, with its `create` entry in the same transaction. */
async function recordCreated(
  tx: Db,
  audit: AuditContext,
  row: Omit<UserRecord, 'role'> & { role: string },
): Promise<UserRecord> {
  const user = withRole(row);
  await recordEvent(tx, audit, { action: 'create', entity: 'user', entityId: user.id, changes: createdFields(user) });
  return user;
}

export function usersRepository(db: Db, cache: IdentityCache = noIdentityCache) {
  return {
    async list(): Promise<UserRecord[]> {
      const rows = await db.select(userColumns).from(users).orderBy(asc(users.id));
      return rows.map(withRole);
    },

    get(id: number): Promise<UserRecord | undefined> {
      return cache.read(`user:${id}`, async () => {
        const [row] = await db.select(userColumns).from(users).where(eq(users.id, id));
        return row ? withRole(row) : undefined;
      });
    },

    /** The one read that returns a password hash: sign-in needs it, nothing else does. */
    async findForSignIn(email: string): Promise<{ user: UserRecord; passwordHash: string } | undefined> {
      const [row] = await db
        .select({ ...userColumns, passwordHash: users.passwordHash })
        .from(users)
        .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
      if (!row) return undefined;
      const { passwordHash, ...user } = row;
      return { user: withRole(user), passwordHash };
    },

    /** Creates a user and its `create` entry together: a refused insert (a taken email) writes neither. */
    async create(input: NewUser, audit: AuditContext): Promise<UserRecord> {
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(users).values(input).returning(userColumns).catch(duplicateEmail);
        if (!row) throw new Error('insert returned no row');
        return recordCreated(tx, audit, row);
      });
    },

    /**
     * Changes a user; disabling them (or changing their password) also ends their sessions, and
     * disabling revokes the API tokens they made, in the same transaction so nothing they hold
     * outlives the change. `keepSession` spares the session making the change. The trail gets the
     * changed fields, and a `revoke` for each token the disabling stopped, in the same transaction.
     */
    async update(
      id: number,
      changes: UserChanges,
      audit: AuditContext,
      keepSession?: string,
    ): Promise<UserRecord | undefined> {
      const updated = await db.transaction(async (tx) => {
        // A change that could take away an administrator takes this lock first (before any row
        // lock, so two such changes cannot deadlock) and counts the others inside the transaction:
        // two demotions at once wait for each other, and the second sees the first's result.
        const couldRemoveAdmin = (changes.role !== undefined && changes.role !== 'admin') || changes.disabled === true;
        if (couldRemoveAdmin) await tx.execute(sql`select pg_advisory_xact_lock(hashtext('carcar:identity:admins'))`);
        // Locked, so the entry's "before" is what this update replaced, not what a concurrent one left.
        const [before] = await tx.select(userColumns).from(users).where(eq(users.id, id)).for('update');
        if (!before) return undefined;
        if (couldRemoveAdmin && before.role === 'admin' && !before.disabled) {
          const [others] = await tx
            .select({ count: sql<number>`count(*)::int` })
            .from(users)
            .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, id)));
          if ((others?.count ?? 0) === 0) throw lastAdministrator(changes.disabled === true ? 'disabled' : 'role');
        }
        const [row] = await tx
          .update(users)
          .set({ ...changes, updatedAt: sql`now()` })
          .where(eq(users.id, id))
          .returning(userColumns);
        if (!row) return undefined;
        const changed = changedFields(withRole(before), withRole(row), changes.passwordHash !== undefined);
        if (Object.keys(changed).length > 0) {
          await recordEvent(tx, audit, { action: 'update', entity: 'user', entityId: id, changes: changed });
        }
        if (changes.disabled === true) {
          await tx.delete(sessions).where(eq(sessions.userId, id));
          const revoked = await tx
            .update(apiTokens)
            .set({ revokedAt: sql`now()` })
            .where(and(eq(apiTokens.createdBy, id), isNull(apiTokens.revokedAt)))
            .returning({ id: apiTokens.id, revokedAt: apiTokens.revokedAt });
          for (const token of revoked) {
            await recordEvent(tx, audit, {
              action: 'revoke',
              entity: 'token',
              entityId: token.id,
              changes: { revoked_at: [null, token.revokedAt?.toISOString() ?? null] },
              reason: 'The user who made this token was disabled',
            });
          }
        } else if (changes.passwordHash !== undefined) {
          // A new password signs the user out everywhere else (a thief's session included).
          const others = keepSession === undefined ? undefined : ne(sessions.sid, keepSession);
          await tx.delete(sessions).where(and(eq(sessions.userId, id), others));
        }
        return withRole(row);
      });
      // A new role, a disabled account or ended sessions count from the next request.
      cache.clear();
      return updated;
    },

    /**
     * Creates `input` only if there are no users at all. The transaction-scoped advisory lock makes
     * two gateways starting at once on one database agree on a single first administrator.
     */
    async createIfNone(input: NewUser, audit: AuditContext): Promise<UserRecord | undefined> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('carcar:identity:first-admin'))`);
        const [existing] = await tx.select({ id: users.id }).from(users).limit(1);
        if (existing) return undefined;
        const [row] = await tx.insert(users).values(input).returning(userColumns);
        return row && recordCreated(tx, audit, row);
      });
    },

    async any(): Promise<boolean> {
      const [row] = await db.select({ id: users.id }).from(users).limit(1);
      return row !== undefined;
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
