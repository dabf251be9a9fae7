# One image per API, all from this file, built from the repository root:
#   docker build -f deploy/api.Dockerfile --build-arg SERVICE=inventory-api --build-arg PORT=8100 -t carcar/inventory-api .
# SERVICE is the API's workspace folder (inventory-api, service-api, sales-api); PORT is the port its
# configuration defaults to (8100, 8080, 8090), which the image exposes, sets and health-checks.
ARG NODE_IMAGE=node:20-bookworm-slim

# What `npm ci` reads and nothing else: the root manifests and every workspace's package.json (npm
# refuses the lock file if one is missing). The list comes from the root package.json.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN node deploy/workspace-manifests.mjs /src /manifests

FROM ${NODE_IMAGE} AS build
ARG SERVICE
ARG PORT
RUN test -n "$SERVICE" && test -n "$PORT" \
  || { echo 'build with --build-arg SERVICE=<API folder> --build-arg PORT=<its port>' >&2; exit 1; }
WORKDIR /app
COPY --from=manifests /manifests/ ./
COPY tsconfig.base.json ./
RUN npm ci --no-audit --no-fund
COPY scripts/build.mjs scripts/build-apis.mjs scripts/
COPY common common
COPY ${SERVICE} ${SERVICE}
RUN node scripts/build.mjs --only ${SERVICE}

# Only the packages the API needs at run time.
FROM ${NODE_IMAGE} AS deps
ARG SERVICE
WORKDIR /app
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev --no-audit --no-fund --workspace ${SERVICE}

FROM ${NODE_IMAGE}
ARG SERVICE
ARG PORT
ENV NODE_ENV=production PORT=${PORT} DATA_DIR=/tmp/carcar
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY ${SERVICE}/package.json ${SERVICE}/
COPY ${SERVICE}/drizzle ${SERVICE}/drizzle
COPY --from=build /app/${SERVICE}/dist ${SERVICE}/dist
# service-api's inspection photos (PHOTOS_DIR in docker-compose.yml): a volume mounted here starts owned by node.
RUN mkdir -p /var/lib/carcar/photos && chown node:node /var/lib/carcar/photos
USER node
WORKDIR /app/${SERVICE}
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/main.js"]
