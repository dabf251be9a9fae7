import { Router } from 'express';
import type { AuditEntry } from '../contract/audit.js';
import { inventoryRoutes } from '../contract/routes.js';
import { type AuditLogTable, auditListQuery, auditTrail } from '../db/audit.js';
import type { Db } from '../db/database.js';
import { sendList } from './list.js';
import type { Operation } from './openapi.js';
import { parseInput } from './validation.js';

/** `GET /api/audit/`: the service's trail, filtered, newest first, paged (`X-Total-Count`). */
export function auditRouter(db: Db, table: AuditLogTable): Router {
  const trail = auditTrail(db, table);
  const router = Router();
  router.get('/', async (req, res) => {
    sendList(res, 'entries', await trail.list(parseInput(auditListQuery, req.query)));
  });
  return router;
}

/** The audit route's entry in a service's API reference. */
export function auditOperation(example: AuditEntry): Operation {
  return {
    method: 'get',
    // Every service's table holds the one `audit` row.
    path: inventoryRoutes.audit.path,
    summary:
      'The audit trail (managers, administrators): every change, who made it and why, newest first; ' +
      'filters vin, entity, entity_id, actor, since, until',
    query: auditListQuery,
    example: { entries: [example] },
    errors: [401, 403],
  };
}
