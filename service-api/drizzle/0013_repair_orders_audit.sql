-- Repair orders are audited like every other table (docs/audit.md): a row trigger records each
-- insert, update and delete with the actor, request id, action and reason the use case put in
-- carcar.audit. The order's approval-link hash is left out (a token's hash is still not for the
-- trail's readers); a customer's decision through the link is recorded on the line with the
-- address it came from (approval_address), so the entry says who, when and from where.
CREATE TRIGGER "repair_orders_audit" AFTER INSERT OR UPDATE OR DELETE ON "service"."repair_orders"
  FOR EACH ROW EXECUTE FUNCTION "service"."record_audit"('repair_order', 'vin', 'approval_token_hash', 'created_at');
--> statement-breakpoint
CREATE TRIGGER "repair_order_lines_audit" AFTER INSERT OR UPDATE OR DELETE ON "service"."repair_order_lines"
  FOR EACH ROW EXECUTE FUNCTION "service"."record_audit"('repair_order_line', '', 'created_at');
--> statement-breakpoint
CREATE TRIGGER "line_clock_entries_audit" AFTER INSERT OR UPDATE OR DELETE ON "service"."line_clock_entries"
  FOR EACH ROW EXECUTE FUNCTION "service"."record_audit"('line_clock', '');
--> statement-breakpoint
CREATE TRIGGER "repair_order_payments_audit" AFTER INSERT OR UPDATE OR DELETE ON "service"."repair_order_payments"
  FOR EACH ROW EXECUTE FUNCTION "service"."record_audit"('repair_order_payment', '');
--> statement-breakpoint
CREATE TRIGGER "shop_settings_audit" AFTER INSERT OR UPDATE OR DELETE ON "service"."shop_settings"
  FOR EACH ROW EXECUTE FUNCTION "service"."record_audit"('shop_settings', '');
