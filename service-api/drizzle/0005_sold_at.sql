CREATE TABLE "service"."automobile_sold_at" (
	"vin" varchar(17) PRIMARY KEY NOT NULL,
	"sold_at" timestamp with time zone
);
--> statement-breakpoint
-- Kept by the database, so every way the copy changes (the poller's upsert today, anything later)
-- records the sale: a car turning sold gets the time, one turning unsold (a voided sale) loses its
-- row. A car already sold when first copied was sold before we knew: its time stays unknown (null).
CREATE FUNCTION "service"."record_sold_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.sold AND TG_OP = 'INSERT' THEN
    INSERT INTO "service"."automobile_sold_at" (vin, sold_at) VALUES (NEW.vin, NULL)
    ON CONFLICT (vin) DO NOTHING;
  ELSIF NEW.sold AND NOT OLD.sold THEN
    INSERT INTO "service"."automobile_sold_at" (vin, sold_at) VALUES (NEW.vin, now())
    ON CONFLICT (vin) DO UPDATE SET sold_at = excluded.sold_at;
  ELSIF NOT NEW.sold THEN
    DELETE FROM "service"."automobile_sold_at" WHERE vin = NEW.vin;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "automobile_vos_sold_at" AFTER INSERT OR UPDATE OF "sold" ON "service"."automobile_vos"
  FOR EACH ROW EXECUTE FUNCTION "service"."record_sold_at"();
--> statement-breakpoint
-- Cars sold before this migration: sold, when unknown.
INSERT INTO "service"."automobile_sold_at" (vin, sold_at) SELECT vin, NULL FROM "service"."automobile_vos" WHERE sold;
