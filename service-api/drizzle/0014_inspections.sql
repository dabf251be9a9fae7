CREATE TABLE "service"."inspection_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"repair_order_id" integer NOT NULL,
	"name" varchar(100) NOT NULL,
	"condition" varchar(6) NOT NULL,
	"note" varchar(1000),
	"line_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_items_condition_check" CHECK ("service"."inspection_items"."condition" in ('green', 'yellow', 'red'))
);
--> statement-breakpoint
CREATE TABLE "service"."inspection_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"repair_order_id" integer NOT NULL,
	"file" varchar(64) NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"thumbnail_bytes" integer NOT NULL,
	"source_type" varchar(20) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service"."inspection_template" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"items" jsonb NOT NULL,
	CONSTRAINT "inspection_template_one_row" CHECK ("service"."inspection_template"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "service"."inspection_items" ADD CONSTRAINT "inspection_items_repair_order_id_repair_orders_id_fk" FOREIGN KEY ("repair_order_id") REFERENCES "service"."repair_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service"."inspection_items" ADD CONSTRAINT "inspection_items_line_id_repair_order_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "service"."repair_order_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service"."inspection_photos" ADD CONSTRAINT "inspection_photos_item_id_inspection_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "service"."inspection_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service"."inspection_photos" ADD CONSTRAINT "inspection_photos_repair_order_id_repair_orders_id_fk" FOREIGN KEY ("repair_order_id") REFERENCES "service"."repair_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_items_order_idx" ON "service"."inspection_items" USING btree ("repair_order_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_photos_file_key" ON "service"."inspection_photos" USING btree ("file");--> statement-breakpoint
CREATE INDEX "inspection_photos_item_idx" ON "service"."inspection_photos" USING btree ("item_id","id");--> statement-breakpoint
CREATE INDEX "inspection_photos_order_idx" ON "service"."inspection_photos" USING btree ("repair_order_id");