import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { queryRows } from '../db/statements.js';
import { hashToken } from './queue.js';
import type { MailTables } from './table.js';

/** The shape of an unsubscribe token (32 random bytes, base64url); anything else is no token. */
export const UNSUBSCRIBE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Unsubscribes the address an email with this link was sent to: from now on it is never mailed,
 * and what is still queued for it is skipped. Answers whether the token was one of ours; using a
 * link twice is harmless. One transaction.
 */
export async function unsubscribe(db: Db, tables: MailTables, token: string): Promise<boolean> {
  if (!UNSUBSCRIBE_TOKEN.test(token)) return false;
  const { emails, unsubscribes } = tables;
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ address: string }>(
      tx,
      sql`select lower(${sql.identifier('to')}) as address from ${emails}
          where unsubscribe_token_hash = ${hashToken(token)}`,
    );
    if (!row) return false;
    await tx.execute(sql`insert into ${unsubscribes} (email) values (${row.address}) on conflict (email) do nothing`);
    await tx.execute(
      sql`update ${emails} set status = 'skipped', body = null, note = 'The address unsubscribed: nothing was sent'
          where status = 'queued' and lower(${sql.identifier('to')}) = ${row.address}`,
    );
    return true;
  });
}
