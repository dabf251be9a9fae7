-- The catalog lists' version: every row written to manufacturers or vehicle models (and a TRUNCATE)
-- adds one to the single row of catalog_version, in the writer's transaction. Row triggers, so a
-- write that touches nothing (a 404) changes nothing. The row's lock makes concurrent writers take
-- turns and is released only once the holder's commit is visible, so the count follows commit
-- order: a reader that sees n sees every catalog change counted up to n.
INSERT INTO "inventory"."catalog_version" ("id", "n") VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION "inventory"."catalog_version_bump"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "inventory"."catalog_version" SET "n" = "n" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "manufacturers_catalog_version" AFTER INSERT OR UPDATE OR DELETE ON "inventory"."manufacturers"
FOR EACH ROW EXECUTE FUNCTION "inventory"."catalog_version_bump"();
--> statement-breakpoint
CREATE TRIGGER "manufacturers_catalog_version_truncate" AFTER TRUNCATE ON "inventory"."manufacturers"
FOR EACH STATEMENT EXECUTE FUNCTION "inventory"."catalog_version_bump"();
--> statement-breakpoint
CREATE TRIGGER "vehicle_models_catalog_version" AFTER INSERT OR UPDATE OR DELETE ON "inventory"."vehicle_models"
FOR EACH ROW EXECUTE FUNCTION "inventory"."catalog_version_bump"();
--> statement-breakpoint
CREATE TRIGGER "vehicle_models_catalog_version_truncate" AFTER TRUNCATE ON "inventory"."vehicle_models"
FOR EACH STATEMENT EXECUTE FUNCTION "inventory"."catalog_version_bump"();
