-- The sold-at trigger ran (a plpgsql call and a DELETE) for every car the poller copied, though
-- only a car turning sold or unsold changes automobile_sold_at: every new car in stock paid for it.
-- Its WHEN conditions now keep it to those rows; what it does for them is unchanged.
DROP TRIGGER "automobile_vos_sold_at" ON "service"."automobile_vos";
--> statement-breakpoint
CREATE TRIGGER "automobile_vos_sold_at_insert" AFTER INSERT ON "service"."automobile_vos"
  FOR EACH ROW WHEN (NEW.sold) EXECUTE FUNCTION "service"."record_sold_at"();
--> statement-breakpoint
CREATE TRIGGER "automobile_vos_sold_at_update" AFTER UPDATE OF "sold" ON "service"."automobile_vos"
  FOR EACH ROW WHEN (OLD.sold IS DISTINCT FROM NEW.sold) EXECUTE FUNCTION "service"."record_sold_at"();
