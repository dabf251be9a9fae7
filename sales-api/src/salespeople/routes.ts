import type { Db } from '@carcar/common/db/database';
import { pageQuery } from '@carcar/common/http/list';
import { resourceRouter } from '@carcar/common/http/routes';
import type { Router } from 'express';
import { salespeopleRepository } from './repository.js';
import { salespersonBody } from './schemas.js';

export function salespeopleRouter(db: Db): Router {
  const salespeople = salespeopleRepository(db);
  return resourceRouter({
    listKey: 'salespeople',
    list: { query: pageQuery, run: salespeople.list },
    create: { body: salespersonBody, run: salespeople.create },
    get: salespeople.get,
    delete: salespeople.delete,
  });
}
