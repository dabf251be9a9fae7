import { describe, expect, it } from 'vitest';
import { gatewayEnv } from '../src/config.js';
import { nextRetryAt } from '../src/webhooks/dispatcher.js';
import { generateWebhookSecret, secretBox, webhookSecretKey } from '../src/webhooks/secrets.js';
import { signatureHeader, verifySignature } from '../src/webhooks/signing.js';

describe('webhook secrets at rest', () => {
  const key = webhookSecretKey(undefined, 'a session secret that is long enough to sign cookies');

  it('seals a secret so only the key opens it, and refuses a tampered value', () => {
    const box = secretBox(key);
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const sealed = box.seal(secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.seal(secret)).not.toBe(sealed);
    expect(box.open(sealed)).toBe(secret);
    const [format, iv, tag, body] = sealed.split('.') as [string, string, string, string];
    const flipped = `${body.startsWith('A') ? 'B' : 'A'}${body.slice(1)}`;
    expect(() => box.open([format, iv, tag, flipped].join('.'))).toThrow();
    expect(() =>
      secretBox(webhookSecretKey(undefined, 'another session secret, also long enough')).open(sealed),
    ).toThrow();
  });

  it('takes WEBHOOK_SECRET_KEY as 64 hex digits or base64 of 32 bytes, and derives a key of its own otherwise', () => {
    const hex = 'ab'.repeat(32);
    expect(webhookSecretKey(hex, 'x').toString('hex')).toBe(hex);
    expect(webhookSecretKey(Buffer.from(hex, 'hex').toString('base64'), 'x').toString('hex')).toBe(hex);
    expect(() => webhookSecretKey('too short', 'x')).toThrow(/32 bytes/);
    // Derived with a purpose of its own: never the session secret itself.
    expect(key).toHaveLength(32);
    expect(key.toString('utf8')).not.toContain('a session secret');
    expect(gatewayEnv.safeParse({ WEBHOOK_SECRET_KEY: 'short' }).success).toBe(false);
    expect(gatewayEnv.safeParse({ WEBHOOK_SECRET_KEY: hex }).success).toBe(true);
  });
});

describe('the signature', () => {
  it('is HMAC-SHA256 of "<t>.<body>" in hex, as a receiver recomputes it', () => {
    const body = '{"id":"e1","type":"sale.created","created_at":"2026-05-01T14:30:00.000Z","data":{}}';
    const header = signatureHeader('whsec_test', body, 1_700_000_000);
    // Computed independently: printf '1700000000.<body>' | openssl dgst -sha256 -hmac whsec_test
    expect(header).toBe('t=1700000000,v1=84e021ab7c1c0434519e6ec7d77af021e41082d6adc455549b987fc3479397dd');
    expect(verifySignature('whsec_test', body, header, 300, 1_700_000_000_000)).toBe(true);
    expect(verifySignature('whsec_test', `${body} `, header, 300, 1_700_000_000_000)).toBe(false);
    expect(verifySignature('whsec_test', body, header, 300, 1_700_000_000_000 + 301_000)).toBe(false);
  });
});

describe('the retry schedule', () => {
  const config = gatewayEnv.parse({});

  it('waits 10 s, 30 s, 2 min, 10 min, 1 h, then hourly, for 25 hours, and cuts a receiver off at 10 s', () => {
    expect(config.WEBHOOK_RETRY_SECONDS).toEqual([10, 30, 120, 600, 3600]);
    expect(config.WEBHOOK_RETRY_HOURS).toBe(25);
    expect(config.WEBHOOK_TIMEOUT_MS).toBe(10_000);
    expect(config.WEBHOOK_ALLOW_PRIVATE).toBe(false);
  });

  it('jitters each wait by at most 20 %, the first retry within 30 s, and gives up after the window', () => {
    const now = Date.UTC(2026, 0, 1);
    const giveUp = new Date(now + 25 * 3_600_000);
    for (let attempt = 1; attempt <= 8; attempt++) {
      const base = [10, 30, 120, 600, 3600][Math.min(attempt - 1, 4)] ?? 3600;
      const wait = ((nextRetryAt(attempt, config.WEBHOOK_RETRY_SECONDS, giveUp, now)?.getTime() ?? 0) - now) / 1000;
      expect(wait).toBeGreaterThanOrEqual(base * 0.8);
      expect(wait).toBeLessThanOrEqual(base * 1.2);
    }
    expect(nextRetryAt(30, config.WEBHOOK_RETRY_SECONDS, giveUp, giveUp.getTime() - 60_000)).toBeNull();
    // Hourly tries from the fifth on: about 24 + 5 tries over 25 hours before it is failed.
    let at = now;
    let attempts = 0;
    for (;;) {
      attempts++;
      const next = nextRetryAt(attempts, config.WEBHOOK_RETRY_SECONDS, giveUp, at);
      if (!next) break;
      at = next.getTime();
    }
    // The last try lands within one jittered hour (at most 1.2 h) of the window's end: 23.8 h
    // at the earliest (a bound of 24 h failed once, at 23.97 h).
    expect(at - now).toBeGreaterThanOrEqual(25 * 3_600_000 - 1.2 * 3_600_000);
    expect(attempts).toBeGreaterThan(20);
  });
});
