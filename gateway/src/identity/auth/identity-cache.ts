// Who a request is (its API token, its session, its user) is read from the database; this keeps
// each answer for a moment, so a person's burst of requests reads it once. Any change to identity
// made by this process (sign-in, sign-out, a revoked token, a changed or disabled user) empties the
// cache at once; another gateway replica's change is seen within `ttlMs`.

export interface IdentityCache {
  /** The value kept for `key`, or `load`'s answer, kept for the time-to-live. */
  read<V>(key: string, load: () => Promise<V>): Promise<V>;
  /** After any identity change: nothing kept is trusted any more. */
  clear(): void;
}

const MAX_ENTRIES = 10_000;

export function createIdentityCache(ttlMs: number): IdentityCache {
  const entries = new Map<string, { value: Promise<unknown>; until: number }>();
  // Bumped by `clear`: a load that started before a change must not be kept after it.
  let generation = 0;
  return {
    read<V>(key: string, load: () => Promise<V>): Promise<V> {
      if (ttlMs <= 0) return load();
      const now = Date.now();
      const kept = entries.get(key);
      if (kept && kept.until > now) return kept.value as Promise<V>;
      const started = generation;
      const value = load();
      entries.set(key, { value, until: now + ttlMs });
      value.then(
        () => {
          if (generation !== started) entries.delete(key);
        },
        () => entries.delete(key),
      );
      if (entries.size > MAX_ENTRIES) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      return value;
    },
    clear() {
      generation++;
      entries.clear();
    },
  };
}

/** No caching: every read goes to the database (tests of the repositories on their own). */
export const noIdentityCache: IdentityCache = { read: (_key, load) => load(), clear: () => undefined };
