// A compile-time check that a response schema and a hand-written type agree, for the answers whose
// type stays an interface (another module owns it): `true satisfies SameType<A, B>;` compiles only
// when the two are the same type, so neither can change without the other. Browser-safe.

/** `true` when `A` and `B` are identical types (optional keys, readonly and all), else `false`. */
export type SameType<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
