-- The order's billed labor (0029) is the sum of its repair_order_labor rows, as the invoice records
-- it from now on (repair-orders/use-cases.ts, invoice). The order's audit trail leaves it out, like
-- the approval link's hash: the lines' own entries already say it.
DROP TRIGGER "repair_orders_audit" ON "service"."repair_orders";
--> statement-breakpoint
CREATE TRIGGER "repair_orders_audit" AFTER INSERT OR UPDATE OR DELETE ON "service"."repair_orders"
  FOR EACH ROW EXECUTE FUNCTION "service"."record_audit"('repair_order', 'vin', 'approval_token_hash', 'created_at',
    'billed_labor_hours', 'billed_labor_amount');
--> statement-breakpoint
-- Every order invoiced before 0029 gets the sums of its labor rows (0 where it has none). An order
-- that has them is left alone, so running this again changes nothing else (after 0028's file, for
-- the orders an older replica invoiced during a rolling upgrade). The audit trigger must be told who
-- acts, though it records nothing here: every column changed is one it leaves out.
WITH audit AS (
  SELECT set_config('carcar.audit', '{"actor":{"service":"service-api upgrade"},"action":"migration"}', true) AS context
),
totals AS (
  SELECT ro."id", coalesce(sum(l."billed_hours"), 0) AS hours, coalesce(sum(l."billed_amount"), 0) AS amount
  FROM "service"."repair_orders" ro LEFT JOIN "service"."repair_order_labor" l ON l."repair_order_id" = ro."id"
  WHERE ro."status" IN ('invoiced', 'closed') AND ro."billed_labor_hours" IS NULL
  GROUP BY ro."id"
)
UPDATE "service"."repair_orders" ro
SET "billed_labor_hours" = totals.hours, "billed_labor_amount" = totals.amount
FROM totals CROSS JOIN audit
WHERE ro."id" = totals."id";
