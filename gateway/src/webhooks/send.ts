import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedReceiver } from './url-guard.js';

export interface SendResult {
  /** The receiver's status; undefined when it never answered. */
  status?: number;
  /** Why it failed, in words; undefined for a 2xx. */
  error?: string;
  durationMs: number;
}

/** Connects to the address the guard checked, whatever the name resolves to by now (DNS rebinding). */
function pinnedLookup(receiver: ResolvedReceiver): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) {
      (callback as unknown as (error: null, addresses: Array<{ address: string; family: number }>) => void)(null, [
        { address: receiver.address, family: receiver.family },
      ]);
    } else callback(null, receiver.address, receiver.family);
  };
}

/** A receiver's answer is read only this far: its status is what counts. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs one delivery. The whole exchange (connect, send, answer) must end within `timeoutMs`:
 * a receiver that hangs or trickles is cut off. Redirects are not followed (a 3xx is a failure),
 * so a receiver cannot send the gateway somewhere the guard did not check.
 */
export function sendDelivery(
  receiver: ResolvedReceiver,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<SendResult> {
  const started = Date.now();
  const { url } = receiver;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<SendResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: Date.now() - started });
    };
    const req = client.request(
      url,
      {
        method: 'POST',
        lookup: pinnedLookup(receiver),
        agent: false,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'CarCar-Webhooks/1',
        },
      },
      (res) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) res.destroy();
        });
        const status = res.statusCode ?? 0;
        const answered = () =>
          finish(status >= 200 && status < 300 ? { status } : { status, error: `the receiver answered ${status}` });
        res.on('end', answered);
        res.on('close', answered);
        res.on('error', answered);
      },
    );
    const timer = setTimeout(() => {
      finish({ error: `no answer within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      finish({ error: `could not reach the receiver (${error.code ?? error.message})` });
    });
    req.end(body);
  });
}
