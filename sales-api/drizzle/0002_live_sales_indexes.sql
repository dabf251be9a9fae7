DROP INDEX "sales"."sales_salesperson_id_id_idx";--> statement-breakpoint
DROP INDEX "sales"."sales_customer_id_id_idx";--> statement-breakpoint
CREATE INDEX "sales_live_salesperson_id_id_idx" ON "sales"."sales" USING btree ("salesperson_id","id") WHERE "sales"."sales"."voided_at" is null;--> statement-breakpoint
CREATE INDEX "sales_live_customer_id_id_idx" ON "sales"."sales" USING btree ("customer_id","id") WHERE "sales"."sales"."voided_at" is null;