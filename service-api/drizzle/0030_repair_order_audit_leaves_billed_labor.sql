-- The order's billed labor (0029) is the sum of its repair_order_labor rows, as the invoice records
-- it from now on (repair-orders/use-cases.ts, invoice). The order's audit trail leaves it out, like
-- the approval link's hash: the lines' own entries already say it. A migration of its own, so the
-- fill that follows (0031) is a file that can be run again on a live store without locking the
-- table for a trigger's DDL.
DROP TRIGGER "repair_orders_audit" ON "service"."repair_orders";
--> statement-breakpoint
CREATE TRIGGER "repair_orders_audit" AFTER INSERT OR UPDATE OR DELETE ON "service"."repair_orders"
  FOR EACH ROW EXECUTE FUNCTION "service"."record_audit"('repair_order', 'vin', 'approval_token_hash', 'created_at',
    'billed_labor_hours', 'billed_labor_amount');
