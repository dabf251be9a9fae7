-- Sales keeps each car's cost from the feed (sales.automobile_costs) for its managers' front gross.
-- A sales-api older than that kept nothing, and its cursor is past the entries that carried the
-- costs, so those cars' sales answer front_gross null. One fresh entry per car with a cost tells
-- every poller again from where it is: sales stores the cost, service-api's copy gets what it has.
-- The JSON is the feed writer's, automobileJsonOf in src/json/automobile-json.ts as drizzle renders
-- it for the automobiles table (a change there must not leave this behind: the test compares the two).
-- Cars in id order, so the entries' order is reproducible. Only inventory.automobile_changes is
-- written: the audit and webhook triggers are on automobiles, and the feed's one trigger (0003)
-- draws each entry's seq at commit, above every entry a poller has read.
-- The cars are held still while they are read (share mode: reads go on, writes wait): a replica of
-- the previous version still running in a rolling update could otherwise change a car and commit
-- its entry before this one, which would then carry the car's older state as its latest.
LOCK TABLE "inventory"."automobiles" IN SHARE MODE;
--> statement-breakpoint
INSERT INTO "inventory"."automobile_changes" ("vin", "deleted", "automobile")
SELECT "inventory"."automobiles"."vin", false, json_build_object(
  'href', '/api/automobiles/' || "inventory"."automobiles"."vin" || '/', 'id', "inventory"."automobiles"."id", 'color', "inventory"."automobiles"."color",
  'year', "inventory"."automobiles"."year", 'vin', "inventory"."automobiles"."vin",
  'model', json_build_object(
    'href', '/api/models/' || "inventory"."vehicle_models"."id" || '/', 'id', "inventory"."vehicle_models"."id", 'name', "inventory"."vehicle_models"."name",
    'picture_url', "inventory"."vehicle_models"."picture_url",
    'manufacturer', json_build_object(
      'href', '/api/manufacturers/' || "inventory"."manufacturers"."id" || '/', 'id', "inventory"."manufacturers"."id", 'name', "inventory"."manufacturers"."name")),
  'sold', "inventory"."automobiles"."sold", 'created_at', to_char("inventory"."automobiles"."created_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'condition', "inventory"."automobiles"."condition", 'odometer', "inventory"."automobiles"."odometer", 'list_price', "inventory"."automobiles"."list_price",
  'acquired_at', to_char("inventory"."automobiles"."acquired_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'cost', "inventory"."automobiles"."cost")
FROM "inventory"."automobiles"
  join "inventory"."vehicle_models" on "inventory"."vehicle_models"."id" = "inventory"."automobiles"."model_id"
  join "inventory"."manufacturers" on "inventory"."manufacturers"."id" = "inventory"."vehicle_models"."manufacturer_id"
WHERE "inventory"."automobiles"."cost" IS NOT NULL
ORDER BY "inventory"."automobiles"."id";
