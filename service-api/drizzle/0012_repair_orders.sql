CREATE TABLE "service"."line_clock_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"line_id" integer NOT NULL,
	"technician_id" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "service"."repair_order_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"repair_order_id" integer NOT NULL,
	"kind" varchar(5) NOT NULL,
	"description" varchar(500) NOT NULL,
	"hours" numeric(5, 1),
	"rate" numeric(10, 2),
	"part_number" varchar(50),
	"quantity" numeric(10, 2) DEFAULT '1' NOT NULL,
	"unit_price" numeric(10, 2),
	"amount" numeric(14, 2) NOT NULL,
	"technician_id" integer,
	"status" varchar(10) DEFAULT 'proposed' NOT NULL,
	"approval_by" varchar(10),
	"approval_name" varchar(100),
	"approval_method" varchar(10),
	"approval_at" timestamp with time zone,
	"approval_address" varchar(64),
	"backordered" boolean DEFAULT false NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "repair_order_lines_kind_check" CHECK ("service"."repair_order_lines"."kind" in ('labor', 'part', 'fee')),
	CONSTRAINT "repair_order_lines_status_check" CHECK ("service"."repair_order_lines"."status" in ('proposed', 'approved', 'declined', 'done')),
	CONSTRAINT "repair_order_lines_quantity_check" CHECK ("service"."repair_order_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "service"."repair_order_payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"repair_order_id" integer NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"method" varchar(10) NOT NULL,
	"reference" varchar(100),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "repair_order_payments_amount_check" CHECK ("service"."repair_order_payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "service"."repair_orders" (
	"id" serial PRIMARY KEY NOT NULL,
	"vin" varchar(17) NOT NULL,
	"customer_name" varchar(100) NOT NULL,
	"customer_phone" varchar(20),
	"customer_email" varchar(200),
	"mileage" integer NOT NULL,
	"concern" varchar(1000) NOT NULL,
	"appointment_id" integer,
	"advisor_id" varchar(100),
	"advisor_name" varchar(200),
	"status" varchar(12) DEFAULT 'open' NOT NULL,
	"tax_rate" numeric(6, 3),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"invoiced_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"void_reason" varchar(500),
	"approval_token_hash" varchar(64),
	"approval_expires_at" timestamp with time zone,
	CONSTRAINT "repair_orders_status_check" CHECK ("service"."repair_orders"."status" in ('open', 'estimate', 'in_progress', 'ready', 'invoiced', 'closed', 'void')),
	CONSTRAINT "repair_orders_mileage_check" CHECK ("service"."repair_orders"."mileage" >= 0)
);
--> statement-breakpoint
CREATE TABLE "service"."shop_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"labor_rate" numeric(10, 2) NOT NULL,
	"tax_rate" numeric(6, 3) NOT NULL,
	CONSTRAINT "shop_settings_one_row" CHECK ("service"."shop_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "service"."line_clock_entries" ADD CONSTRAINT "line_clock_entries_line_id_repair_order_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "service"."repair_order_lines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service"."line_clock_entries" ADD CONSTRAINT "line_clock_entries_technician_id_technicians_id_fk" FOREIGN KEY ("technician_id") REFERENCES "service"."technicians"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service"."repair_order_lines" ADD CONSTRAINT "repair_order_lines_repair_order_id_repair_orders_id_fk" FOREIGN KEY ("repair_order_id") REFERENCES "service"."repair_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service"."repair_order_lines" ADD CONSTRAINT "repair_order_lines_technician_id_technicians_id_fk" FOREIGN KEY ("technician_id") REFERENCES "service"."technicians"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service"."repair_order_payments" ADD CONSTRAINT "repair_order_payments_repair_order_id_repair_orders_id_fk" FOREIGN KEY ("repair_order_id") REFERENCES "service"."repair_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service"."repair_orders" ADD CONSTRAINT "repair_orders_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "service"."appointments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "line_clock_entries_one_running_key" ON "service"."line_clock_entries" USING btree ("technician_id") WHERE "service"."line_clock_entries"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "line_clock_entries_line_idx" ON "service"."line_clock_entries" USING btree ("line_id");--> statement-breakpoint
CREATE INDEX "repair_order_lines_order_id_idx" ON "service"."repair_order_lines" USING btree ("repair_order_id","id");--> statement-breakpoint
CREATE INDEX "repair_order_lines_technician_idx" ON "service"."repair_order_lines" USING btree ("technician_id");--> statement-breakpoint
CREATE INDEX "repair_order_payments_order_idx" ON "service"."repair_order_payments" USING btree ("repair_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "repair_orders_approval_token_hash_key" ON "service"."repair_orders" USING btree ("approval_token_hash");--> statement-breakpoint
CREATE INDEX "repair_orders_vin_id_idx" ON "service"."repair_orders" USING btree ("vin","id");--> statement-breakpoint
CREATE INDEX "repair_orders_status_id_idx" ON "service"."repair_orders" USING btree ("status","id");