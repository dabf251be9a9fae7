import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AppConfig } from '@carcar/common/contract/app-config';
import { gatewayRoutes } from '@carcar/common/contract/gateway-routes';
import { mountPath, serviceRoutes } from '@carcar/common/contract/routes';
import type { Database, Db } from '@carcar/common/db/database';
import { ping } from '@carcar/common/db/database';
import { type AnswerObserver, errorHandler, jsonBody, observeAnswers, probeRoutes } from '@carcar/common/http/app';
import { auditRouter } from '@carcar/common/http/audit-routes';
import type { CredentialSigner } from '@carcar/common/http/credentials/sign';
import type { Logger } from '@carcar/common/service/logger';
import { metricsGuard, metricsHandler, prefixedTableRoute, recordRequests } from '@carcar/common/service/metrics';
import { requestSpans } from '@carcar/common/service/otlp';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import type { GatewayConfig } from './config.js';
import { auditLog } from './db/schema.js';
import { devServerProxy } from './edge/app-files/dev-server.js';
import { isPageRequest } from './edge/app-files/navigation.js';
import { builtApp } from './edge/app-files/static.js';
import { csrfGuard } from './edge/csrf.js';
import { forwardedServices, forwardTo } from './edge/forward/services.js';
import { publicEstimates } from './edge/public/estimates.js';
import { unsubscribeRouter } from './edge/public/unsubscribe.js';
import { requestLog } from './edge/request-log.js';
import { writeLimiter } from './edge/write-limit.js';
import { recordRefusals } from './identity/audit/refusals.js';
import { identify, requireCaller, requireCallerPermission } from './identity/auth/identify.js';
import { createIdentityCache } from './identity/auth/identity-cache.js';
import { authRouter } from './identity/auth/routes.js';
import { sessions } from './identity/auth/session.js';
import { loginThrottles } from './identity/auth/throttle.js';
import { callerSubjectOf } from './identity/for-edge.js';
import { ssoClient } from './identity/sso/provider.js';
import { passwordSignInGuard } from './identity/sso/required.js';
import { ssoRouter } from './identity/sso/routes.js';
import { tokensRepository } from './identity/tokens/repository.js';
import { tokensRouter } from './identity/tokens/routes.js';
import { GENERATED_ADMIN_EMAIL } from './identity/users/first-admin.js';
import { usersRepository } from './identity/users/repository.js';
import { usersRouter } from './identity/users/routes.js';
import { startWebhookWorker, type WebhookWorker } from './webhooks/dispatcher.js';
import { webhooksRepository } from './webhooks/repository.js';
import { webhooksRouter } from './webhooks/routes.js';
import { secretBox, webhookSecretKey } from './webhooks/secrets.js';
import { ownPortsOf } from './webhooks/url-guard.js';

export interface GatewayDeps {
  db: Db;
  logger: Logger;
  config: GatewayConfig;
  signer: CredentialSigner;
  /** Signs the session cookie. */
  sessionSecret: string;
  /** The built browser app to serve when no dev server is configured. */
  ghiDist?: string | undefined;
  /**
   * Tests only: sees every answer of the gateway's own API (the rows of `gatewayRoutes`, and
   * whatever else answers under their mount path), as sent, so the API tests can check it against
   * the table (testing/src/response-check.ts). Never what is forwarded to a service, nor the probes
   * and pages. Unset in production, where nothing is installed for it.
   */
  observeAnswer?: AnswerObserver | undefined;
}

export interface Gateway {
  app: Express;
  /** For the HTTP server's `upgrade` event (the dev server's hot reload); absent when nothing upgrades. */
  upgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Stops the gateway's timers (session pruning). */
  close(): void;
  /**
   * Starts delivering webhooks: reading the services' event feeds and sending what is due (main.ts;
   * a test that needs it). Needs the Database for the advisory lock that lets one replica read the
   * feeds. Call it once; a test may call it again after stopping the worker (a gateway restart).
   */
  startWebhooks(database: Database): WebhookWorker;
}

const SESSION_PRUNE_INTERVAL_MS = 15 * 60_000;

/** The browser app: Vite's dev server when configured, else the build, else nothing. */
function appFiles(config: GatewayConfig, ghiDist: string | undefined) {
  if (config.GHI_DEV_URL) return devServerProxy(config.GHI_DEV_URL);
  const built = ghiDist ? builtApp(ghiDist) : undefined;
  return built ? { handler: built, upgrade: undefined } : undefined;
}

/**
 * The production app's policy: helmet's defaults plus model pictures from any https address.
 * Vite's dev server injects inline scripts, so the dev proxy goes without a CSP.
 *
 * Under a forwarded prefix the answer is the service's, with the service's own helmet headers
 * (common/src/http/app.ts), which `writeHead` lets win over any set here: helmet's dozen headers
 * were built for nothing on every API call (about 3 % of the gateway's CPU under load). Those
 * paths get only what an answer the gateway writes itself (a 401, a 502) needs: JSON never
 * sniffed, and a policy that loads nothing.
 */
function securityHeaders(devServer: boolean, forwardedPrefixes: readonly string[]): RequestHandler {
  const app = devServer
    ? helmet({ contentSecurityPolicy: false })
    : helmet({ contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'https:'] } } });
  // Forwarded: under a prefix and not a page of the app (a deep link such as /sales/12 is the app's
  // index.html, served by the gateway, which needs the app's policy).
  const forwarded = (req: Request) =>
    forwardedPrefixes.some((prefix) => req.path.startsWith(`${prefix}/`)) && !isPageRequest(req, forwardedPrefixes);
  return (req, res, next) => {
    if (!forwarded(req)) return app(req, res, next);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    next();
  };
}

function writeKey(_req: unknown, res: Response): string {
  return callerSubjectOf(res) ?? 'anonymous';
}

export function createGateway(deps: GatewayDeps): Gateway {
  const { db, logger, config } = deps;
  const identityCache = createIdentityCache(config.IDENTITY_CACHE_MS);
  const users = usersRepository(db, identityCache);
  const tokens = tokensRepository(db, identityCache);
  const session = sessions({
    db,
    logger,
    cache: identityCache,
    secret: deps.sessionSecret,
    lifetimes: { idleMs: config.SESSION_IDLE_MINUTES * 60_000, maxMs: config.SESSION_MAX_HOURS * 3_600_000 },
    alwaysSecure: config.PUBLIC_ORIGIN.startsWith('https:'),
  });
  const stopPruning = session.store.startPruning(SESSION_PRUNE_INTERVAL_MS);
  const who = identify({ users, tokens, logger });
  const limitWrites = writeLimiter(config.RATE_LIMIT_WRITES_PER_MINUTE, writeKey);
  const throttles = loginThrottles({
    failuresPerAccount: config.LOGIN_FAILURES_PER_ACCOUNT,
    failuresPerAddress: config.LOGIN_FAILURES_PER_ADDRESS,
    windowMinutes: config.LOGIN_THROTTLE_MINUTES,
  });
  const routes = forwardedServices({
    inventory: config.INVENTORY_API_URL,
    service: config.SERVICE_API_URL,
    sales: config.SALES_API_URL,
  });
  const files = appFiles(config, deps.ghiDist);
  const webhookRepository = webhooksRepository(db);
  const webhookBox = secretBox(webhookSecretKey(config.WEBHOOK_SECRET_KEY, deps.sessionSecret));
  const receiverPolicy = {
    allowPrivate: config.WEBHOOK_ALLOW_PRIVATE,
    ownPorts: ownPortsOf(config.PORT, [config.INVENTORY_API_URL, config.SERVICE_API_URL, config.SALES_API_URL]),
  };
  let webhookWorker: WebhookWorker | undefined;
  const startWebhooks = (database: Database): WebhookWorker => {
    webhookWorker = startWebhookWorker({
      database,
      repository: webhookRepository,
      box: webhookBox,
      signer: deps.signer,
      sources: [
        { name: 'inventory-api', url: config.INVENTORY_API_URL },
        { name: 'service-api', url: config.SERVICE_API_URL },
        { name: 'sales-api', url: config.SALES_API_URL },
      ],
      settings: {
        pollMs: config.WEBHOOK_POLL_MS,
        timeoutMs: config.WEBHOOK_TIMEOUT_MS,
        retrySeconds: config.WEBHOOK_RETRY_SECONDS,
        retryHours: config.WEBHOOK_RETRY_HOURS,
        policy: receiverPolicy,
      },
      logger,
    });
    return webhookWorker;
  };

  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('query parser', 'simple');
  // Every request's duration by route pattern and status, for /metrics, and its span when spans
  // are exported over OTLP (its trace id is then the one logged), both named by the pattern.
  const routeOf = prefixedTableRoute(
    routes.map((r) => ({ prefix: r.prefix, rules: serviceRoutes[r.audience] })),
    [mountPath(gatewayRoutes)],
  );
  app.use(recordRequests(routeOf));
  if (deps.observeAnswer) app.use(ownApiAnswers(deps.observeAnswer));
  app.use(requestSpans(routeOf));
  app.use(requestLog(logger));
  app.use(recordRefusals(db, logger));
  app.use(
    securityHeaders(
      Boolean(config.GHI_DEV_URL),
      routes.map((route) => route.prefix),
    ),
  );

  app.get('/healthz', async (_req, res) => {
    try {
      await ping(db);
      res.json({ status: 'ok' });
    } catch (error) {
      logger.warn({ err: error }, 'health check failed');
      res.status(503).json({ status: 'unavailable', message: 'Database unavailable', code: 'unavailable' });
    }
  });
  // Liveness, readiness (migrated: the app exists only after that; the database answers; not
  // draining) and metrics, as every service answers them; /metrics only to loopback or METRICS_TOKEN.
  probeRoutes(app, () => ping(db), logger);
  app.get('/metrics', metricsGuard(config.METRICS_TOKEN), metricsHandler);

  // A reminder's unsubscribe link, for customers, who sign in nowhere (docs/email.md). Before the
  // CSRF check: a mail program's one-click unsubscribe (RFC 8058) POSTs without our header, and the
  // token in the path is the whole authority (no cookie is read), so a forged request can do nothing
  // its sender could not do by opening the link.
  app.use('/unsubscribe', unsubscribeRouter({ serviceApiUrl: config.SERVICE_API_URL, signer: deps.signer, logger }));

  // The customer's approval link (/approve/<token>, /public/estimates/<token>): the same reasoning,
  // the token is the whole authority and no session is read; limited per address.
  app.use(
    publicEstimates({
      serviceApiUrl: config.SERVICE_API_URL,
      signer: deps.signer,
      logger,
      perMinute: config.PUBLIC_REQUESTS_PER_MINUTE,
      dealershipName: config.DEALERSHIP_NAME,
    }),
  );

  // Before anything reads a session or a body: a forged write is refused untouched.
  app.use(
    csrfGuard(
      config.PUBLIC_ORIGIN,
      routes.map((route) => route.prefix),
    ),
  );

  app.use(mountPath(gatewayRoutes), jsonBody(), session.middleware, who);
  if (config.SSO_REQUIRED) {
    const firstAdminEmail = config.CARCAR_ADMIN_EMAIL ?? GENERATED_ADMIN_EMAIL;
    app.post(
      mountPath(gatewayRoutes.auth.login),
      passwordSignInGuard({ db, firstAdminEmail, providerName: config.OIDC_NAME }),
    );
  }
  if (config.OIDC_ISSUER && config.OIDC_CLIENT_ID) {
    const client = ssoClient({
      issuer: config.OIDC_ISSUER,
      clientId: config.OIDC_CLIENT_ID,
      clientSecret: config.OIDC_CLIENT_SECRET,
      redirectUri: `${config.PUBLIC_ORIGIN}/auth/sso/callback`,
    });
    app.use('/auth/sso', ssoRouter({ db, users, logger, client, sessionSecret: deps.sessionSecret }));
  }
  app.use(mountPath(gatewayRoutes.auth), authRouter({ db, users, throttles }));
  app.use(mountPath(gatewayRoutes.users), limitWrites, usersRouter(users));
  app.use(mountPath(gatewayRoutes.tokens), limitWrites, tokensRouter(tokens));
  app.use(
    mountPath(gatewayRoutes.webhooks),
    limitWrites,
    webhooksRouter({
      repository: webhookRepository,
      box: webhookBox,
      policy: receiverPolicy,
      retryHours: config.WEBHOOK_RETRY_HOURS,
      wake: () => webhookWorker?.wake(),
    }),
  );
  // The identity trail is for administrators: it names who tried which email and who was refused where.
  app.use(
    mountPath(gatewayRoutes.audit),
    requireCallerPermission('users.manage', 'read the trail of sign-ins and account changes'),
    auditRouter(db, auditLog),
  );

  // The app's deploy-time settings (common/src/contract/app-config.ts), read by ghi/index.html
  // before the app starts: the dealership's clock, since the APIs answer in UTC, and its name,
  // address and phone for the printed papers. Served here in development and production alike, so
  // one built app serves every dealership.
  const settings: AppConfig = {
    timeZone: config.TIMEZONE,
    dealershipName: config.DEALERSHIP_NAME,
    // The rest of the papers' letterhead: the address already split into lines, the phone or null.
    dealershipAddress: config.DEALERSHIP_ADDRESS,
    dealershipPhone: config.DEALERSHIP_PHONE ?? null,
    // Dates, numbers and money in the dealership's locale and currency, whatever the user's language.
    locale: config.DEALERSHIP_LOCALE,
    currency: config.DEALERSHIP_CURRENCY,
    // The sign-in page's "Sign in with <name>" button, only when single sign-on is configured.
    ssoName: config.OIDC_ISSUER ? config.OIDC_NAME : null,
  };
  const appConfig = `window.__CARCAR_CONFIG__ = ${JSON.stringify(settings)};\n`;
  app.get('/config.js', (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(appConfig);
  });

  if (files) {
    const prefixes = routes.map((route) => route.prefix);
    app.use((req, res, next) => (isPageRequest(req, prefixes) ? files.handler(req, res, next) : next()));
  }
  for (const route of routes) {
    app.use(route.prefix, session.unlessBearer, who, requireCaller, limitWrites, forwardTo(route, deps.signer, logger));
  }
  if (files) app.use(files.handler);

  app.use((_req, res) => {
    res.status(404).json({ message: 'Does not exist', code: 'not_found' });
  });
  app.use(errorHandler(logger));

  return {
    app,
    ...(files?.upgrade ? { upgrade: upgradeOutsideApi(files.upgrade, routes) } : {}),
    close: stopPruning,
    startWebhooks,
  };
}

/**
 * The test-only answer observer (`GatewayDeps.observeAnswer`), for the requests under the gateway
 * table's mount path (`/auth`) only: what is forwarded is a service's answer, checked by that
 * service's own tests, and the probes, pages and files are no rows of the table.
 */
function ownApiAnswers(observe: AnswerObserver): RequestHandler {
  const prefix = mountPath(gatewayRoutes).toLowerCase();
  const observed = observeAnswers(observe);
  return (req, res, next) => {
    const path = req.path.toLowerCase();
    if (path === prefix || path.startsWith(`${prefix}/`)) observed(req, res, next);
    else next();
  };
}

/** Only the app's dev server speaks WebSocket; an upgrade under an API prefix is closed. */
function upgradeOutsideApi(
  upgrade: NonNullable<Gateway['upgrade']>,
  routes: ReadonlyArray<{ prefix: string }>,
): NonNullable<Gateway['upgrade']> {
  return (req, socket, head) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const api = [mountPath(gatewayRoutes), ...routes.map((route) => route.prefix)].some(
      (prefix) => path === prefix || path.startsWith(`${prefix}/`),
    );
    if (api) socket.destroy();
    else upgrade(req, socket, head);
  };
}
