DROP INDEX "service"."repair_orders_invoiced_at_id_idx";--> statement-breakpoint
ALTER TABLE "service"."repair_orders" ADD COLUMN "billed_labor_hours" numeric(9, 1);--> statement-breakpoint
ALTER TABLE "service"."repair_orders" ADD COLUMN "billed_labor_amount" numeric(16, 2);--> statement-breakpoint
CREATE INDEX "repair_orders_invoiced_idx" ON "service"."repair_orders" USING btree ("invoiced_at","id","billed_labor_hours","billed_labor_amount") WHERE "service"."repair_orders"."status" in ('invoiced', 'closed');