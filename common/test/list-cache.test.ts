import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { freshRead, type ListAnswer, ListCache } from '../src/http/list-cache.js';

// The two parts of the kept list answers that need no database: the shared version read, and the
// answers' bound in bytes.

/** A read whose answers the test hands out one by one, in the order the reads began. */
function controlledRead() {
  const pending: Array<(value: string) => void> = [];
  const read = () => new Promise<string>((resolve) => pending.push(resolve));
  return { read, pending };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

function answer(text: string): ListAnswer {
  return { contentType: 'application/json; charset=utf-8', body: Buffer.from(text), total: 1 };
}

describe('freshRead', () => {
  it('never gives a caller a read that began before it asked, and shares the next one', async () => {
    const { read, pending } = controlledRead();
    const version = freshRead(read);
    const first = version();
    expect(pending).toHaveLength(1);
    // These arrive while the first read is under way: it may predate a commit they must see.
    const second = version();
    const third = version();
    expect(pending).toHaveLength(1);
    pending[0]?.('1');
    expect(await first).toBe('1');
    await tick();
    // One new read, begun after both arrived, answers both.
    expect(pending).toHaveLength(2);
    const fourth = version();
    pending[1]?.('2');
    expect(await second).toBe('2');
    expect(await third).toBe('2');
    await tick();
    expect(pending).toHaveLength(3);
    pending[2]?.('3');
    expect(await fourth).toBe('3');
    // Nothing under way: a caller starts its own read.
    const fifth = version();
    expect(pending).toHaveLength(4);
    pending[3]?.('4');
    expect(await fifth).toBe('4');
  });

  it('passes a failed read to its callers only, and reads again for the next', async () => {
    let calls = 0;
    const version = freshRead(async () => {
      calls++;
      if (calls === 1) throw new Error('database unavailable');
      return String(calls);
    });
    await expect(version()).rejects.toThrow('database unavailable');
    expect(await version()).toBe('2');
  });
});

describe('ListCache', () => {
  it('answers the kept bytes for the same version and key, and builds again for a newer version', async () => {
    const cache = new ListCache(1000);
    let builds = 0;
    const build = async () => answer(`v${++builds}`);
    expect((await cache.answer('1', 'json', build)).body.toString()).toBe('v1');
    expect((await cache.answer('1', 'json', build)).body.toString()).toBe('v1');
    expect((await cache.answer('1', 'csv', build)).body.toString()).toBe('v2');
    expect((await cache.answer('2', 'json', build)).body.toString()).toBe('v3');
    // The newer version drops every older answer.
    expect(cache.size.entries).toBe(1);
  });

  it('builds once for requests that miss together', async () => {
    const cache = new ListCache(1000);
    let builds = 0;
    const build = async () => {
      builds++;
      await tick();
      return answer('list');
    };
    await Promise.all(Array.from({ length: 5 }, () => cache.answer('7', 'json', build)));
    expect(builds).toBe(1);
  });

  it('keeps an answer built for an older version from replacing a newer one', async () => {
    const cache = new ListCache(1000);
    let finishOld: (value: ListAnswer) => void = () => undefined;
    const old = cache.answer('1', 'json', () => new Promise((resolve) => (finishOld = resolve)));
    await cache.answer('2', 'json', async () => answer('new'));
    finishOld(answer('old'));
    expect((await old).body.toString()).toBe('old');
    await tick();
    expect((await cache.answer('2', 'json', async () => answer('rebuilt'))).body.toString()).toBe('new');
  });

  it('compresses a kept answer once per encoding, and counts the copies in its bytes', async () => {
    const cache = new ListCache(100_000);
    const list = await cache.answer('1', 'json', async () => answer(JSON.stringify({ autos: Array(500).fill('car') })));
    const gzip = await cache.encoded('json', list, 'gzip');
    expect(gunzipSync(gzip ?? Buffer.alloc(0)).equals(list.body)).toBe(true);
    expect(await cache.encoded('json', list, 'gzip')).toBe(gzip);
    const br = await cache.encoded('json', list, 'br');
    expect(brotliDecompressSync(br ?? Buffer.alloc(0)).equals(list.body)).toBe(true);
    await tick();
    expect(cache.size.bytes).toBe(list.body.length + (gzip?.length ?? 0) + (br?.length ?? 0));
    // Not kept (another key, or too small to be worth it): the middleware compresses it instead.
    expect(await cache.encoded('csv', list, 'gzip')).toBeUndefined();
    const small = await cache.answer('1', 'small', async () => answer('[]'));
    expect(await cache.encoded('small', small, 'gzip')).toBeUndefined();
  });

  it('stays within its bytes, dropping the least recently used, and does not keep one too big', async () => {
    const cache = new ListCache(100);
    const sized = (n: number) => async () => answer('x'.repeat(n));
    await cache.answer('1', 'a', sized(40));
    await cache.answer('1', 'b', sized(40));
    await cache.answer('1', 'a', sized(40));
    await cache.answer('1', 'c', sized(40));
    await tick();
    expect(cache.size).toEqual({ entries: 2, bytes: 80 });
    let rebuilt = false;
    await cache.answer('1', 'b', async () => {
      rebuilt = true;
      return answer('b');
    });
    expect(rebuilt).toBe(true);
    await cache.answer('1', 'huge', sized(60));
    expect(cache.size.bytes).toBeLessThanOrEqual(100);
    let huge = 0;
    await cache.answer('1', 'huge', async () => {
      huge++;
      return answer('x'.repeat(60));
    });
    expect(huge).toBe(1);
  });
});
