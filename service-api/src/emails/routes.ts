import type { Db } from '@carcar/common/db/database';
import { AppError } from '@carcar/common/errors';
import { sendList } from '@carcar/common/http/list';
import { parseInput } from '@carcar/common/http/validation';
import { unsubscribe } from '@carcar/common/mail/unsubscribe';
import { type Router as ExpressRouter, Router } from 'express';
import { mailTables } from '../db/mail.js';
import { emailListQuery } from './schemas.js';
import { listEmails } from './statements.js';

/** `GET /api/emails/`: every email service sent or meant to, for managers (`audit.read`). */
export function emailsRouter(db: Db): ExpressRouter {
  const router = Router();
  router.get('/', async (req, res) => {
    sendList(res, 'emails', await listEmails(db, parseInput(emailListQuery, req.query)));
  });
  return router;
}

/**
 * `POST /public/unsubscribe/:token/`: the customer's unsubscribe link, reached through the gateway
 * with its own credential (nobody signs in); the token alone says whose address it is.
 */
export function unsubscribeRouter(db: Db): ExpressRouter {
  const router = Router();
  router.post('/:token', async (req, res) => {
    if (!(await unsubscribe(db, mailTables, req.params.token))) {
      throw new AppError(404, 'not_found', 'This unsubscribe link is not one of ours');
    }
    res.json({ unsubscribed: true });
  });
  return router;
}
