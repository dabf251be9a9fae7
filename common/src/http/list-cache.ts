import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzipAsync = promisify(zlib.gzip);
const brotliAsync = promisify(zlib.brotliCompress);

// The answers of a list route kept as the bytes sent, per query and form, and reused for as long as
// the list's version (a counter the database moves in commit order: inventory's feed head, say)
// stays where it was. Every request still reads the version, so a write committed before the request
// arrived (by this process or another replica on the same database) is never answered with an
// older body: see `freshRead` and `ListCache.answer`.

/** A list answer as sent: its bytes, their type and the `X-Total-Count` that goes with them. */
export interface ListAnswer {
  contentType: string;
  body: Buffer;
  total: number;
}

/**
 * `read`, shared by callers who arrive together, but only ever with a read that *began after* the
 * caller asked: a caller arriving while a read is under way waits for the next one, which starts
 * when that read ends and serves everyone who arrived in between. A version read this way reflects
 * every commit finished before the request came in, at one round trip per round trip's worth of
 * requests instead of one per request.
 */
export function freshRead<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let next: Promise<T> | undefined;
  const start = (): Promise<T> => {
    const current = read().finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };
  return () => {
    if (!running) return start();
    // The read under way may have taken its snapshot before this caller arrived: not good enough.
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
}

/** The encodings a kept answer is also kept in, compressed once for every client that accepts them. */
export type ListEncoding = 'br' | 'gzip';

/** Answers smaller than this go uncompressed, as the app's `COMPRESSION_THRESHOLD` says. */
const MIN_COMPRESSED_BYTES = 1024;

/** Brotli at quality 4, the compression middleware's choice: fast, and a list still shrinks many times over. */
function compress(body: Buffer, encoding: ListEncoding): Promise<Buffer> {
  return encoding === 'gzip'
    ? gzipAsync(body)
    : brotliAsync(body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      });
}

interface Entry {
  version: bigint;
  answer: ListAnswer;
  /** The body compressed, per encoding a client asked for. */
  encoded: Map<ListEncoding, Promise<Buffer>>;
  /** The body's bytes and its compressed copies'. */
  bytes: number;
}

/** Bodies bigger than this share of the budget are sent but not kept: one would push out all the rest. */
const MAX_ENTRY_SHARE = 0.5;

/**
 * The answers of one list, least recently used dropped first once their bytes pass `maxBytes`.
 * Versions are counters that only grow; an answer is kept under the version read *before* its rows
 * were, so its body is at least as new as its version says. It is served only to a request that
 * read exactly that version, again after the request arrived (`freshRead`), so no change committed
 * before a request can be missing from its answer.
 */
export class ListCache {
  private readonly entries = new Map<string, Entry>();
  /** Builds under way, per key and version: many requests for a new list build it once. */
  private readonly building = new Map<string, Promise<ListAnswer>>();
  private bytes = 0;
  /** The newest version seen: answers of older ones can never be served again. */
  private newest = -1n;

  constructor(private readonly maxBytes: number) {}

  /** The answer for `key` at `version`: the kept one, or `build`'s, kept if it fits. */
  async answer(version: string, key: string, build: () => Promise<ListAnswer>): Promise<ListAnswer> {
    const v = BigInt(version);
    if (v > this.newest) this.moveTo(v);
    const kept = this.entries.get(key);
    if (kept && kept.version === v) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept.answer;
    }
    const buildKey = `${version}\0${key}`;
    let pending = this.building.get(buildKey);
    if (!pending) {
      pending = build().finally(() => this.building.delete(buildKey));
      this.building.set(buildKey, pending);
      pending.then((answer) => this.keep(key, v, answer)).catch(() => undefined);
    }
    return pending;
  }

  /**
   * The kept `answer` of `key` compressed with `encoding`, compressed once (off the event loop) and
   * kept with it; undefined when the answer is too small to compress or is not kept (a client that
   * asks for it gets it compressed by the app's middleware, as any answer).
   */
  async encoded(key: string, answer: ListAnswer, encoding: ListEncoding): Promise<Buffer | undefined> {
    const entry = this.entries.get(key);
    if (!entry || entry.answer !== answer || answer.body.length < MIN_COMPRESSED_BYTES) return undefined;
    let body = entry.encoded.get(encoding);
    if (!body) {
      body = compress(answer.body, encoding);
      entry.encoded.set(encoding, body);
      body
        .then((compressed) => {
          // Still kept? Then its compressed copy counts against the budget too.
          if (this.entries.get(key) !== entry) return;
          entry.bytes += compressed.length;
          this.bytes += compressed.length;
          this.evict();
        })
        .catch(() => entry.encoded.delete(encoding));
    }
    return body;
  }

  /** How many bytes of answers are kept, for tests and health. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /** A newer version: every kept answer is out of date. */
  private moveTo(version: bigint): void {
    this.newest = version;
    this.entries.clear();
    this.bytes = 0;
  }

  private keep(key: string, version: bigint, answer: ListAnswer): void {
    // Built for a version that has since moved on: nobody will ask for it again.
    if (version < this.newest) return;
    const size = answer.body.length;
    if (size > this.maxBytes * MAX_ENTRY_SHARE) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.bytes;
    }
    this.entries.set(key, { version, answer, encoded: new Map(), bytes: size });
    this.bytes += size;
    this.evict();
  }

  /** Drops the least recently used answers until the rest fit the budget. */
  private evict(): void {
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }
}
