CREATE SCHEMA "inventory";
--> statement-breakpoint
CREATE TABLE "inventory"."automobile_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"vin" varchar(17) NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"automobile" json NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory"."automobiles" (
	"id" serial PRIMARY KEY NOT NULL,
	"vin" varchar(17) NOT NULL,
	"color" varchar(50) NOT NULL,
	"year" smallint NOT NULL,
	"sold" boolean DEFAULT false NOT NULL,
	"model_id" integer NOT NULL,
	CONSTRAINT "automobiles_vin_unique" UNIQUE("vin")
);
--> statement-breakpoint
CREATE TABLE "inventory"."manufacturers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory"."vehicle_models" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"picture_url" varchar(2000) NOT NULL,
	"manufacturer_id" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inventory"."automobiles" ADD CONSTRAINT "automobiles_model_id_vehicle_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "inventory"."vehicle_models"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."vehicle_models" ADD CONSTRAINT "vehicle_models_manufacturer_id_manufacturers_id_fk" FOREIGN KEY ("manufacturer_id") REFERENCES "inventory"."manufacturers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "automobiles_model_id_idx" ON "inventory"."automobiles" USING btree ("model_id");--> statement-breakpoint
CREATE INDEX "automobiles_sold_id_idx" ON "inventory"."automobiles" USING btree ("sold","id");--> statement-breakpoint
CREATE UNIQUE INDEX "manufacturers_name_key" ON "inventory"."manufacturers" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "vehicle_models_manufacturer_id_idx" ON "inventory"."vehicle_models" USING btree ("manufacturer_id");