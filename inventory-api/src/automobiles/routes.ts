import { tradeInArrivalBody, tradeInBatchBody, tradeInRemovalQuery } from '@carcar/common/contract/deal';
import { soldBatchBody } from '@carcar/common/contract/feed';
import { can } from '@carcar/common/contract/permissions';
import type { Db } from '@carcar/common/db/database';
import { forbiddenFor } from '@carcar/common/http/authorize';
import { contextOf, resourceRouter } from '@carcar/common/http/routes';
import { parseInput, parseVinParam } from '@carcar/common/http/validation';
import express, { type Router } from 'express';
import type { FeedNotifier } from '../feed/notifier.js';
import { automobileImporter } from './import.js';
import { automobileCreateBody, automobileListQuery, automobileUpdateBody, importQuery } from './schemas.js';
import { tradeInUseCases } from './trade-ins.js';
import { automobileUseCases } from './use-cases.js';

/** 10,000 rows of a VIN, a color, a year and a model come to well under a megabyte. */
export const IMPORT_BODY_LIMIT = '2mb';

export function automobilesRouter(db: Db, feedNotifier: FeedNotifier): Router {
  const automobiles = automobileUseCases(db, feedNotifier);
  const importCsv = automobileImporter(db, feedNotifier);
  const tradeIns = tradeInUseCases(db, feedNotifier);
  return resourceRouter({
    listKey: 'autos',
    list: { query: automobileListQuery, run: automobiles.list },
    // A client holding the current list (the browser app revalidating) gets 304 without it being
    // read, and the lists' bytes are kept until the feed moves.
    listVersion: automobiles.version,
    // Costs are answered to managers and admins only, and `days_in_stock` moves each day: a kept
    // answer is shared only by callers who would be answered the same bytes.
    listVariant: automobiles.listVariant,
    // Pages and the sold filter are the same few answers all day; a search is typed once.
    keepList: (query) => !query.q && query.aged_over === undefined,
    // A spreadsheet of new stock (managers): checked whole, then written whole or not at all.
    before: (router) => {
      router.post(
        '/import',
        express.text({ type: ['text/csv', 'text/plain'], limit: IMPORT_BODY_LIMIT }),
        async (req, res) => {
          const { dry_run } = parseInput(importQuery, req.query);
          res.json(await importCsv(req.body, dry_run ?? false, contextOf(res)));
        },
      );
      // The sales outbox: many cars marked sold or unsold at once (its own credential only).
      router.post('/sold', async (req, res) => {
        res.json(await automobiles.markSold(parseInput(soldBatchBody, req.body), contextOf(res)));
      });
      // The sales outbox: a sale's trade-in into stock (201; 200 when it was already delivered)...
      router.post('/trade-ins', async (req, res) => {
        const { created, automobile } = await tradeIns.receive(
          parseInput(tradeInArrivalBody, req.body),
          contextOf(res),
        );
        res.status(created ? 201 : 200).json(automobile);
      });
      // The same, many at once: what the outbox sends (one transaction here).
      router.post('/trade-ins/batch', async (req, res) => {
        res.json(await tradeIns.receiveMany(parseInput(tradeInBatchBody, req.body), contextOf(res)));
      });
      // ...and out again when the sale is voided.
      router.delete('/trade-ins/:vin', async (req, res) => {
        const { sale_id } = parseInput(tradeInRemovalQuery, req.query);
        res.json(await tradeIns.remove(parseVinParam(req.params.vin), sale_id, contextOf(res)));
      });
    },
    create: { body: automobileCreateBody, run: automobiles.create },
    key: parseVinParam,
    get: automobiles.get,
    update: {
      body: automobileUpdateBody,
      run: (vin, input, context) => {
        // The sales outbox holds "mark sold/unsold" only: any other change needs inventory.write.
        const changesMoreThanSold = Object.entries(input).some(
          ([field, value]) => field !== 'sold' && value !== undefined,
        );
        if (changesMoreThanSold && !can(context.actor, 'inventory.write')) throw forbiddenFor('inventory.write');
        return automobiles.update(vin, input, context);
      },
    },
    delete: automobiles.delete,
  });
}
