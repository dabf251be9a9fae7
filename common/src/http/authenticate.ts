import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { unauthenticated } from '../errors.js';
import type { Logger } from '../service/logger.js';
import { asCredentialError, CredentialError, type CredentialVerifier } from './credentials/verify.js';
import { setActor, setRequestId } from './request-context.js';

// The Express side of internal credentials (docs/identity.md): every service route sits behind it.

/** Far above a real credential (~500 bytes); refusing early keeps junk out of jose and the logs. */
const MAX_TOKEN_LENGTH = 8_192;

/** A request id we pass on to logs and audit entries: short and free of control characters. */
const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Lets a request through only with a valid `Authorization: Bearer` credential; puts the actor and
 * the request id on the request (./request-context.ts). Every refusal is the same 401, so a prober
 * learns nothing; the debug log says why (never the token).
 */
export function authenticate(verifier: CredentialVerifier, logger?: Logger): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req.get('authorization'));
    try {
      if (token === undefined) throw new CredentialError('no bearer credential');
      setActor(res, await verifier.verify(token));
    } catch (error) {
      const requestId = randomUUID();
      setRequestId(res, requestId);
      logger?.debug({ reason: asCredentialError(error).message, requestId, method: req.method }, 'credential refused');
      const refusal = unauthenticated();
      res.status(refusal.status).set('WWW-Authenticate', 'Bearer').json(refusal.toJSON());
      return;
    }
    // Only a verified caller (the gateway or a service) may name the request id.
    const offered = req.get('x-request-id');
    setRequestId(res, offered !== undefined && requestIdPattern.test(offered) ? offered : randomUUID());
    next();
  };
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer +(\S+)$/i.exec(header);
  const token = match?.[1];
  return token !== undefined && token.length <= MAX_TOKEN_LENGTH ? token : undefined;
}
