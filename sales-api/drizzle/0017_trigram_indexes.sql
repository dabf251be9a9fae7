CREATE INDEX "customers_full_name_trgm_idx" ON "sales"."customers" USING gin (("first_name" || ' ' || "last_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_phone_trgm_idx" ON "sales"."customers" USING gin ("phone_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_phone_digits_trgm_idx" ON "sales"."customers" USING gin (regexp_replace("phone_number", '[^0-9]', '', 'g') gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sales_automobile_vin_trgm_idx" ON "sales"."sales" USING gin ("automobile_vin" gin_trgm_ops);