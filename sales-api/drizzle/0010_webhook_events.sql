-- Webhook events (docs/architecture.md, "Webhooks"). The feed's order must be commit order, as in
-- inventory's changes feed: an event gets a provisional seq when it is inserted, and this deferred
-- trigger draws the real one at commit under the events lock.
CREATE FUNCTION "sales"."event_seq_at_commit"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('carcar:sales:events'));
  UPDATE "sales"."events" SET "seq" = nextval('"sales"."events_seq_seq"') WHERE "seq" = NEW."seq";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "events_seq_at_commit" AFTER INSERT ON "sales"."events"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "sales"."event_seq_at_commit"();
--> statement-breakpoint
-- One line for any write that causes an event: `select sales.emit_event('sale.created', 'sale', id::text, data)`.
CREATE FUNCTION "sales"."emit_event"(event_type text, event_entity text, event_entity_id text, event_data jsonb)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "sales"."events" ("type", "entity", "entity_id", "data")
  VALUES (event_type, event_entity, event_entity_id, event_data);
$$;
--> statement-breakpoint
-- A trigger, as the audit trail's, so every path that records or voids a sale (the API, an import,
-- a one-off fix) appends its event in the same transaction, and none is forgotten.
CREATE FUNCTION "sales"."sale_events"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "sales"."emit_event"('sale.created', 'sale', NEW."id"::text,
      to_jsonb(NEW) || jsonb_build_object('vin', NEW."automobile_vin"));
  ELSIF OLD."voided_at" IS NULL AND NEW."voided_at" IS NOT NULL THEN
    PERFORM "sales"."emit_event"('sale.voided', 'sale', NEW."id"::text,
      to_jsonb(NEW) || jsonb_build_object('vin', NEW."automobile_vin"));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "sales_webhook_events" AFTER INSERT OR UPDATE OF "voided_at" ON "sales"."sales"
FOR EACH ROW EXECUTE FUNCTION "sales"."sale_events"();
