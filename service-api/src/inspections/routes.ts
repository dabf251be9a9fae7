import {
  inspectionItemBody,
  inspectionItemUpdateBody,
  inspectionTemplateBody,
} from '@carcar/common/contract/inspections';
import type { Db } from '@carcar/common/db/database';
import { contextOf } from '@carcar/common/http/routes';
import { parseId, parseInput } from '@carcar/common/http/validation';
import { type Router as ExpressRouter, Router } from 'express';
import { inspectionLineBody } from './schemas.js';
import { inspectionUseCases, type PhotoFiles, type RepairOrderLines } from './use-cases.js';

/** `/api/repair-orders/:id/inspection/…`: findings (added, changed, removed), and a finding made into a proposed line. */
export function inspectionsRouter(db: Db, lines: RepairOrderLines, photoFiles: PhotoFiles): ExpressRouter {
  const inspection = inspectionUseCases(db, lines, photoFiles);
  const router = Router();
  router.post('/:id/inspection', async (req, res) => {
    const orderId = parseId(req.params.id);
    const input = parseInput(inspectionItemBody, req.body);
    res.status(201).json(await inspection.addItem(orderId, input, contextOf(res)));
  });
  router.put('/:id/inspection/:item', async (req, res) => {
    const orderId = parseId(req.params.id);
    const itemId = parseId(req.params.item);
    const input = parseInput(inspectionItemUpdateBody, req.body);
    res.json(await inspection.updateItem(orderId, itemId, input, contextOf(res)));
  });
  router.delete('/:id/inspection/:item', async (req, res) => {
    const orderId = parseId(req.params.id);
    const itemId = parseId(req.params.item);
    res.json(await inspection.deleteItem(orderId, itemId, contextOf(res)));
  });
  router.post('/:id/inspection/:item/line', async (req, res) => {
    const orderId = parseId(req.params.id);
    const itemId = parseId(req.params.item);
    const input = parseInput(inspectionLineBody, req.body);
    res.status(201).json(await inspection.proposeLine(orderId, itemId, input, contextOf(res)));
  });
  return router;
}

/** `/api/inspection-template/`: the shop's checklist; managers change it. */
export function inspectionTemplateRouter(db: Db, lines: RepairOrderLines, photoFiles: PhotoFiles): ExpressRouter {
  const inspection = inspectionUseCases(db, lines, photoFiles);
  const router = Router();
  router.get('/', async (_req, res) => {
    res.json(await inspection.template());
  });
  router.put('/', async (req, res) => {
    res.json(await inspection.saveTemplate(parseInput(inspectionTemplateBody, req.body), contextOf(res)));
  });
  return router;
}
