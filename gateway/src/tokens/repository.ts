import type { Role } from '@carcar/common/contract/permissions';
import type { AuditContext } from '@carcar/common/db/audit';
import type { Db } from '@carcar/common/db/database';
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { recordEvent } from '../audit/trail.js';
import { type IdentityCache, noIdentityCache } from '../auth/identity-cache.js';
import { withRole } from '../db/roles.js';
import { apiTokens, users } from '../db/schema.js';

/** An API token as listed: never its hash. */
export interface TokenRecord {
  id: number;
  name: string;
  role: Role;
  createdBy: number | null;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

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
      input: { name: string; role: Role; tokenHash: string; createdBy: number | null },
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
     * The live token with this hash. A token made by a user who has since been disabled is dead
     * too, even if its revocation somehow did not happen.
     */
    findActive(tokenHash: string): Promise<TokenRecord | undefined> {
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
  async function findActive(tokenHash: string): Promise<TokenRecord | undefined> {
    const [row] = await db
      .select(tokenColumns)
      .from(apiTokens)
      .leftJoin(users, eq(users.id, apiTokens.createdBy))
      .where(
        and(
          eq(apiTokens.tokenHash, tokenHash),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.createdBy), eq(users.disabled, false)),
        ),
      );
    return row ? withRole(row) : undefined;
  }
}

export type TokensRepository = ReturnType<typeof tokensRepository>;
