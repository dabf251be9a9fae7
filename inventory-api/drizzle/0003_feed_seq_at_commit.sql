-- The feed's order must be commit order: a poller that has read seq 12 never looks below it, so
-- seq 11 must not commit after 12. A writer's entry gets a provisional seq when it is inserted;
-- at commit, this deferred trigger takes the feed lock and draws the real seq. The lock is held
-- from there until the commit is visible (Postgres releases locks after that), and only the
-- server's own commit work runs under it: no round trip to the application.
CREATE FUNCTION "inventory"."automobile_change_seq_at_commit"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('carcar:inventory:automobile_changes'));
  UPDATE "inventory"."automobile_changes"
  SET "seq" = nextval('"inventory"."automobile_changes_seq_seq"')
  WHERE "seq" = NEW."seq";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "automobile_changes_seq_at_commit" AFTER INSERT ON "inventory"."automobile_changes"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "inventory"."automobile_change_seq_at_commit"();
