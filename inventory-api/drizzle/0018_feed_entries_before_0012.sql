-- Feed entries are stored as they were written, and entries written before migration 0012 have no
-- condition, odometer, list_price, cost or acquired_at (nor created_at before 0007). The feed route
-- counts days_in_stock from acquired_at, so a page holding one answered 500 and a poller reading
-- from the start (a new replica, a restore, a re-sync) retried that page forever. Each such entry
-- gets the keys it lacks, as an automobile written then would have them today:
-- - condition 'new', odometer 0, list_price and cost null: the columns' defaults in 0012;
-- - acquired_at from the car's row, when the entry's car is still there (the same id: a VIN deleted
--   and entered again is another car), as 0013 backfilled it; else the entry's created_at (what 0013
--   took for every car then in stock); else, before 0007, when the entry was written: the car was in
--   stock by then, so its days in stock are never over-counted;
-- - created_at likewise from the car's row, else when the entry was written.
-- Keys an entry has are kept as they are. Entries are not audited (the trail covers automobiles), and
-- no trigger fires on an update of the feed (its one trigger draws seq on insert).
UPDATE "inventory"."automobile_changes" AS entry
SET automobile = (
  jsonb_build_object(
    'condition', 'new',
    'odometer', 0,
    'list_price', NULL,
    'cost', NULL,
    'created_at', coalesce(
      (SELECT to_char(car.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        FROM "inventory"."automobiles" AS car
        WHERE car.vin = entry.vin AND car.id::text = entry.automobile ->> 'id'),
      to_char(entry.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
    'acquired_at', coalesce(
      (SELECT to_char(car.acquired_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        FROM "inventory"."automobiles" AS car
        WHERE car.vin = entry.vin AND car.id::text = entry.automobile ->> 'id'),
      CASE WHEN json_typeof(entry.automobile -> 'created_at') = 'string' THEN entry.automobile ->> 'created_at' END,
      to_char(entry.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  ) || entry.automobile::jsonb
)::json
WHERE json_typeof(entry.automobile) = 'object'
  AND NOT (entry.automobile::jsonb ?& ARRAY['condition', 'odometer', 'list_price', 'cost', 'acquired_at', 'created_at']);
