ALTER TABLE "inventory"."automobiles" ADD COLUMN "condition" varchar(4) DEFAULT 'new' NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory"."automobiles" ADD COLUMN "odometer" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory"."automobiles" ADD COLUMN "list_price" numeric(12, 2);--> statement-breakpoint
ALTER TABLE "inventory"."automobiles" ADD COLUMN "cost" numeric(12, 2);--> statement-breakpoint
ALTER TABLE "inventory"."automobiles" ADD COLUMN "acquired_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory"."automobiles" ADD COLUMN "trade_in_sale_id" integer;--> statement-breakpoint
CREATE INDEX "automobiles_unsold_acquired_at_idx" ON "inventory"."automobiles" USING btree ("acquired_at") WHERE not "inventory"."automobiles"."sold";--> statement-breakpoint
ALTER TABLE "inventory"."automobiles" ADD CONSTRAINT "automobiles_condition_check" CHECK ("inventory"."automobiles"."condition" in ('new', 'used'));--> statement-breakpoint
ALTER TABLE "inventory"."automobiles" ADD CONSTRAINT "automobiles_odometer_check" CHECK ("inventory"."automobiles"."odometer" >= 0);--> statement-breakpoint
ALTER TABLE "inventory"."automobiles" ADD CONSTRAINT "automobiles_money_check" CHECK ("inventory"."automobiles"."list_price" >= 0 and "inventory"."automobiles"."cost" >= 0);