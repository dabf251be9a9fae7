-- The parts list is audited like every other table (docs/audit.md): creating a part, changing it and
-- every change of its stock (on_hand, with the action and reason the use case gives: receipt,
-- adjustment, repair_order, void) is an entry in service.audit_log in the same transaction.
-- part_movements is not audited: it is itself an append-only journal of stock, naming its actor.
CREATE TRIGGER "parts_audit" AFTER INSERT OR UPDATE OR DELETE ON "service"."parts"
  FOR EACH ROW EXECUTE FUNCTION "service"."record_audit"('part', '', 'created_at');
