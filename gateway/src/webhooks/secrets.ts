import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// A webhook's signing secret is shown once and must be read back to sign every delivery, so it
// cannot be stored hashed as API tokens are. It is stored encrypted with AES-256-GCM (node:crypto):
// a copy of the database alone does not let anyone forge deliveries. The key is
// WEBHOOK_SECRET_KEY when set, else derived with HKDF-SHA256 from the session secret, which
// production always has (SESSION_SECRET, or derived from the gateway's signing key).

/** `whsec_` lets people and secret scanners recognise a leaked CarCar webhook secret. */
const SECRET_PREFIX = 'whsec_';
/** The stored form's version, so a later key or cipher can be told apart. */
const FORMAT = 'v1';
const IV_BYTES = 12;

/** A new signing secret: 32 random bytes, base64url, behind the prefix. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * The 32-byte key: WEBHOOK_SECRET_KEY (64 hex digits or base64 of 32 bytes), else HKDF of the
 * session secret with a purpose of its own, so the cookie's key is never the secrets' key.
 */
export function webhookSecretKey(configured: string | undefined, sessionSecret: string): Buffer {
  if (configured !== undefined) return parseKey(configured);
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'carcar-webhooks', 'webhook secret encryption v1', 32));
}

export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('WEBHOOK_SECRET_KEY must be 32 bytes: 64 hex digits or base64');
  return key;
}

export interface SecretBox {
  seal(secret: string): string;
  open(sealed: string): string;
}

/** `v1.<iv>.<tag>.<ciphertext>`, each base64url; the tag makes a tampered value fail to open. */
export function secretBox(key: Buffer): SecretBox {
  return {
    seal(secret) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return [FORMAT, iv, cipher.getAuthTag(), ciphertext]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [format, iv, tag, ciphertext] = sealed.split('.');
      if (format !== FORMAT || iv === undefined || tag === undefined || ciphertext === undefined) {
        throw new Error('Unreadable webhook secret');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
