// The dealership's clock is shared by every page (the audit trail shows times too): it lives in lib.
export * from '../../lib/time-zone';
