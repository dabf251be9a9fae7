import { type ApiToken, type ApiTokenList, type CreatedToken, createTokenBody } from '@carcar/common/contract/identity';
import { forbidden, notFound } from '@carcar/common/errors';
import { parseId, parseInput } from '@carcar/common/http/validation';
import { Router } from 'express';
import { auditContextOf } from '../audit/trail.js';
import { callerOf } from '../auth/caller.js';
import { requireCallerPermission } from '../auth/identify.js';
import type { TokenRecord } from './records.js';
import { type TokensRepository, withinOwnersRole } from './repository.js';
import { generateToken, hashToken } from './secrets.js';

/** A token as listed: never the token or its hash. */
function tokenJson(token: TokenRecord): ApiToken {
  return {
    id: token.id,
    name: token.name,
    role: token.role,
    created_by: token.createdBy,
    created_at: token.createdAt.toISOString(),
    last_used_at: token.lastUsedAt?.toISOString() ?? null,
    revoked_at: token.revokedAt?.toISOString() ?? null,
  };
}

/** /auth/tokens: administrators only. */
export function tokensRouter(tokens: TokensRepository): Router {
  const router = Router();
  router.use(requireCallerPermission('users.manage', 'manage API tokens'));

  router.get('/', async (_req, res) => {
    const list: ApiTokenList = { tokens: (await tokens.list()).map(tokenJson) };
    res.json(list);
  });

  /** The one answer that holds the token: it is shown once and only its hash is kept. */
  router.post('/', async (req, res) => {
    const input = parseInput(createTokenBody, req.body);
    const caller = callerOf(res);
    // Every token has a person as its owner, checked on each use (repository.ts): one made with
    // another token belongs to that token's owner, so it cannot outlive them or exceed their role.
    const owner = caller?.kind === 'user' ? caller.user : caller?.kind === 'token' ? caller.token.owner : undefined;
    if (!owner) throw forbidden('API tokens are made by an administrator');
    if (!withinOwnersRole(input.role, owner.role)) {
      throw forbidden('An API token cannot have a role with more rights than its owner');
    }
    const token = generateToken();
    const record = await tokens.create(
      { ...input, tokenHash: hashToken(token), createdBy: owner.id },
      auditContextOf(res),
    );
    const created: CreatedToken = { id: record.id, name: record.name, role: record.role, token };
    res.status(201).json(created);
  });

  router.delete('/:id', async (req, res) => {
    if (!(await tokens.revoke(parseId(req.params.id), auditContextOf(res)))) throw notFound();
    res.status(204).end();
  });

  return router;
}
