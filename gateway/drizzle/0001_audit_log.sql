CREATE TABLE "identity"."audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" jsonb NOT NULL,
	"action" varchar(40) NOT NULL,
	"entity" varchar(40) NOT NULL,
	"entity_id" varchar(100) NOT NULL,
	"vin" varchar(17),
	"changes" jsonb NOT NULL,
	"reason" varchar(500),
	"request_id" varchar(128) NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_log_vin_id_idx" ON "identity"."audit_log" USING btree ("vin","id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_id_idx" ON "identity"."audit_log" USING btree ("entity","entity_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "identity"."audit_log" USING btree ("at");