CREATE TABLE "service"."repair_order_labor" (
	"repair_order_id" integer NOT NULL,
	"technician_id" integer,
	"billed_hours" numeric(9, 1),
	"billed_amount" numeric(16, 2),
	"clocked_seconds" numeric,
	CONSTRAINT "repair_order_labor_key" UNIQUE NULLS NOT DISTINCT("repair_order_id","technician_id")
);
--> statement-breakpoint
DROP INDEX "service"."repair_order_lines_billed_labor_idx";--> statement-breakpoint
ALTER TABLE "service"."repair_order_labor" ADD CONSTRAINT "repair_order_labor_repair_order_id_repair_orders_id_fk" FOREIGN KEY ("repair_order_id") REFERENCES "service"."repair_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service"."repair_order_labor" ADD CONSTRAINT "repair_order_labor_technician_id_technicians_id_fk" FOREIGN KEY ("technician_id") REFERENCES "service"."technicians"("id") ON DELETE restrict ON UPDATE no action;