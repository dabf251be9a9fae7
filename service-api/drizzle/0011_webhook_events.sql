-- Webhook events (docs/architecture.md, "Webhooks"). The feed's order must be commit order, as in
-- inventory's changes feed: an event gets a provisional seq when it is inserted, and this deferred
-- trigger draws the real one at commit under the events lock.
CREATE FUNCTION "service"."event_seq_at_commit"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('carcar:service:events'));
  UPDATE "service"."events" SET "seq" = nextval('"service"."events_seq_seq"') WHERE "seq" = NEW."seq";
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "events_seq_at_commit" AFTER INSERT ON "service"."events"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "service"."event_seq_at_commit"();
--> statement-breakpoint
-- One line for any write that causes an event, in its transaction:
-- `select service.emit_event('repair_order.ready', 'repair_order', id::text, to_jsonb(ro))`.
CREATE FUNCTION "service"."emit_event"(event_type text, event_entity text, event_entity_id text, event_data jsonb)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "service"."events" ("type", "entity", "entity_id", "data")
  VALUES (event_type, event_entity, event_entity_id, event_data);
$$;
--> statement-breakpoint
-- A trigger, as the audit trail's, so every path that books, cancels or finishes an appointment
-- appends its event in the same transaction, and none is forgotten.
CREATE FUNCTION "service"."appointment_events"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "service"."emit_event"('appointment.created', 'appointment', NEW."id"::text, to_jsonb(NEW));
  ELSIF OLD."status" IS DISTINCT FROM NEW."status" AND NEW."status" IN ('canceled', 'finished') THEN
    PERFORM "service"."emit_event"('appointment.' || NEW."status", 'appointment', NEW."id"::text, to_jsonb(NEW));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "appointments_webhook_events" AFTER INSERT OR UPDATE OF "status" ON "service"."appointments"
FOR EACH ROW EXECUTE FUNCTION "service"."appointment_events"();
