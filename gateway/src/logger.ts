import { type Logger, stdoutDestination } from '@carcar/common/service/logger';
import { type DestinationStream, pino } from 'pino';

/**
 * Whatever a log call is handed, these never reach the output: a request's credentials (cookie,
 * Authorization, the CSRF header is harmless) and any field named like a secret.
 */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  'passwordHash',
  'password_hash',
  'token',
  'tokenHash',
  'token_hash',
  '*.password',
  '*.passwordHash',
  '*.password_hash',
  '*.token',
  '*.tokenHash',
  '*.token_hash',
];

/** The gateway's logger: common's JSON lines, plus redaction; tests pass a stream to read them. */
export function createGatewayLogger(level: string, destination?: DestinationStream): Logger {
  const options = { name: 'gateway', level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return pino(options, destination ?? stdoutDestination());
}
