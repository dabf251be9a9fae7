import {
  partAdjustmentBody,
  partCreateBody,
  partNumberPattern,
  partReceiptBody,
  partUpdateBody,
} from '@carcar/common/contract/parts';
import type { Db } from '@carcar/common/db/database';
import { notFound } from '@carcar/common/errors';
import { IMPORT_BODY_LIMIT, importQuery } from '@carcar/common/http/csv-import';
import { sendList } from '@carcar/common/http/list';
import { contextOf, resourceRouter } from '@carcar/common/http/routes';
import { parseInput } from '@carcar/common/http/validation';
import express, { type Router } from 'express';
import { partImporter } from './import.js';
import { movementListQuery, partListQuery } from './schemas.js';
import { partUseCases } from './use-cases.js';

/** A path segment that cannot be a part number names no part: 404, and no query. */
export function parsePartNumber(raw: string): string {
  if (raw.length > 40 || !partNumberPattern.test(raw)) throw notFound();
  return raw;
}

/** `/api/parts/`: the list, one part, receipts, adjustments (managers), movements and the CSV import. */
export function partsRouter(db: Db): Router {
  const parts = partUseCases(db);
  const importCsv = partImporter(db);
  const router = resourceRouter({
    listKey: 'parts',
    list: { query: partListQuery, run: parts.list },
    create: { body: partCreateBody, run: parts.create },
    key: parsePartNumber,
    before: (r) => {
      r.post(
        '/import',
        express.text({ type: ['text/csv', 'text/plain'], limit: IMPORT_BODY_LIMIT }),
        async (req, res) => {
          const { dry_run } = parseInput(importQuery, req.query);
          res.json(await importCsv(req.body, dry_run ?? false, contextOf(res)));
        },
      );
    },
    get: parts.get,
    update: { body: partUpdateBody, run: parts.update },
  });
  router.post('/:number/receipts', async (req, res) => {
    const number = parsePartNumber(req.params.number);
    res.status(201).json(await parts.receive(number, parseInput(partReceiptBody, req.body), contextOf(res)));
  });
  router.post('/:number/adjustments', async (req, res) => {
    const number = parsePartNumber(req.params.number);
    res.status(201).json(await parts.adjust(number, parseInput(partAdjustmentBody, req.body), contextOf(res)));
  });
  router.get('/:number/movements', async (req, res) => {
    const number = parsePartNumber(req.params.number);
    sendList(res, 'movements', await parts.movements(number, parseInput(movementListQuery, req.query)));
  });
  return router;
}
