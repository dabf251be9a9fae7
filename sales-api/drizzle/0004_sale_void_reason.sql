ALTER TABLE "sales"."sales" ADD COLUMN "void_reason" varchar(500);--> statement-breakpoint
CREATE INDEX "sales_automobile_vin_id_idx" ON "sales"."sales" USING btree ("automobile_vin","id");--> statement-breakpoint
CREATE INDEX "sales_live_price_id_idx" ON "sales"."sales" USING btree ("price","id") WHERE "sales"."sales"."voided_at" is null;