CREATE TABLE "service"."part_movements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"part_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"quantity" numeric(12, 2) NOT NULL,
	"reason" varchar(20) NOT NULL,
	"repair_order_id" integer,
	"line_id" integer,
	"actor" jsonb NOT NULL,
	"cost" numeric(10, 2),
	"reference" varchar(100),
	"note" varchar(500),
	CONSTRAINT "part_movements_reason_check" CHECK ("service"."part_movements"."reason" in ('receipt', 'repair_order', 'adjustment', 'void'))
);
--> statement-breakpoint
CREATE TABLE "service"."parts" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" varchar(40) NOT NULL,
	"description" varchar(200) NOT NULL,
	"price" numeric(10, 2) NOT NULL,
	"cost" numeric(10, 2),
	"on_hand" numeric(12, 2) DEFAULT '0' NOT NULL,
	"reorder_point" numeric(12, 2) DEFAULT '0' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parts_price_check" CHECK ("service"."parts"."price" >= 0),
	CONSTRAINT "parts_reorder_point_check" CHECK ("service"."parts"."reorder_point" >= 0)
);
--> statement-breakpoint
ALTER TABLE "service"."part_movements" ADD CONSTRAINT "part_movements_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "service"."parts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "part_movements_part_id_idx" ON "service"."part_movements" USING btree ("part_id","id");--> statement-breakpoint
CREATE INDEX "part_movements_repair_order_idx" ON "service"."part_movements" USING btree ("repair_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "parts_number_key" ON "service"."parts" USING btree (lower("number"));