DROP INDEX "sales"."sales_salesperson_id_idx";--> statement-breakpoint
DROP INDEX "sales"."sales_customer_id_idx";--> statement-breakpoint
CREATE INDEX "sales_salesperson_id_id_idx" ON "sales"."sales" USING btree ("salesperson_id","id");--> statement-breakpoint
CREATE INDEX "sales_customer_id_id_idx" ON "sales"."sales" USING btree ("customer_id","id");