// The errors live in common/src/errors.ts: the database layer raises them too (a unique
// violation becomes a 409), and common/src/db/ imports nothing from http/. Named here as well
// because the routes and middleware of every service import them from this path.
export * from '../errors.js';
