ALTER TABLE "inventory"."events" ADD COLUMN "feed_seq" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "events_feed_seq_key" ON "inventory"."events" USING btree ("feed_seq");--> statement-breakpoint
CREATE INDEX "events_unnumbered_idx" ON "inventory"."events" USING btree ("seq") WHERE "inventory"."events"."feed_seq" is null;