-- The automobile feed's order is now given by its readers (@carcar/common/db/feed-order): `feed_seq`,
-- numbered after commit, one reader at a time, as the webhook events have been since 0017. The
-- deferred trigger of 0003 that drew `seq` again at commit under the feed lock goes: every write of
-- a car waited there for the write before it to be flushed to disk, so inventory's writes went one
-- at a time (23,575 waits of 4.4 ms in one deals bench run). Entries already here keep their place, so a
-- poller's cursor stays valid across the upgrade. The table is locked for the switch, so no entry
-- can commit between the backfill and the trigger's removal with a `seq` below the cursor.
-- Stop every inventory replica of the previous version before this runs (not a rolling update): an
-- old replica reads the feed by `seq`, which from here on is drawn at insert, not at commit, so a
-- poller it answers could pass an entry that commits later.
LOCK TABLE "inventory"."automobile_changes" IN SHARE ROW EXCLUSIVE MODE;
--> statement-breakpoint
DROP TRIGGER "automobile_changes_seq_at_commit" ON "inventory"."automobile_changes";
--> statement-breakpoint
DROP FUNCTION "inventory"."automobile_change_seq_at_commit"();
--> statement-breakpoint
UPDATE "inventory"."automobile_changes" SET "feed_seq" = "seq";
