CREATE TABLE "sales"."automobile_costs" (
	"vin" varchar(17) PRIMARY KEY NOT NULL,
	"cost" numeric(12, 2),
	"seq" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sales"."outbox" ALTER COLUMN "sold" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sales"."outbox" ADD COLUMN "kind" varchar(20) DEFAULT 'sold' NOT NULL;--> statement-breakpoint
ALTER TABLE "sales"."outbox" ADD COLUMN "payload" jsonb;--> statement-breakpoint
ALTER TABLE "sales"."sales" ADD COLUMN "trade_in" jsonb;--> statement-breakpoint
ALTER TABLE "sales"."sales" ADD COLUMN "trade_in_vin" varchar(17);--> statement-breakpoint
ALTER TABLE "sales"."sales" ADD COLUMN "fees" jsonb;--> statement-breakpoint
ALTER TABLE "sales"."sales" ADD COLUMN "deal" jsonb;--> statement-breakpoint
CREATE INDEX "sales_live_trade_in_vin_idx" ON "sales"."sales" USING btree ("trade_in_vin") WHERE "sales"."sales"."voided_at" is null and "sales"."sales"."trade_in_vin" is not null;