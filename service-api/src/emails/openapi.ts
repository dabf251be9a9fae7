import { serviceApiRoutes } from '@carcar/common/contract/routes';
import type { Operation } from '@carcar/common/http/openapi';
import { emailListQuery } from './schemas.js';

/** The emails' operations, for the service's OpenAPI document. */
export const emailOperations: Operation[] = [
  {
    method: 'get',
    path: serviceApiRoutes.emails.list.path,
    summary:
      'Managers: every email service sent or meant to (due-for-service reminders, approval links, "your car is ready"), ' +
      'newest first: status queued, sent, failed or skipped (no SMTP_URL, or the address unsubscribed); ' +
      '?status=&to= filter; ?limit=&offset= page (X-Total-Count)',
    query: emailListQuery,
    example: {
      emails: [
        {
          id: 12,
          to: 'jane@example.com',
          subject: 'Your 2012 Chrysler Sebring is due for service',
          kind: 'due_reminder',
          status: 'sent',
          attempts: 1,
          at: '2026-05-01T14:30:00.000Z',
          sent_at: '2026-05-01T14:30:02.000Z',
          note: null,
        },
      ],
    },
  },
  {
    method: 'post',
    path: serviceApiRoutes.unsubscribe.confirm.path,
    summary:
      "The gateway's own credential only: the unsubscribe link of a reminder; the address is never mailed again (404 for an unknown token)",
    example: { unsubscribed: true },
    errors: [404],
  },
];
