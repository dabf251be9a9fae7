import type { Role, ServiceName } from '@carcar/common/contract/permissions';
import type { AccessPolicy, HttpPolicy } from '@carcar/common/http/app';
import { createLogger } from '@carcar/common/service/logger';
import type { Express } from 'express';
import request from 'supertest';
import { type RoleHeaders, roleHeaders, testAccess } from './credentials.js';
import type { ResponseCheck } from './response-check.js';

// A service's app as its tests build it: the same options and the same request helpers for
// inventory-api, service-api and sales-api, whatever else (database, clock, rates) a test gives it.

/**
 * What a service's `createApp` is given in a test besides its database and settings: the policy
 * that accepts the audience's test credentials, a silent logger, and `check` observing every answer
 * ahead of the test's own HTTP policy.
 */
export async function testAppOptions(
  audience: ServiceName,
  check: ResponseCheck,
  http: HttpPolicy = {},
): Promise<{ access: AccessPolicy; logger: ReturnType<typeof createLogger>; http: HttpPolicy }> {
  return {
    access: await testAccess(audience),
    logger: createLogger(`${audience}-test`, 'silent'),
    http: { observeAnswer: check.observe, ...http },
  };
}

/** Requests to `app` as an administrator, `api()`, or as `role`, `api(role)`, with the role's test credential. */
export async function roleAgents(audience: ServiceName, app: Express) {
  const headers: RoleHeaders = await roleHeaders(audience);
  return { api: (role?: Role) => request.agent(app).set(headers(role)), headers };
}
