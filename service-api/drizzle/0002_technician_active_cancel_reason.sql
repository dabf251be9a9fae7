ALTER TABLE "service"."appointments" ADD COLUMN "cancel_reason" varchar(500);--> statement-breakpoint
ALTER TABLE "service"."technicians" ADD COLUMN "active" boolean DEFAULT true NOT NULL;