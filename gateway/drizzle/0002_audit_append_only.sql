-- The identity trail (gateway/src/audit/trail.ts) is append-only, like the services' trails:
-- identity.audit_log refuses UPDATE, DELETE and TRUNCATE, so no one, not even a bug in the gateway,
-- rewrites who signed in or who changed an account. Unlike the services, users and api_tokens carry
-- no record_audit trigger: their entries are inserted by the gateway's use cases in the same
-- transaction as the change, because a trigger sees password_hash and token_hash (they must never
-- reach an entry), cannot show a password change as "(changed)" once the hash is left out, and would
-- turn the last-used write of every API token call into an entry.
CREATE FUNCTION "identity"."refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "identity"."audit_log"
  FOR EACH ROW EXECUTE FUNCTION "identity"."refuse_audit_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "identity"."audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "identity"."refuse_audit_change"();
