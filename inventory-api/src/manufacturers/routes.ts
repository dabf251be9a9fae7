import type { Db } from '@carcar/common/db/database';
import { pageQuery } from '@carcar/common/http/list';
import { resourceRouter } from '@carcar/common/http/routes';
import type { Router } from 'express';
import type { ChangeNotifier } from '../automobiles/changes.js';
import { manufacturersRepository } from './repository.js';
import { manufacturerBody } from './schemas.js';

export function manufacturersRouter(db: Db, notifier: ChangeNotifier): Router {
  const manufacturers = manufacturersRepository(db, notifier);
  return resourceRouter({
    listKey: 'manufacturers',
    list: { query: pageQuery, run: manufacturers.list },
    create: { body: manufacturerBody, run: manufacturers.create },
    get: manufacturers.get,
    update: { body: manufacturerBody, run: manufacturers.update },
    delete: manufacturers.delete,
  });
}
