import type { Db } from '@carcar/common/db/database';
import { pageQuery } from '@carcar/common/http/list';
import { resourceRouter } from '@carcar/common/http/routes';
import type { Router } from 'express';
import type { ChangeNotifier } from '../automobiles/changes.js';
import { modelsRepository } from './repository.js';
import { modelCreateBody, modelUpdateBody } from './schemas.js';

export function modelsRouter(db: Db, notifier: ChangeNotifier): Router {
  const models = modelsRepository(db, notifier);
  return resourceRouter({
    listKey: 'models',
    list: { query: pageQuery, run: models.list },
    create: { body: modelCreateBody, run: models.create },
    get: models.get,
    update: { body: modelUpdateBody, run: models.update },
    delete: models.delete,
  });
}
