import type { Db } from '@carcar/common/db/database';
import type { Logger } from '@carcar/common/service/logger';
import { and, eq, gt, lt, or } from 'drizzle-orm';
import { type SessionData, Store } from 'express-session';
import { sessions } from '../../db/schema.js';
import { type IdentityCache, noIdentityCache } from './identity-cache.js';

declare module 'express-session' {
  interface SessionData {
    /** The signed-in user; a session exists in the store only once someone has signed in. */
    userId: number;
  }
}

export interface SessionLifetimes {
  /** A session unused this long is dead (pushed forward by each request). */
  idleMs: number;
  /** A session this old is dead however busy it is: the person signs in again. */
  maxMs: number;
}

type Callback<T = void> = (error?: unknown, value?: T) => void;

/** Pushing the idle expiry forward is a write; skip it while the stored one is this fresh. */
const TOUCH_SLACK_MS = 60_000;

/**
 * express-session's store over the gateway's own `identity.sessions` table, so sessions work on
 * PGlite and Postgres alike and survive a restart. Both expiries are checked here, server-side,
 * whatever the cookie says.
 */
export class DrizzleSessionStore extends Store {
  constructor(
    private readonly db: Db,
    private readonly lifetimes: SessionLifetimes,
    private readonly logger: Logger,
    private readonly cache: IdentityCache = noIdentityCache,
  ) {
    super();
  }

  /** When this process last pushed each session's expiry forward, to skip the write in between. */
  private readonly touched = new Map<string, number>();

  override get(sid: string, callback: Callback<SessionData | null>): void {
    this.cache.read(`session:${sid}`, () => this.live(sid)).then((data) => callback(undefined, data), callback);
  }

  override set(sid: string, session: SessionData, callback?: Callback): void {
    this.cache.clear();
    this.save(sid, session).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }

  override destroy(sid: string, callback?: Callback): void {
    this.cache.clear();
    this.touched.delete(sid);
    this.db
      .delete(sessions)
      .where(eq(sessions.sid, sid))
      .then(
        () => callback?.(),
        (error: unknown) => callback?.(error),
      );
  }

  override touch(sid: string, _session: SessionData, callback?: Callback): void {
    const now = Date.now();
    if ((this.touched.get(sid) ?? 0) > now - TOUCH_SLACK_MS) {
      callback?.();
      return;
    }
    this.touched.set(sid, now);
    if (this.touched.size > 100_000) this.touched.clear();
    this.db
      .update(sessions)
      .set({ expiresAt: new Date(now + this.lifetimes.idleMs) })
      .where(
        and(
          eq(sessions.sid, sid),
          gt(sessions.expiresAt, new Date(now)),
          lt(sessions.expiresAt, new Date(now + this.lifetimes.idleMs - TOUCH_SLACK_MS)),
        ),
      )
      .then(
        () => callback?.(),
        (error: unknown) => callback?.(error),
      );
  }

  /** Deletes dead sessions; the reads ignore them anyway, this only keeps the table small. */
  async prune(): Promise<number> {
    const now = Date.now();
    const removed = await this.db
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, new Date(now)), lt(sessions.createdAt, new Date(now - this.lifetimes.maxMs))))
      .returning({ sid: sessions.sid });
    return removed.length;
  }

  /** Prunes every `intervalMs` until the returned function is called. */
  startPruning(intervalMs: number): () => void {
    const timer = setInterval(() => {
      this.prune().catch((error: unknown) => this.logger.warn({ err: error }, 'pruning sessions failed'));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private async live(sid: string): Promise<SessionData | null> {
    const now = Date.now();
    const [row] = await this.db
      .select({ data: sessions.data })
      .from(sessions)
      .where(
        and(
          eq(sessions.sid, sid),
          gt(sessions.expiresAt, new Date(now)),
          gt(sessions.createdAt, new Date(now - this.lifetimes.maxMs)),
        ),
      );
    return row ? (row.data as SessionData) : null;
  }

  private async save(sid: string, session: SessionData): Promise<void> {
    // Only signed-in sessions are kept (saveUninitialized is off), so there is always a user.
    if (typeof session.userId !== 'number') return;
    const now = Date.now();
    const expiresAt = new Date(now + this.lifetimes.idleMs);
    await this.db
      .insert(sessions)
      .values({ sid, userId: session.userId, data: session, expiresAt, createdAt: new Date(now) })
      .onConflictDoUpdate({ target: sessions.sid, set: { data: session, expiresAt } });
  }
}
