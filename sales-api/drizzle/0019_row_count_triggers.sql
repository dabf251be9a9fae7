-- Custom SQL migration file, put your code below! --
-- Keeps sales.row_counts equal to the sales table, the totals of its unfiltered list: `sales` counts
-- every sale, `sales_live` those not voided (the list's default) (common/src/db/row-counts.ts).
-- Statement triggers add a statement's rows at once (a bulk load is one update, not one per row),
-- each connection to its own shard (backend pid mod 16), so concurrent writers never queue on one
-- counter row. An insert or delete locks `sales` before `sales_live`, a void only `sales_live`: two
-- writers on one shard cannot deadlock while each transaction writes the sales table once, as every
-- write path of the service does (one statement each).
CREATE FUNCTION "sales"."row_count_add"(what text, delta bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF delta <> 0 THEN
    INSERT INTO "sales"."row_counts" AS c ("shard", "counted", "n")
    VALUES (pg_backend_pid() % 16, what, delta)
    ON CONFLICT ("shard", "counted") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "sales"."sales_counted_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "sales"."row_count_add"('sales', (SELECT count(*) FROM added_rows));
  PERFORM "sales"."row_count_add"('sales_live', (SELECT count(*) FROM added_rows WHERE "voided_at" IS NULL));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "sales"."sales_counted_deleted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "sales"."row_count_add"('sales', -(SELECT count(*) FROM removed_rows));
  PERFORM "sales"."row_count_add"('sales_live', -(SELECT count(*) FROM removed_rows WHERE "voided_at" IS NULL));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A void (or its undoing) moves a sale in or out of the live count.
CREATE FUNCTION "sales"."sales_counted_updated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "sales"."row_count_add"('sales_live',
    (SELECT count(*) FROM new_rows WHERE "voided_at" IS NULL) - (SELECT count(*) FROM old_rows WHERE "voided_at" IS NULL));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A TRUNCATE (maintenance only: no write path of the service truncates) empties both counts.
CREATE FUNCTION "sales"."sales_counted_truncated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "sales"."row_counts" WHERE "counted" IN ('sales', 'sales_live');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "sales_row_count_insert" AFTER INSERT ON "sales"."sales"
REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION "sales"."sales_counted_inserted"();
--> statement-breakpoint
CREATE TRIGGER "sales_row_count_delete" AFTER DELETE ON "sales"."sales"
REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION "sales"."sales_counted_deleted"();
--> statement-breakpoint
CREATE TRIGGER "sales_row_count_update" AFTER UPDATE ON "sales"."sales"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "sales"."sales_counted_updated"();
--> statement-breakpoint
CREATE TRIGGER "sales_row_count_truncate" AFTER TRUNCATE ON "sales"."sales"
FOR EACH STATEMENT EXECUTE FUNCTION "sales"."sales_counted_truncated"();
--> statement-breakpoint
INSERT INTO "sales"."row_counts" ("shard", "counted", "n")
SELECT 0, 'sales', count(*) FROM "sales"."sales"
UNION ALL
SELECT 0, 'sales_live', count(*) FROM "sales"."sales" WHERE "voided_at" IS NULL;
