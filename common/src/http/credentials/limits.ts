// What the signer and the verifier of internal credentials (docs/identity.md) agree on.

/** A credential may live at most this long (`exp - iat`), so a leaked one is soon useless. */
export const MAX_LIFETIME_SECONDS = 120;
/** How many credentials the signer reuses, and the verifier remembers as verified, by default. */
export const DEFAULT_CACHE_SIZE = 10_000;
