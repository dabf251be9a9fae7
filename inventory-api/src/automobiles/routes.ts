import type { Db } from '@carcar/common/db/database';
import { resourceRouter } from '@carcar/common/http/routes';
import { parseVinParam } from '@carcar/common/http/validation';
import type { Router } from 'express';
import type { FeedNotifier } from '../feed/notifier.js';
import { automobileCreateBody, automobileListQuery, automobileUpdateBody } from './schemas.js';
import { automobileUseCases } from './use-cases.js';

export function automobilesRouter(db: Db, feedNotifier: FeedNotifier): Router {
  const automobiles = automobileUseCases(db, feedNotifier);
  return resourceRouter({
    listKey: 'autos',
    list: { query: automobileListQuery, run: automobiles.list },
    create: { body: automobileCreateBody, run: automobiles.create },
    key: parseVinParam,
    get: automobiles.get,
    update: { body: automobileUpdateBody, run: automobiles.update },
    delete: automobiles.delete,
  });
}
