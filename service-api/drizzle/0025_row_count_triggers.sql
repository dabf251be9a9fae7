-- Custom SQL migration file, put your code below! --
-- Keeps service.row_counts equal to the appointments and repair_orders tables, the totals of their
-- unfiltered lists (common/src/db/row-counts.ts). Statement triggers add a statement's rows at once
-- (a bulk load is one update, not one per row), each connection to its own shard (backend pid mod
-- 16), so concurrent writers never queue on one counter row.
CREATE FUNCTION "service"."row_count_add"(what text, delta bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF delta <> 0 THEN
    INSERT INTO "service"."row_counts" AS c ("shard", "counted", "n")
    VALUES (pg_backend_pid() % 16, what, delta)
    ON CONFLICT ("shard", "counted") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
  END IF;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "service"."row_count_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "service"."row_count_add"(TG_TABLE_NAME, (SELECT count(*) FROM added_rows));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "service"."row_count_deleted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "service"."row_count_add"(TG_TABLE_NAME, -(SELECT count(*) FROM removed_rows));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A TRUNCATE (maintenance only: no write path of the service truncates) empties the table's count.
CREATE FUNCTION "service"."row_count_truncated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "service"."row_counts" WHERE "counted" = TG_TABLE_NAME;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "appointments_row_count_insert" AFTER INSERT ON "service"."appointments"
REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION "service"."row_count_inserted"();
--> statement-breakpoint
CREATE TRIGGER "appointments_row_count_delete" AFTER DELETE ON "service"."appointments"
REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION "service"."row_count_deleted"();
--> statement-breakpoint
CREATE TRIGGER "repair_orders_row_count_insert" AFTER INSERT ON "service"."repair_orders"
REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION "service"."row_count_inserted"();
--> statement-breakpoint
CREATE TRIGGER "repair_orders_row_count_delete" AFTER DELETE ON "service"."repair_orders"
REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION "service"."row_count_deleted"();
--> statement-breakpoint
CREATE TRIGGER "appointments_row_count_truncate" AFTER TRUNCATE ON "service"."appointments"
FOR EACH STATEMENT EXECUTE FUNCTION "service"."row_count_truncated"();
--> statement-breakpoint
CREATE TRIGGER "repair_orders_row_count_truncate" AFTER TRUNCATE ON "service"."repair_orders"
FOR EACH STATEMENT EXECUTE FUNCTION "service"."row_count_truncated"();
--> statement-breakpoint
INSERT INTO "service"."row_counts" ("shard", "counted", "n")
SELECT 0, 'appointments', count(*) FROM "service"."appointments"
UNION ALL
SELECT 0, 'repair_orders', count(*) FROM "service"."repair_orders";
