import { permissionsOf, type Role } from '@carcar/common/contract/permissions';
import type { AuditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { withRole } from '../../db/roles.js';
import { apiTokens, users } from '../../db/schema.js';
import { recordEvent } from '../audit/trail.js';
import { type IdentityCache, noIdentityCache } from '../auth/identity-cache.js';
import type { ActiveToken, TokenRecord } from './records.js';

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  role: apiTokens.role,
  createdBy: apiTokens.createdBy,
  createdAt: apiTokens.createdAt,
  revokedAt: apiTokens.revokedAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

/** How long a token's last-use date may lag: it is for people, not an audit of each call. */
const TOUCH_EVERY_MS = 60_000;

export function tokensRepository(db: Db, cache: IdentityCache = noIdentityCache) {
  const touched = new Map<number, number>();
  return {
    async list(): Promise<TokenRecord[]> {
      const rows = await db.select(tokenColumns).from(apiTokens).orderBy(asc(apiTokens.id));
      return rows.map(withRole);
    },

    /** Creates a token and its `create` entry together: its name and role, never the token or hash. */
    async create(
      input: { name: string; role: Role; tokenHash: string; createdBy: number },
      audit: AuditContext,
    ): Promise<TokenRecord> {
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(apiTokens).values(input).returning(tokenColumns);
        if (!row) throw new Error('insert returned no row');
        const token = withRole(row);
        await recordEvent(tx, audit, {
          action: 'create',
          entity: 'token',
          entityId: token.id,
          changes: { name: [null, token.name], role: [null, token.role] },
        });
        return token;
      });
    },

    /**
     * Revokes a token; false when no token has this id. Revoking twice changes nothing, so only the
     * first writes a `revoke` entry.
     */
    async revoke(id: number, audit: AuditContext): Promise<boolean> {
      const found = await db.transaction(async (tx) => {
        const [row] = await tx
          .select({ revokedAt: apiTokens.revokedAt })
          .from(apiTokens)
          .where(eq(apiTokens.id, id))
          .for('update');
        if (!row) return false;
        if (row.revokedAt !== null) return true;
        const [revoked] = await tx
          .update(apiTokens)
          .set({ revokedAt: sql`now()` })
          .where(eq(apiTokens.id, id))
          .returning({ revokedAt: apiTokens.revokedAt });
        await recordEvent(tx, audit, {
          action: 'revoke',
          entity: 'token',
          entityId: id,
          changes: { revoked_at: [null, revoked?.revokedAt?.toISOString() ?? null] },
        });
        return true;
      });
      cache.clear();
      return found;
    },

    /**
     * The live token with this hash. Every token is owned by the person who made it and checked
     * against them on each use: a token without an owner (one made by another token, before that
     * was refused), or whose owner is disabled or now holds a lesser role, is dead.
     */
    findActive(tokenHash: string): Promise<ActiveToken | undefined> {
      return cache.read(`token:${tokenHash}`, () => findActive(tokenHash));
    },

    /** At most one write a minute per token. */
    async touch(id: number): Promise<void> {
      const now = Date.now();
      if ((touched.get(id) ?? 0) > now - TOUCH_EVERY_MS) return;
      touched.set(id, now);
      await db
        .update(apiTokens)
        .set({ lastUsedAt: sql`now()` })
        .where(
          and(
            eq(apiTokens.id, id),
            or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
          ),
        );
    },
  };

  /** The read behind `findActive`, for the cache. */
  async function findActive(tokenHash: string): Promise<ActiveToken | undefined> {
    const [row] = await db
      .select({ ...tokenColumns, ownerId: users.id, ownerRole: users.role })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.createdBy))
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), eq(users.disabled, false)));
    if (!row) return undefined;
    const { ownerId, ownerRole, ...token } = row;
    const record = withRole(token);
    const owner = { id: ownerId, role: withRole({ role: ownerRole }).role };
    return withinOwnersRole(record.role, owner.role) ? { ...record, owner } : undefined;
  }
}

/**
 * A token may do no more than the person who owns it may do now: each of its role's permissions
 * must be the owner's current role's (an `.own` one is covered by the full permission). A token
 * whose owner was demoted below it (an administrator's token after its maker became a salesperson)
 * stops, as one whose owner was disabled does.
 */
export function withinOwnersRole(tokenRole: Role, ownerRole: Role): boolean {
  const owners = new Set<string>(permissionsOf(ownerRole));
  return permissionsOf(tokenRole).every(
    (permission) => owners.has(permission) || (permission.endsWith('.own') && owners.has(permission.slice(0, -4))),
  );
}

export type TokensRepository = ReturnType<typeof tokensRepository>;
