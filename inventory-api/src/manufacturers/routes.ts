import type { Db } from '@carcar/common/db/database';
import { resourceRouter } from '@carcar/common/http/routes';
import { tableResourceRoutes } from '@carcar/common/http/table-routes';
import type { Router } from 'express';
import { catalogVersionReader } from '../db/catalog-version.js';
import type { FeedNotifier } from '../feed/notifier.js';
import { manufacturersRepository } from './repository.js';
import { manufacturerBody } from './schemas.js';

export function manufacturersRouter(db: Db, feedNotifier: FeedNotifier): Router {
  const manufacturers = manufacturersRepository(db, feedNotifier);
  return resourceRouter({
    ...tableResourceRoutes('manufacturers', manufacturerBody, manufacturers),
    // Revalidated by the browser app, and kept as bytes until a manufacturer or model changes.
    listVersion: catalogVersionReader(db),
    update: { body: manufacturerBody, run: manufacturers.update },
  });
}
