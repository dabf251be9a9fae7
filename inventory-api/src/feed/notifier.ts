import { EventEmitter } from 'node:events';

/**
 * Wakes the long polls of the feed when this process commits a feed entry. Another replica's
 * entries are picked up by the long polls' periodic re-read.
 */
export class FeedNotifier {
  private readonly events = new EventEmitter().setMaxListeners(0);
  private closed = false;
  /** Counts notifications, so a long poll can tell that an entry landed while it was reading. */
  version = 0;

  /** Called after every committed write that appended feed entries. */
  notify(): void {
    this.version++;
    this.events.emit('entry');
  }

  /** Resolves on the next notification after `sinceVersion`, after `ms`, on abort, or on close. */
  wait(ms: number, sinceVersion: number, signal?: AbortSignal): Promise<void> {
    if (this.closed || signal?.aborted || this.version !== sinceVersion) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.events.off('entry', done);
        this.events.off('close', done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.events.once('entry', done);
      this.events.once('close', done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Ends every waiting long poll, at shutdown. */
  close(): void {
    this.closed = true;
    this.events.emit('close');
  }
}
