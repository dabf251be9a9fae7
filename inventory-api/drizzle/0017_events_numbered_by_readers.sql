-- The feed's order is now given by its readers (common/src/events/feed.ts): `feed_seq`, numbered
-- after commit, one reader at a time. The deferred trigger that drew `seq` again at commit under
-- the events lock goes: every write with an event waited there for the write before it to be
-- flushed to disk, so a service's writes went one at a time. Events already here keep their place.
DROP TRIGGER "events_seq_at_commit" ON "inventory"."events";
--> statement-breakpoint
DROP FUNCTION "inventory"."event_seq_at_commit"();
--> statement-breakpoint
UPDATE "inventory"."events" SET "feed_seq" = "seq";
