ALTER TABLE "service"."events" ADD COLUMN "feed_seq" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "events_feed_seq_key" ON "service"."events" USING btree ("feed_seq");--> statement-breakpoint
CREATE INDEX "events_unnumbered_idx" ON "service"."events" USING btree ("seq") WHERE "service"."events"."feed_seq" is null;