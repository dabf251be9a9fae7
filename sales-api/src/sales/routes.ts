import { saleCreateBody, saleVoidBody } from '@carcar/common/contract/sales';
import type { Db } from '@carcar/common/db/database';
import { contextOf, resourceRouter } from '@carcar/common/http/routes';
import { parseId, parseInput } from '@carcar/common/http/validation';
import type { Router } from 'express';
import { saleGetQuery, saleListQuery, saleVoidQuery } from './schemas.js';
import { type SalesDeskOptions, type SalesOutbox, salesUseCases } from './use-cases.js';

export function salesRouter(db: Db, outbox: SalesOutbox, desk: SalesDeskOptions = {}): Router {
  const sales = salesUseCases(db, outbox, desk);
  return resourceRouter({
    listKey: 'sales',
    list: { query: saleListQuery, run: sales.list },
    // The "record a sale" form posts here.
    create: { body: saleCreateBody, run: sales.recordSale },
    get: (id, context) => sales.read(id, {}, context),
    // Reading and voiding one sale take options (`?include_voided=`, the void's reason) the generic
    // `/:key` routes do not pass on, so these are registered ahead of them and answer instead.
    before: (router) => {
      router.get('/:key', async (req, res) => {
        const id = parseId(req.params.key);
        const { include_voided } = parseInput(saleGetQuery, req.query);
        res.json(await sales.read(id, { includeVoided: include_voided }, contextOf(res)));
      });
      // Deleting a sale voids it: the record stays for the books, the car is available again. The
      // reason comes as `?reason=` or as the JSON body `{"reason"}` (Express parses a DELETE's JSON body).
      router.delete('/:key', async (req, res) => {
        const id = parseId(req.params.key);
        const fromQuery = parseInput(saleVoidQuery, req.query);
        const fromBody = parseInput(saleVoidBody, req.body);
        res.json(await sales.voidSale(id, { reason: fromBody.reason ?? fromQuery.reason }, contextOf(res)));
      });
    },
  });
}
