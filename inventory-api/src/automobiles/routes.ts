import type { Db } from '@carcar/common/db/database';
import { can, forbiddenFor } from '@carcar/common/http/authorize';
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
