-- Custom SQL migration file, put your code below! --
-- A technician cannot hold two `created` appointments whose time ranges overlap. The database
-- enforces it, so two concurrent bookings cannot both win. btree_gist lets one GiST index combine
-- the technician (=) with the time range (&&); PGlite ships it as a contrib extension.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "service"."appointments" ADD CONSTRAINT "appointments_no_double_booking"
  EXCLUDE USING gist ("technician_id" WITH =, tstzrange("date_time", "ends_at") WITH &&)
  WHERE ("status" = 'created');
--> statement-breakpoint
ALTER TABLE "service"."appointments" ADD CONSTRAINT "appointments_ends_after_start_check"
  CHECK ("ends_at" > "date_time");
