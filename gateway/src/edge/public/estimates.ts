import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { CredentialSigner } from '@carcar/common/http/credentials/sign';
import { requestIdOf } from '@carcar/common/http/request-context';
import type { Logger } from '@carcar/common/service/logger';
import { type Request, type RequestHandler, type Response, Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { endToEndHeaders, forward, upstream } from '../forward/proxy.js';
import { approvePage } from './approve-page.js';

// The customer's approval link, for someone who signs in nowhere: `GET /approve/<token>` (the
// page) and `GET, POST /public/estimates/<token>` (its API, and `GET …/<token>/…` below it: the
// inspection's photos). The gateway forwards these to service-api with its own credential, which
// holds only `estimates.public`: the service resolves the token, so the credential alone opens
// no order. Nothing of the caller's is passed on but the request's body and content headers: no
// cookie, no Authorization, no forwarding header the client could forge. The customer's address
// goes in `X-CarCar-Client-Address`, set here from the connection (or the trusted proxy).

/** A token as service-api makes them (43 base64url characters); anything else is refused here. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The only request headers passed on: what the body is and what the client accepts. */
const PASSED_REQUEST_HEADERS = new Set([
  'content-type',
  'content-length',
  'accept',
  'accept-encoding',
  'if-none-match',
]);

/** The header service-api reads the customer's address from (service-api/src/repair-orders/routes.ts). */
export const CLIENT_ADDRESS_HEADER = 'x-carcar-client-address';

const UPSTREAM_TIMEOUT_MS = 30_000;

function noStore(res: Response): Response {
  return res.set('Cache-Control', 'no-store');
}

function notFound(res: Response): void {
  noStore(res).status(404).json({ message: 'Does not exist', code: 'not_found' });
}

export interface PublicEstimateOptions {
  serviceApiUrl: string;
  signer: CredentialSigner;
  logger: Logger;
  /** Requests a minute from one address, to the page and the API together (`PUBLIC_REQUESTS_PER_MINUTE`, 60). */
  perMinute: number;
  /** The dealership's name, at the top of the page. */
  dealershipName: string;
}

/** One budget per client address for the page and its API. */
function addressLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    keyGenerator: (req) => `public:${ipKeyGenerator(req.ip ?? 'unknown')}`,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      noStore(res).status(429).json({ message: 'Too many requests; try again in a minute', code: 'rate_limited' });
    },
  });
}

/**
 * Mounts the approval page and the public estimate API on `app`'s router: `/approve/<token>` and
 * `/public/estimates/<token>[/…]`. Mounted before the sessions: a cookie is never read here.
 */
export function publicEstimates(options: PublicEstimateOptions): Router {
  const target = upstream(options.serviceApiUrl);
  const limit = addressLimit(options.perMinute);
  const router = Router();

  router.get('/approve/:token', limit, (req, res) => {
    if (!TOKEN.test(String(req.params.token))) {
      notFound(res);
      return;
    }
    approvePage(res, options.dealershipName);
  });

  const toService: RequestHandler = async (req: Request, res: Response) => {
    const [token, ...rest] = req.path.replace(/^\/+/, '').split('/');
    const below = rest.filter((part) => part !== '');
    // A dot segment could climb out of /public/estimates on a server that resolves them: refused.
    const plain = below.every((part) => !/^(\.|%2e){1,2}$/i.test(part));
    // A POST decides the estimate itself; below the token only reads (the photos) are passed on.
    const allowed = req.method === 'GET' || req.method === 'HEAD' || (req.method === 'POST' && below.length === 0);
    if (!token || !TOKEN.test(token) || !allowed || !plain) {
      notFound(res);
      return;
    }
    const credential = await options.signer.serviceCredential('service-api');
    const headers: OutgoingHttpHeaders = endToEndHeaders(
      req.headers as IncomingHttpHeaders,
      (name) => !PASSED_REQUEST_HEADERS.has(name),
    );
    headers.authorization = `Bearer ${credential}`;
    headers['x-request-id'] = requestIdOf(res);
    headers[CLIENT_ADDRESS_HEADER] = req.ip ?? '';
    forward(req, res, {
      upstream: target,
      path: `/public/estimates${req.url}`,
      headers,
      timeoutMs: UPSTREAM_TIMEOUT_MS,
      // Every answer is one customer's: never kept by a browser or proxy; no cookie from behind.
      responseHeaders: (answer) => ({
        ...endToEndHeaders(answer, (name) => name === 'set-cookie' || name.startsWith('access-control-')),
        'cache-control': 'no-store',
      }),
      onFailure: (kind, error) => {
        options.logger.warn({ err: error, requestId: requestIdOf(res) }, 'public estimate: service-api not answering');
        noStore(res)
          .status(kind === 'timeout' ? 504 : 502)
          .json({ message: 'The service department is not answering; try again shortly', code: 'unavailable' });
      },
    });
  };
  router.use('/public/estimates', limit, toService);
  return router;
}
