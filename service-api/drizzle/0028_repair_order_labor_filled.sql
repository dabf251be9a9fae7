-- Records the labor of every order invoiced before service.repair_order_labor existed (0027), as
-- the invoice records it from now on (repair-orders/statements.ts, recordLabor): each technician's
-- billed labor lines (approved or done; no technician is a row too), their hours and amount, and
-- the time each technician clocked on the order's lines. An order that already has its rows is
-- left alone, so running it again adds nothing.
WITH invoiced AS (
  SELECT ro."id" FROM "service"."repair_orders" ro
  WHERE ro."status" IN ('invoiced', 'closed')
    AND NOT EXISTS (SELECT 1 FROM "service"."repair_order_labor" l WHERE l."repair_order_id" = ro."id")
),
billed AS (
  SELECT line."repair_order_id", line."technician_id", sum(line."hours") AS hours, sum(line."amount") AS amount
  FROM "service"."repair_order_lines" line JOIN invoiced ON invoiced."id" = line."repair_order_id"
  WHERE line."kind" = 'labor' AND line."status" IN ('approved', 'done')
  GROUP BY line."repair_order_id", line."technician_id"
),
clocked AS (
  SELECT line."repair_order_id", entry."technician_id",
    sum(extract(epoch FROM entry."ended_at" - entry."started_at")) AS seconds
  FROM "service"."repair_order_lines" line JOIN invoiced ON invoiced."id" = line."repair_order_id"
    JOIN "service"."line_clock_entries" entry ON entry."line_id" = line."id"
  WHERE entry."ended_at" IS NOT NULL
  GROUP BY line."repair_order_id", entry."technician_id"
)
INSERT INTO "service"."repair_order_labor"
  ("repair_order_id", "technician_id", "billed_hours", "billed_amount", "clocked_seconds")
SELECT coalesce(billed."repair_order_id", clocked."repair_order_id"),
  coalesce(billed."technician_id", clocked."technician_id"), billed.hours, billed.amount, clocked.seconds
FROM billed FULL JOIN clocked
  ON clocked."repair_order_id" = billed."repair_order_id" AND clocked."technician_id" = billed."technician_id";
