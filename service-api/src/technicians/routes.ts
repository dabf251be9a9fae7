import type { Db } from '@carcar/common/db/database';
import { pageQuery } from '@carcar/common/http/list';
import { resourceRouter } from '@carcar/common/http/routes';
import type { Router } from 'express';
import { techniciansRepository } from './repository.js';
import { technicianBody } from './schemas.js';

export function techniciansRouter(db: Db): Router {
  const technicians = techniciansRepository(db);
  return resourceRouter({
    listKey: 'technicians',
    list: { query: pageQuery, run: technicians.list },
    create: { body: technicianBody, run: technicians.create },
    get: technicians.get,
    delete: technicians.delete,
  });
}
