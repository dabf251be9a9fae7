-- Keeps inventory.automobile_counts equal to the automobiles table, shard by shard: each connection
-- writes its own shard (backend pid mod 16), so concurrent inserts never queue on one counter row.
CREATE FUNCTION "inventory"."automobile_count_add"(is_sold boolean, delta integer) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "inventory"."automobile_counts" AS c ("shard", "sold", "n")
  VALUES (pg_backend_pid() % 16, is_sold, delta)
  ON CONFLICT ("shard", "sold") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
$$;
--> statement-breakpoint
CREATE FUNCTION "inventory"."automobile_count_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "inventory"."automobile_count_add"(NEW."sold", 1);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "inventory"."automobile_count_add"(OLD."sold", -1);
  ELSE
    -- Always the unsold row first, so a sale and a void on one shard cannot deadlock.
    PERFORM "inventory"."automobile_count_add"(false, CASE WHEN NEW."sold" THEN -1 ELSE 1 END);
    PERFORM "inventory"."automobile_count_add"(true, CASE WHEN NEW."sold" THEN 1 ELSE -1 END);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "automobiles_count_insert_delete" AFTER INSERT OR DELETE ON "inventory"."automobiles"
FOR EACH ROW EXECUTE FUNCTION "inventory"."automobile_count_trigger"();
--> statement-breakpoint
CREATE TRIGGER "automobiles_count_sold" AFTER UPDATE OF "sold" ON "inventory"."automobiles"
FOR EACH ROW WHEN (OLD."sold" IS DISTINCT FROM NEW."sold") EXECUTE FUNCTION "inventory"."automobile_count_trigger"();
--> statement-breakpoint
INSERT INTO "inventory"."automobile_counts" ("shard", "sold", "n")
SELECT 0, "sold", count(*) FROM "inventory"."automobiles" GROUP BY "sold";
