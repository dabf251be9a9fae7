import {
  approvalsBody,
  clockBody,
  lineCreateBody,
  lineUpdateBody,
  type PublicEstimate,
  paymentBody,
  publicDecisionsBody,
  repairOrderCreateBody,
  repairOrderUpdateBody,
  repairOrderVoidBody,
} from '@carcar/common/contract/repair-orders';
import type { Db } from '@carcar/common/db/database';
import { sendList } from '@carcar/common/http/list';
import { contextOf } from '@carcar/common/http/routes';
import { parseId, parseInput } from '@carcar/common/http/validation';
import { type Router as ExpressRouter, type Request, type Response, Router } from 'express';
import { repairOrderListQuery, voidQuery } from './schemas.js';
import { type RepairOrderOptions, repairOrderUseCases } from './use-cases.js';

// HTTP of repair orders: parse, call the use case, answer. The route table
// (common/src/contract/routes.ts) has already checked the permission of each.

/** `/api/repair-orders/…`: staff. */
export function repairOrdersRouter(db: Db, options: RepairOrderOptions): ExpressRouter {
  const orders = repairOrderUseCases(db, options);
  const router = Router();
  router.get('/', async (req, res) => {
    sendList(res, 'repair_orders', await orders.list(parseInput(repairOrderListQuery, req.query)));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await orders.create(parseInput(repairOrderCreateBody, req.body), contextOf(res)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await orders.get(parseId(req.params.id)));
  });
  router.put('/:id', async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await orders.update(id, parseInput(repairOrderUpdateBody, req.body), contextOf(res)));
  });
  // The reason comes as JSON `{"reason"}` or as `?reason=` (a client that sends no body).
  router.delete('/:id', async (req, res) => {
    const id = parseId(req.params.id);
    const body = parseInput(repairOrderVoidBody, req.body);
    const query = parseInput(voidQuery, req.query);
    res.json(await orders.void(id, contextOf(res), body.reason || query.reason));
  });
  router.post('/:id/lines', async (req, res) => {
    const id = parseId(req.params.id);
    res.status(201).json(await orders.addLine(id, parseInput(lineCreateBody, req.body), contextOf(res)));
  });
  router.put('/:id/lines/:line', async (req, res) => {
    const [id, line] = [parseId(req.params.id), parseId(req.params.line)];
    res.json(await orders.updateLine(id, line, parseInput(lineUpdateBody, req.body), contextOf(res)));
  });
  router.delete('/:id/lines/:line', async (req, res) => {
    res.json(await orders.deleteLine(parseId(req.params.id), parseId(req.params.line), contextOf(res)));
  });
  router.post('/:id/estimate', async (req, res) => {
    res.json(await orders.sendEstimate(parseId(req.params.id), contextOf(res)));
  });
  router.post('/:id/approvals', async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await orders.recordApprovals(id, parseInput(approvalsBody, req.body), contextOf(res)));
  });
  router.post('/:id/lines/:line/clock', async (req, res) => {
    const [id, line] = [parseId(req.params.id), parseId(req.params.line)];
    const { action } = parseInput(clockBody, req.body);
    res.json(await orders.clock(id, line, action, contextOf(res)));
  });
  router.post('/:id/lines/:line/done', async (req, res) => {
    res.json(await orders.done(parseId(req.params.id), parseId(req.params.line), contextOf(res)));
  });
  router.post('/:id/invoice', async (req, res) => {
    res.json(await orders.invoice(parseId(req.params.id), contextOf(res)));
  });
  router.post('/:id/payments', async (req, res) => {
    const id = parseId(req.params.id);
    res.status(201).json(await orders.pay(id, parseInput(paymentBody, req.body), contextOf(res)));
  });
  return router;
}

/**
 * The header the gateway sets to the customer's address on the public routes (dropping any the
 * client sent). Only the gateway's own credential reaches these routes, so only it can set it.
 */
export const CLIENT_ADDRESS_HEADER = 'x-carcar-client-address';

/** The order's tax rate (a percent) on the public estimate's answers. */
export const TAX_RATE_HEADER = 'X-CarCar-Tax-Rate';

function clientAddress(req: Request): string | null {
  const value = req.get(CLIENT_ADDRESS_HEADER);
  return value !== undefined && /^[0-9A-Fa-f:.]{2,64}$/.test(value) ? value : null;
}

/** `/public/estimates/<token>`: the customer's approval link, reached through the gateway only. */
export function publicEstimatesRouter(db: Db, options: RepairOrderOptions): ExpressRouter {
  const orders = repairOrderUseCases(db, options);
  const router = Router();
  // Each answer is one customer's estimate: never kept by a browser or a proxy.
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  // The tax rate rides in a header, so the answer's JSON stays the contract's shape while the
  // approval page can show the new total, tax included, as the customer chooses.
  const send = (res: Response, answer: { estimate: PublicEstimate; taxRate: number }) => {
    res.set(TAX_RATE_HEADER, String(answer.taxRate)).json(answer.estimate);
  };
  router.get('/:token', async (req, res) => {
    send(res, await orders.publicGet(req.params.token));
  });
  router.post('/:token', async (req, res) => {
    const input = parseInput(publicDecisionsBody, req.body);
    send(res, await orders.publicDecide(req.params.token, input, contextOf(res), clientAddress(req)));
  });
  return router;
}
