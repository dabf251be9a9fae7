-- The audit trail's triggers (common/src/db/audit.ts). Each audited table records every insert,
-- update and delete in inventory.audit_log, in the same transaction, with the actor, request id, action
-- and reason the service put in the transaction setting carcar.audit. A change without that
-- setting is refused: nothing is changed without saying who changed it. audit_log itself refuses
-- UPDATE, DELETE and TRUNCATE, so no one, not even a bug in the service, rewrites history.
CREATE FUNCTION "inventory"."record_audit"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  context jsonb := nullif(current_setting('carcar.audit', true), '')::jsonb;
  before_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE to_jsonb(OLD) END;
  after_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE to_jsonb(NEW) END;
  -- TG_ARGV: the entity's name, the column holding its VIN ('' for none), then columns to leave out.
  vin_column text := TG_ARGV[1];
  changed jsonb := '{}'::jsonb;
  field text;
BEGIN
  IF context IS NULL THEN
    RAISE EXCEPTION 'a change to %.% must say who makes it (carcar.audit is not set)', TG_TABLE_SCHEMA, TG_TABLE_NAME;
  END IF;
  FOR field IN SELECT jsonb_object_keys(before_row || after_row) LOOP
    CONTINUE WHEN field = ANY (TG_ARGV[2:]);
    IF coalesce(before_row -> field, 'null') IS DISTINCT FROM coalesce(after_row -> field, 'null') THEN
      changed := changed || jsonb_build_object(field, jsonb_build_array(before_row -> field, after_row -> field));
    END IF;
  END LOOP;
  -- An update that changed nothing staff see is not an event.
  IF TG_OP = 'UPDATE' AND changed = '{}'::jsonb THEN
    RETURN NULL;
  END IF;
  INSERT INTO "inventory"."audit_log" (actor, action, entity, entity_id, vin, changes, reason, request_id)
  VALUES (
    context -> 'actor',
    coalesce(context ->> 'action', CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END),
    TG_ARGV[0],
    coalesce(after_row ->> 'id', before_row ->> 'id'),
    CASE WHEN vin_column <> '' THEN coalesce(after_row ->> vin_column, before_row ->> vin_column) END,
    changed,
    context ->> 'reason',
    coalesce(context ->> 'request_id', '')
  );
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "inventory"."refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "inventory"."audit_log"
  FOR EACH ROW EXECUTE FUNCTION "inventory"."refuse_audit_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "inventory"."audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "inventory"."refuse_audit_change"();
--> statement-breakpoint
CREATE TRIGGER "manufacturers_audit" AFTER INSERT OR UPDATE OR DELETE ON "inventory"."manufacturers"
  FOR EACH ROW EXECUTE FUNCTION "inventory"."record_audit"('manufacturer', '');
--> statement-breakpoint
CREATE TRIGGER "vehicle_models_audit" AFTER INSERT OR UPDATE OR DELETE ON "inventory"."vehicle_models"
  FOR EACH ROW EXECUTE FUNCTION "inventory"."record_audit"('model', '');
--> statement-breakpoint
CREATE TRIGGER "automobiles_audit" AFTER INSERT OR UPDATE OR DELETE ON "inventory"."automobiles"
  FOR EACH ROW EXECUTE FUNCTION "inventory"."record_audit"('automobile', 'vin');
