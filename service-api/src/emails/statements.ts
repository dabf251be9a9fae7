import type { EmailRecord } from '@carcar/common/contract/service-answers';
import type { Db } from '@carcar/common/db/database';
import type { Paged } from '@carcar/common/db/pagination';
import { queryRows } from '@carcar/common/db/statements';
import { sql } from 'drizzle-orm';
import { emails } from '../db/schema.js';
import type { EmailListQuery } from './schemas.js';

interface EmailRow {
  id: number | string;
  to: string;
  subject: string;
  kind: string;
  status: string;
  attempts: number;
  created_at: Date | string;
  sent_at: Date | string | null;
  note: string | null;
  total: number | string;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** The record of emails, newest first, with the total for `X-Total-Count`. */
export async function listEmails(db: Db, query: EmailListQuery): Promise<Paged<EmailRecord>> {
  const e = emails;
  const status = query.status ?? null;
  const to = query.to?.toLowerCase() ?? null;
  const rows = await queryRows<EmailRow>(
    db,
    sql`select ${e.id} as id, ${e.to} as "to", ${e.subject} as subject, ${e.kind} as kind, ${e.status} as status,
          ${e.attempts} as attempts, ${e.createdAt} as created_at, ${e.sentAt} as sent_at, ${e.note} as note,
          count(*) over () as total
        from ${e}
        where (${status}::text is null or ${e.status} = ${status}::text)
          and (${to}::text is null or lower(${e.to}) = ${to}::text)
        order by ${e.id} desc
        limit ${query.limit ?? null}::int offset ${query.offset}::int`,
  );
  const items = rows.map((row) => ({
    id: Number(row.id),
    to: row.to,
    subject: row.subject,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    at: iso(row.created_at) ?? '',
    sent_at: iso(row.sent_at),
    note: row.note,
  }));
  if (rows[0] !== undefined) return { items, total: Number(rows[0].total) };
  if (query.offset === 0) return { items, total: 0 };
  const [count] = await queryRows<{ total: number | string }>(
    db,
    sql`select count(*) as total from ${e}
        where (${status}::text is null or ${e.status} = ${status}::text)
          and (${to}::text is null or lower(${e.to}) = ${to}::text)`,
  );
  return { items, total: Number(count?.total ?? 0) };
}
