import { createHash, randomBytes } from 'node:crypto';
import { APPROVAL_LINK_DAYS } from '@carcar/common/contract/repair-orders';

// The customer's approval link: 256 random bits from node:crypto, base64url (43 characters). Only
// its SHA-256 is stored, so a copy of the database opens no estimate; a token that cannot be one
// of ours is refused before any query.

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newApprovalToken(now = new Date()): { token: string; hash: string; expiresAt: Date } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return {
    token,
    hash: hashApprovalToken(token),
    expiresAt: new Date(now.getTime() + APPROVAL_LINK_DAYS * 86_400_000),
  };
}

export function hashApprovalToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function isTokenShaped(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** `<public base URL>/approve/<token>`: the gateway's page for the customer. */
export function approvalUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/approve/${token}`;
}
