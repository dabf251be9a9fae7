CREATE TABLE "service"."email_unsubscribes" (
	"email" varchar(254) PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service"."emails" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"to" varchar(254) NOT NULL,
	"subject" varchar(300) NOT NULL,
	"body" text,
	"kind" varchar(40) NOT NULL,
	"dedupe_key" varchar(200),
	"unsubscribable" boolean DEFAULT false NOT NULL,
	"unsubscribe_token_hash" char(64),
	"status" varchar(10) DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"note" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "emails_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "emails_unsubscribe_token_hash_unique" UNIQUE("unsubscribe_token_hash"),
	CONSTRAINT "emails_status_check" CHECK ("service"."emails"."status" in ('queued', 'sent', 'failed', 'skipped'))
);
--> statement-breakpoint
CREATE INDEX "emails_due_idx" ON "service"."emails" USING btree ("next_attempt_at") WHERE "service"."emails"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "emails_to_idx" ON "service"."emails" USING btree (lower("to"));