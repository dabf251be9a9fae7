import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RequestHandler } from 'express';
import { endToEndHeaders, forward, forwardUpgrade, upstream } from '../forward/proxy.js';

export interface DevServerProxy {
  handler: RequestHandler;
  /** For the HTTP server's `upgrade` event: Vite's hot-reload WebSocket. */
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

/**
 * Development: every request that is not the gateway's own goes to Vite's dev server, so the app
 * is served from the same origin as the API (one cookie, no CORS) with hot reload intact.
 */
export function devServerProxy(url: string): DevServerProxy {
  const target = upstream(url, 64);
  return {
    handler: (req, res) => {
      forward(req, res, {
        upstream: target,
        path: req.url,
        headers: endToEndHeaders(req.headers, (name) => name === 'cookie' || name === 'authorization'),
        timeoutMs: 60_000,
        responseHeaders: (headers) => endToEndHeaders(headers),
        onFailure: () => {
          res.status(502).json({
            message: "The browser app's dev server is not answering; is Vite running?",
            code: 'unavailable',
          });
        },
      });
    },
    upgrade: (req, socket, head) => forwardUpgrade(req, socket, head, target),
  };
}
