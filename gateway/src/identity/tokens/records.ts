import type { Role } from '@carcar/common/contract/permissions';

// The token's shapes live apart from its repository: the caller (auth/caller.ts) names an
// ActiveToken, and the repository writes the audit trail, which names the caller; with the types
// in the repository the three imported each other in a loop.

/** An API token as listed: never its hash. */
export interface TokenRecord {
  id: number;
  name: string;
  role: Role;
  createdBy: number | null;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** A token in use, with its owner as they are now (every live token has one). */
export interface ActiveToken extends TokenRecord {
  owner: { id: number; role: Role };
}
