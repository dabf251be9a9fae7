import type { Db } from '@carcar/common/db/database';
import { pageQuery } from '@carcar/common/http/list';
import { resourceRouter } from '@carcar/common/http/routes';
import type { Router } from 'express';
import { customersRepository } from './repository.js';
import { customerBody } from './schemas.js';

export function customersRouter(db: Db): Router {
  const customers = customersRepository(db);
  return resourceRouter({
    listKey: 'customers',
    list: { query: pageQuery, run: customers.list },
    create: { body: customerBody, run: customers.create },
    get: customers.get,
    delete: customers.delete,
  });
}
