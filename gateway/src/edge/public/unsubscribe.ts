import { pathTo, serviceApiRoutes } from '@carcar/common/contract/routes';
import type { CredentialSigner } from '@carcar/common/http/credentials/sign';
import type { Logger } from '@carcar/common/service/logger';
import { type Request, type Response, Router } from 'express';

const { confirm } = serviceApiRoutes.unsubscribe;

/** The shape of an unsubscribe token; anything else is refused without asking service. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

function page(res: Response, status: number, title: string, text: string): void {
  res
    .status(status)
    .type('html')
    .set('Cache-Control', 'no-store')
    .set('Referrer-Policy', 'no-referrer')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
        `<title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`,
    );
}

/**
 * `GET` and `POST /unsubscribe/:token`: the unsubscribe link of a due-for-service reminder, opened
 * by a customer who signs in nowhere (GET, from the email), or by their mail program's one-click
 * unsubscribe (POST, RFC 8058). The gateway asks service-api with its own credential, which can do
 * nothing but this; the token alone names the address. Every text here is fixed: nothing from the
 * request is echoed into the page.
 */
export function unsubscribeRouter(options: {
  serviceApiUrl: string;
  signer: CredentialSigner;
  logger: Logger;
}): Router {
  const router = Router();
  const handle = async (req: Request, res: Response) => {
    const token = String(req.params.token);
    if (!TOKEN.test(token)) {
      page(res, 404, 'Link not recognized', 'This unsubscribe link is not one of ours. Please check the address.');
      return;
    }
    let status: number;
    try {
      const credential = await options.signer.serviceCredential('service-api');
      const answer = await fetch(new URL(pathTo(confirm, { token }), options.serviceApiUrl), {
        method: confirm.method,
        headers: { authorization: `Bearer ${credential}` },
        signal: AbortSignal.timeout(10_000),
      });
      status = answer.status;
    } catch (error) {
      options.logger.warn({ err: error }, 'unsubscribe: service-api not answering');
      status = 502;
    }
    if (status === 200) {
      page(res, 200, 'You are unsubscribed', 'This address will get no more reminders from us.');
    } else if (status === 404) {
      page(res, 404, 'Link not recognized', 'This unsubscribe link is not one of ours. Please check the address.');
    } else {
      if (status !== 502) options.logger.warn({ status }, 'unsubscribe: service-api refused the gateway');
      page(res, 502, 'Please try again', 'We could not unsubscribe you just now. Please open the link again later.');
    }
  };
  router.get('/:token', handle);
  router.post('/:token', handle);
  return router;
}
