import type { UserList } from '@carcar/common/contract/identity';
import { parseId, parseInput } from '@carcar/common/http/validation';
import { Router } from 'express';
import { auditContextOf } from '../audit/trail.js';
import { requireCallerPermission } from '../auth/identify.js';
import type { UsersRepository } from './repository.js';
import { createUserBody, updateUserBody, userJson } from './schemas.js';
import { createUser, getUser, updateUser } from './use-cases.js';

/** /auth/users: administrators only. */
export function usersRouter(users: UsersRepository): Router {
  const router = Router();
  router.use(requireCallerPermission('users.manage', 'manage users'));

  router.get('/', async (_req, res) => {
    const list: UserList = { users: (await users.list()).map(userJson) };
    res.json(list);
  });

  router.post('/', async (req, res) => {
    const user = await createUser(users, parseInput(createUserBody, req.body), auditContextOf(res));
    res.status(201).json(userJson(user));
  });

  router.get('/:id', async (req, res) => {
    res.json(userJson(await getUser(users, parseId(req.params.id))));
  });

  router.put('/:id', async (req, res) => {
    const input = parseInput(updateUserBody, req.body);
    res.json(userJson(await updateUser(users, parseId(req.params.id), input, auditContextOf(res), req.sessionID)));
  });

  return router;
}
