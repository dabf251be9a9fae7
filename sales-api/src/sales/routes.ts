import type { Db } from '@carcar/common/db/database';
import { resourceRouter } from '@carcar/common/http/routes';
import type { Router } from 'express';
import { salesRepository } from './repository.js';
import { saleCreateBody, saleListQuery } from './schemas.js';

export function salesRouter(db: Db, onCommitted: () => void): Router {
  const sales = salesRepository(db, onCommitted);
  return resourceRouter({
    listKey: 'sales',
    list: { query: saleListQuery, run: sales.list },
    create: { body: saleCreateBody, run: sales.create },
    get: sales.get,
    // Deleting a sale voids it: the record stays for the books, the car is available again.
    delete: sales.void,
  });
}
