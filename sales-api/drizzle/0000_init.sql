CREATE SCHEMA "sales";
--> statement-breakpoint
CREATE TABLE "sales"."automobile_vos" (
	"vin" varchar(17) PRIMARY KEY NOT NULL,
	"sold" boolean NOT NULL,
	"year" smallint NOT NULL,
	"color" varchar(50) NOT NULL,
	"model_name" varchar(100) NOT NULL,
	"manufacturer_name" varchar(100) NOT NULL,
	"in_inventory" boolean DEFAULT true NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales"."customers" (
	"id" serial PRIMARY KEY NOT NULL,
	"first_name" varchar(100) NOT NULL,
	"last_name" varchar(100) NOT NULL,
	"address" varchar(200) NOT NULL,
	"phone_number" varchar(20) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales"."outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"vin" varchar(17) NOT NULL,
	"sold" boolean NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"leased_until" timestamp with time zone,
	"last_error" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales"."sales" (
	"id" serial PRIMARY KEY NOT NULL,
	"price" numeric(10, 2) NOT NULL,
	"automobile_vin" varchar(17) NOT NULL,
	"salesperson_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sales"."salespeople" (
	"id" serial PRIMARY KEY NOT NULL,
	"first_name" varchar(100) NOT NULL,
	"last_name" varchar(100) NOT NULL,
	"employee_id" varchar(50) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales"."sync_cursors" (
	"name" varchar(50) PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sales"."sales" ADD CONSTRAINT "sales_automobile_vin_automobile_vos_vin_fk" FOREIGN KEY ("automobile_vin") REFERENCES "sales"."automobile_vos"("vin") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales"."sales" ADD CONSTRAINT "sales_salesperson_id_salespeople_id_fk" FOREIGN KEY ("salesperson_id") REFERENCES "sales"."salespeople"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales"."sales" ADD CONSTRAINT "sales_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "sales"."customers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "automobile_vos_sold_vin_index" ON "sales"."automobile_vos" USING btree ("sold","vin");--> statement-breakpoint
CREATE INDEX "outbox_vin_id_idx" ON "sales"."outbox" USING btree ("vin","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_one_live_sale_per_automobile" ON "sales"."sales" USING btree ("automobile_vin") WHERE "sales"."sales"."voided_at" is null;--> statement-breakpoint
CREATE INDEX "sales_salesperson_id_idx" ON "sales"."sales" USING btree ("salesperson_id");--> statement-breakpoint
CREATE INDEX "sales_customer_id_idx" ON "sales"."sales" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "salespeople_employee_id_key" ON "sales"."salespeople" USING btree (lower("employee_id"));