-- Cars in stock before automobiles.acquired_at existed were given the time of migration 0012; they
-- were acquired when inventory recorded them. The update is audited as the service's own change.
WITH audit AS (
  SELECT set_config(
    'carcar.audit',
    '{"actor": {"service": "inventory-api"}, "request_id": "migration 0013", "reason": "acquired_at read from created_at"}',
    true
  ) AS context
)
UPDATE "inventory"."automobiles" AS car SET acquired_at = car.created_at
FROM audit
WHERE car.acquired_at <> car.created_at;
