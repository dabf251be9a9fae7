import type { Db } from '@carcar/common/db/database';
import { resourceRouter } from '@carcar/common/http/routes';
import { tableResourceRoutes } from '@carcar/common/http/table-routes';
import type { Router } from 'express';
import { catalogVersionReader } from '../db/catalog-version.js';
import type { FeedNotifier } from '../feed/notifier.js';
import { modelsRepository } from './repository.js';
import { modelCreateBody, modelUpdateBody } from './schemas.js';

export function modelsRouter(db: Db, feedNotifier: FeedNotifier): Router {
  const models = modelsRepository(db, feedNotifier);
  return resourceRouter({
    ...tableResourceRoutes('models', modelCreateBody, models),
    // Revalidated by the browser app, and kept as bytes until a manufacturer or model changes.
    listVersion: catalogVersionReader(db),
    update: { body: modelUpdateBody, run: models.update },
  });
}
