#!/bin/sh
# Writes the API addresses and the dealership's time zone the browser app uses, from the container's environment, at start-up.
set -eu
cat > /usr/share/nginx/html/config.js <<CONFIG
window.__CARCAR_CONFIG__ = {
  inventoryApiUrl: "${INVENTORY_API_URL:-http://localhost:8100}",
  serviceApiUrl: "${SERVICE_API_URL:-http://localhost:8080}",
  salesApiUrl: "${SALES_API_URL:-http://localhost:8090}",
  timeZone: "${TIMEZONE:-UTC}"
};
CONFIG
