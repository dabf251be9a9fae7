-- Custom SQL migration file, put your code below! --
-- The lists' `?q=` searches match `ilike '%text%'`, which no btree index serves: with ten years of
-- one store they read whole tables (docs/performance.md). pg_trgm's GIN indexes serve them (the
-- next migration); PGlite ships it as a contrib extension. Each service's migrations create it, and
-- on one database server they may run at once: the lock makes the second wait for the first to
-- commit, so it finds the extension instead of failing on a duplicate.
SELECT pg_advisory_xact_lock(hashtext('carcar:create-extension'));
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
