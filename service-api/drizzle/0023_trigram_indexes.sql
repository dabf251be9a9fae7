CREATE INDEX "appointments_vin_trgm_idx" ON "service"."appointments" USING gin ("vin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "appointments_customer_trgm_idx" ON "service"."appointments" USING gin ("customer" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "appointments_reason_trgm_idx" ON "service"."appointments" USING gin ("reason" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "repair_orders_vin_trgm_idx" ON "service"."repair_orders" USING gin ("vin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "repair_orders_customer_name_trgm_idx" ON "service"."repair_orders" USING gin ("customer_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "repair_orders_customer_phone_trgm_idx" ON "service"."repair_orders" USING gin ("customer_phone" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "repair_orders_customer_email_trgm_idx" ON "service"."repair_orders" USING gin ("customer_email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "repair_orders_concern_trgm_idx" ON "service"."repair_orders" USING gin ("concern" gin_trgm_ops);