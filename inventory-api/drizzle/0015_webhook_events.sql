-- Webhook events (docs/architecture.md, "Webhooks"). The feed's order must be commit order, as in
-- the changes feed (0003): an event gets a provisional seq when it is inserted, and this deferred
-- trigger draws the real one at commit under the events lock.
CREATE FUNCTION "inventory"."event_seq_at_commit"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('carcar:inventory:events'));
  UPDATE "inventory"."events" SET "seq" = nextval('"inventory"."events_seq_seq"') WHERE "seq" = NEW."seq";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "events_seq_at_commit" AFTER INSERT ON "inventory"."events"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "inventory"."event_seq_at_commit"();
--> statement-breakpoint
-- One line for any write that causes an event, in its transaction.
CREATE FUNCTION "inventory"."emit_event"(event_type text, event_entity text, event_entity_id text, event_data jsonb)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "inventory"."events" ("type", "entity", "entity_id", "data")
  VALUES (event_type, event_entity, event_entity_id, event_data);
$$;
--> statement-breakpoint
-- Triggers, as the audit trail's, so every path that adds a car (the API, the CSV import, a
-- trade-in) or marks it sold or unsold (a PUT, the sales outbox's batch) appends its event in the
-- same transaction. The car's row without its cost, which only managers and administrators see.
CREATE FUNCTION "inventory"."automobile_events"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "inventory"."emit_event"('automobile.created', 'automobile', NEW."vin", to_jsonb(NEW) - 'cost');
  ELSE
    PERFORM "inventory"."emit_event"(CASE WHEN NEW."sold" THEN 'automobile.sold' ELSE 'automobile.unsold' END,
      'automobile', NEW."vin", to_jsonb(NEW) - 'cost');
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "automobiles_created_webhook_events" AFTER INSERT ON "inventory"."automobiles"
FOR EACH ROW EXECUTE FUNCTION "inventory"."automobile_events"();
--> statement-breakpoint
CREATE TRIGGER "automobiles_sold_webhook_events" AFTER UPDATE OF "sold" ON "inventory"."automobiles"
FOR EACH ROW WHEN (OLD."sold" IS DISTINCT FROM NEW."sold") EXECUTE FUNCTION "inventory"."automobile_events"();
