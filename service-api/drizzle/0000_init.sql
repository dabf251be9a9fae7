CREATE SCHEMA "service";
--> statement-breakpoint
CREATE TABLE "service"."appointments" (
	"id" serial PRIMARY KEY NOT NULL,
	"date_time" timestamp with time zone NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" varchar(200) NOT NULL,
	"status" varchar(10) DEFAULT 'created' NOT NULL,
	"vin" varchar(17) NOT NULL,
	"customer" varchar(100) NOT NULL,
	"technician_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_status_check" CHECK ("service"."appointments"."status" in ('created', 'canceled', 'finished')),
	CONSTRAINT "appointments_duration_check" CHECK ("service"."appointments"."duration_minutes" between 15 and 480)
);
--> statement-breakpoint
CREATE TABLE "service"."automobile_vos" (
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
CREATE TABLE "service"."sync_cursors" (
	"name" varchar(50) PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service"."technicians" (
	"id" serial PRIMARY KEY NOT NULL,
	"first_name" varchar(100) NOT NULL,
	"last_name" varchar(100) NOT NULL,
	"employee_id" varchar(50) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service"."appointments" ADD CONSTRAINT "appointments_technician_id_technicians_id_fk" FOREIGN KEY ("technician_id") REFERENCES "service"."technicians"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_vin_date_time_idx" ON "service"."appointments" USING btree ("vin","date_time");--> statement-breakpoint
CREATE INDEX "appointments_technician_date_time_idx" ON "service"."appointments" USING btree ("technician_id","date_time");--> statement-breakpoint
CREATE INDEX "appointments_date_time_idx" ON "service"."appointments" USING btree ("date_time");--> statement-breakpoint
CREATE INDEX "automobile_vos_sold_vin_index" ON "service"."automobile_vos" USING btree ("sold","vin");--> statement-breakpoint
CREATE UNIQUE INDEX "technicians_employee_id_key" ON "service"."technicians" USING btree (lower("employee_id"));