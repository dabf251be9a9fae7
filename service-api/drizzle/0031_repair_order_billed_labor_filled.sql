-- Every order invoiced before 0029 gets the sums of its repair_order_labor rows (0 where it has
-- none), as the invoice records them from now on. An order that has them is left alone, so running
-- this again changes nothing else: after an upgrade that old replicas served, for the orders they
-- invoiced (operations.md). The audit trigger must be told who acts, though it records nothing
-- here: 0030 leaves every column changed out.
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
--> statement-breakpoint
-- The migrator runs every pending migration in one transaction: unset the context again, so a
-- later write without its own is still refused rather than credited to this upgrade.
SELECT set_config('carcar.audit', '', true);
