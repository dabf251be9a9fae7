-- Migrations run in one transaction. An upgrade that runs 0019 in it (one feed entry per car with a
-- cost) leaves those entries' commit-time triggers (0003) queued, and Postgres refuses the next
-- migration's ALTER TABLE on a table with queued trigger events; dropping the trigger first (0022)
-- would skip them, leaving 0019's entries at the seq they were inserted with, possibly below a
-- poller's cursor. Firing them now gives each its seq under the feed lock, which this transaction
-- then holds to its commit: every writer still on the old version commits after it, above them.
SET CONSTRAINTS ALL IMMEDIATE;
