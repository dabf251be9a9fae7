ALTER TABLE "sales"."outbox" ADD COLUMN "trace_id" varchar(32);--> statement-breakpoint
ALTER TABLE "sales"."outbox" ADD COLUMN "span_id" varchar(16);