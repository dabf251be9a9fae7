import type { Db } from '@carcar/common/db/database';
import { countRows, fetchPage, totalOf } from '@carcar/common/db/pagination';
import { sendList } from '@carcar/common/http/list';
import { parseInput } from '@carcar/common/http/validation';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { Router } from 'express';
import { automobileVOs } from '../db/schema.js';
import { automobileListQuery } from './schemas.js';

/** The local AutomobileVO copy, for the "record a sale" form (`?sold=false`: cars that can be sold). */
export function automobilesRouter(db: Db): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const query = parseInput(automobileListQuery, req.query);
    const conditions: SQL[] = [eq(automobileVOs.inInventory, true)];
    if (query.sold !== undefined) conditions.push(eq(automobileVOs.sold, query.sold));
    if (query.vin !== undefined) conditions.push(eq(automobileVOs.vin, query.vin));
    const where = and(...conditions);
    const { rows, total } = await fetchPage(
      db
        .select({
          vin: automobileVOs.vin,
          sold: automobileVOs.sold,
          year: automobileVOs.year,
          color: automobileVOs.color,
          model: automobileVOs.modelName,
          manufacturer: automobileVOs.manufacturerName,
          total: totalOf(automobileVOs, where),
        })
        .from(automobileVOs)
        .where(where)
        .orderBy(asc(automobileVOs.vin))
        .offset(query.offset)
        .$dynamic(),
      query,
      () => countRows(db, automobileVOs, where),
    );
    sendList(res, 'autos', { items: rows.map(({ total: _total, ...auto }) => auto), total });
  });
  return router;
}
