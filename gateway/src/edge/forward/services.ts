import type { IncomingHttpHeaders } from 'node:http';
import type { ServiceName } from '@carcar/common/contract/permissions';
import type { CredentialSigner } from '@carcar/common/http/credentials/sign';
import { requestIdOf } from '@carcar/common/http/request-context';
import type { Logger } from '@carcar/common/service/logger';
import { spanIdOf, traceIdOf, traceparentFor } from '@carcar/common/service/trace';
import type { Request, RequestHandler, Response } from 'express';
import { callerCredentialOf, noteAnsweredBy } from '../../identity/for-edge.js';
import { endToEndHeaders, forward, upstream } from './proxy.js';

/** A service behind the gateway: `/inventory/…` reaches inventory-api's `/…`. */
export interface ServiceRoute {
  prefix: string;
  audience: ServiceName;
  /** How the 502 names it: "The inventory service is not answering". */
  label: string;
  url: string;
}

/** The services the gateway forwards to, by path prefix (not the permission table: that is contract/routes.ts's `serviceRoutes`). */
export function forwardedServices(urls: { inventory: string; service: string; sales: string }): ServiceRoute[] {
  return [
    { prefix: '/inventory', audience: 'inventory-api', label: 'inventory', url: urls.inventory },
    { prefix: '/service', audience: 'service-api', label: 'service department', url: urls.service },
    { prefix: '/sales', audience: 'sales-api', label: 'sales', url: urls.sales },
  ];
}

/**
 * Never passed to a service: the browser's cookie and the caller's own Authorization (the service
 * gets the gateway's credential instead), the request id and forwarding headers the caller could
 * forge, Origin (so a service's CORS never answers: the browser talks only to the gateway) and the
 * CSRF header (checked here).
 */
const DROPPED_REQUEST_HEADERS = new Set([
  'cookie',
  'authorization',
  'host',
  'origin',
  'x-carcar-csrf',
  'x-request-id',
  'x-forwarded-for',
  // Set by the gateway alone, on the public estimate routes (public/estimates.ts).
  'x-carcar-client-address',
  'x-forwarded-host',
  'x-forwarded-proto',
  'forwarded',
]);

/** A service's cookies and CORS grants are not the gateway's to hand out. */
function isDroppedResponseHeader(name: string): boolean {
  return name === 'set-cookie' || name.startsWith('access-control-');
}

/** Long enough for a 2 MB CSV import; a slow service answers 504 rather than holding the client forever. */
const UPSTREAM_TIMEOUT_MS = 60_000;

function requestHeaders(req: Request, res: Response, credential: string, requestId: string) {
  const headers = endToEndHeaders(req.headers as IncomingHttpHeaders, (name) => DROPPED_REQUEST_HEADERS.has(name));
  headers.authorization = `Bearer ${credential}`;
  headers['x-request-id'] = requestId;
  // This call as a child of the request's span when spans are exported (common/src/service/otlp.ts),
  // else as a new span of its trace (request-log.ts started or continued it).
  const traceId = traceIdOf(res);
  if (traceId) headers.traceparent = traceparentFor(traceId, spanIdOf(res));
  headers['x-forwarded-for'] = req.ip ?? '';
  headers['x-forwarded-proto'] = req.protocol;
  const host = req.get('host');
  if (host) headers['x-forwarded-host'] = host;
  return headers;
}

/**
 * Forwards everything under the route's prefix to its service with the caller's internal
 * credential. The gateway checks no permission itself: the service does, with the credential.
 */
export function forwardTo(route: ServiceRoute, signer: CredentialSigner, logger: Logger): RequestHandler {
  const target = upstream(route.url);
  return async (req, res) => {
    const caller = callerCredentialOf(res);
    // Mounted behind requireCaller, so there is always one; without it this is a 500, never an anonymous call.
    if (!caller) throw new Error('No caller: mount requireCaller before forwardTo');
    const credential = await signer.credentialFor(caller.subject, route.audience, caller.claims);
    noteAnsweredBy(res, route.label);
    forward(req, res, {
      upstream: target,
      // Below the mount point, query included: `/inventory/api/x/?q=1` → `/api/x/?q=1`.
      path: req.url,
      headers: requestHeaders(req, res, credential, requestIdOf(res)),
      timeoutMs: UPSTREAM_TIMEOUT_MS,
      responseHeaders: (headers) => endToEndHeaders(headers, isDroppedResponseHeader),
      onFailure: (kind, error) => {
        logger.warn({ err: error, service: route.audience, requestId: requestIdOf(res) }, 'service not answering');
        const status = kind === 'timeout' ? 504 : 502;
        const message =
          kind === 'timeout'
            ? `The ${route.label} service took too long to answer; try again shortly`
            : `The ${route.label} service is not answering; try again shortly`;
        res.status(status).json({ message, code: 'unavailable' });
      },
    });
  };
}
