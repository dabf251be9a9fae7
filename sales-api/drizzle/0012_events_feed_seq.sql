ALTER TABLE "sales"."events" ADD COLUMN "feed_seq" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "events_feed_seq_key" ON "sales"."events" USING btree ("feed_seq");--> statement-breakpoint
CREATE INDEX "events_unnumbered_idx" ON "sales"."events" USING btree ("seq") WHERE "sales"."events"."feed_seq" is null;