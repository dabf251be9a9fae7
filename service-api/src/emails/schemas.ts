import { pageQuery } from '@carcar/common/db/pagination';
import { emailStatuses } from '@carcar/common/mail/table';
import { z } from 'zod';

/** `GET /api/emails/?status=&to=&limit=&offset=`: newest first. */
export const emailListQuery = pageQuery.extend({
  status: z.enum(emailStatuses, { error: 'Choose a status: queued, sent, failed or skipped' }).optional(),
  to: z.string().trim().min(1).max(254, 'must be at most 254 characters').optional(),
});
export type EmailListQuery = z.output<typeof emailListQuery>;
