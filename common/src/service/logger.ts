import { isMainThread } from 'node:worker_threads';
import { type DestinationStream, pino } from 'pino';

export type Logger = pino.Logger;

/**
 * Standard output, written asynchronously: a line is queued and written without blocking the
 * request that logged it, and lines logged while a write is under way go out together in the next
 * one (under load, one system call for many lines instead of one each). pino flushes what is
 * queued when the process exits.
 */
export function stdoutDestination(): DestinationStream {
  // A worker thread's standard output is a stream its parent reads (`npm start` names each
  // service's lines); file descriptor 1 would bypass it.
  if (!isMainThread) return process.stdout;
  return pino.destination({ dest: 1, sync: false });
}

export function createLogger(name: string, level: string): Logger {
  return pino({ name, level }, stdoutDestination());
}
