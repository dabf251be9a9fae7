-- The inspection is audited like every other table (docs/audit.md): items, photos (their rows: the
-- image files are not data the trail can hold) and the shop's checklist.
CREATE TRIGGER "inspection_items_audit" AFTER INSERT OR UPDATE OR DELETE ON "service"."inspection_items"
  FOR EACH ROW EXECUTE FUNCTION "service"."record_audit"('inspection_item', '', 'created_at');
--> statement-breakpoint
CREATE TRIGGER "inspection_photos_audit" AFTER INSERT OR UPDATE OR DELETE ON "service"."inspection_photos"
  FOR EACH ROW EXECUTE FUNCTION "service"."record_audit"('inspection_photo', '', 'created_at');
--> statement-breakpoint
CREATE TRIGGER "inspection_template_audit" AFTER INSERT OR UPDATE OR DELETE ON "service"."inspection_template"
  FOR EACH ROW EXECUTE FUNCTION "service"."record_audit"('inspection_template', '');
