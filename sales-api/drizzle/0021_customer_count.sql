-- Keeps the customers' count in sales.row_counts (`customers`), the total of their unfiltered list,
-- as 0019 does for sales: statement triggers, one update per statement, each connection to its own
-- shard (row_count_add). Customers are written one statement per transaction, never with a sale,
-- so a transaction locks one counter row of its shard at most: no order of locks to keep.
CREATE FUNCTION "sales"."customers_counted_inserted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "sales"."row_count_add"('customers', (SELECT count(*) FROM added_rows));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "sales"."customers_counted_deleted"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "sales"."row_count_add"('customers', -(SELECT count(*) FROM removed_rows));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A TRUNCATE (maintenance only: no write path of the service truncates) empties the count.
CREATE FUNCTION "sales"."customers_counted_truncated"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "sales"."row_counts" WHERE "counted" = 'customers';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "customers_row_count_insert" AFTER INSERT ON "sales"."customers"
REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION "sales"."customers_counted_inserted"();
--> statement-breakpoint
CREATE TRIGGER "customers_row_count_delete" AFTER DELETE ON "sales"."customers"
REFERENCING OLD TABLE AS removed_rows FOR EACH STATEMENT EXECUTE FUNCTION "sales"."customers_counted_deleted"();
--> statement-breakpoint
CREATE TRIGGER "customers_row_count_truncate" AFTER TRUNCATE ON "sales"."customers"
FOR EACH STATEMENT EXECUTE FUNCTION "sales"."customers_counted_truncated"();
--> statement-breakpoint
INSERT INTO "sales"."row_counts" ("shard", "counted", "n")
SELECT 0, 'customers', count(*) FROM "sales"."customers";
