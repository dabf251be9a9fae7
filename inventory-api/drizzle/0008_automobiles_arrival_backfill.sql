-- Cars recorded before automobiles.created_at existed were given the time of migration 0007. Their
-- arrival is better read from the changes feed: the first entry for the VIN since it was last
-- deleted is when inventory recorded the car. The update is audited as the service's own change.
WITH audit AS (
  SELECT set_config(
    'carcar.audit',
    '{"actor": {"service": "inventory-api"}, "request_id": "migration 0008", "reason": "arrival time read from the changes feed"}',
    true
  ) AS context
), entries AS (
  SELECT vin, seq, deleted, changed_at,
    max(CASE WHEN deleted THEN seq END) OVER (PARTITION BY vin) AS last_deleted
  FROM "inventory"."automobile_changes"
), arrived AS (
  SELECT vin, min(changed_at) AS at FROM entries
  WHERE NOT deleted AND seq > coalesce(last_deleted, 0)
  GROUP BY vin
)
UPDATE "inventory"."automobiles" AS car SET created_at = arrived.at
FROM arrived, audit
WHERE arrived.vin = car.vin AND arrived.at < car.created_at;
